import { ClassifyMessage } from '../emails/email.ts';
import { EventMessage } from '../inbox/event-message.ts';
import { WorkflowStart } from '../workflows/workflow.ts';
import { type OutboxEntry, outboxEntry, type WorkQueueName } from './outbox.ts';

/**
 * Every work queue and the message it carries. A queue added to the topology adds its line here,
 * and from then on its stage is covered by the outbox: a row that owes it a message says so with
 * an `OutboxEntry`, and the sweeper re-sends exactly that message if it never got through.
 * (Apart from outbox.ts so that writing an entry does not pull the schemas into a bundle.)
 */
export const QUEUE_MESSAGES = {
  events: EventMessage,
  classify: ClassifyMessage,
  workflow: WorkflowStart,
} as const;
export const WORK_QUEUES = Object.keys(QUEUE_MESSAGES) as WorkQueueName[];

/** Reads a stored entry back; undefined when it names no queue or its message does not fit. */
export function parseOutboxEntry(queue: unknown, message: unknown): OutboxEntry | undefined {
  if (typeof queue !== 'string' || !Object.hasOwn(QUEUE_MESSAGES, queue)) return undefined;
  const parsed = QUEUE_MESSAGES[queue as WorkQueueName].safeParse(message);
  return parsed.success ? outboxEntry(queue as WorkQueueName, parsed.data) : undefined;
}
