import type { z } from 'zod';
import { ClassifyMessage } from '../emails/email.ts';
import { EventMessage } from '../inbox/event-message.ts';
import { WorkflowStart } from '../workflows/workflow.ts';

/**
 * Every work queue and the message it carries. A queue added to the topology adds its line here,
 * and from then on its stage is covered by the outbox: a row that owes it a message says so with
 * an `OutboxEntry`, and the sweeper re-sends exactly that message if it never got through.
 */
export const QUEUE_MESSAGES = {
  events: EventMessage,
  classify: ClassifyMessage,
  workflow: WorkflowStart,
} as const;
export type WorkQueueName = keyof typeof QUEUE_MESSAGES;
export const WORK_QUEUES = Object.keys(QUEUE_MESSAGES) as WorkQueueName[];
export type QueueMessage<Q extends WorkQueueName> = z.infer<(typeof QUEUE_MESSAGES)[Q]>;

/** What a stored row still owes the next stage: one message for one queue. */
export type OutboxEntry = {
  [Q in WorkQueueName]: { readonly queue: Q; readonly message: QueueMessage<Q> };
}[WorkQueueName];

/** The outbox entry for a queue, typed by the queue's message. */
export function outboxEntry<Q extends WorkQueueName>(queue: Q, message: QueueMessage<Q>): OutboxEntry {
  return { queue, message } as OutboxEntry;
}

/** Reads a stored entry back; undefined when it names no queue or its message does not fit. */
export function parseOutboxEntry(queue: unknown, message: unknown): OutboxEntry | undefined {
  if (typeof queue !== 'string' || !Object.hasOwn(QUEUE_MESSAGES, queue)) return undefined;
  const parsed = QUEUE_MESSAGES[queue as WorkQueueName].safeParse(message);
  return parsed.success ? outboxEntry(queue as WorkQueueName, parsed.data) : undefined;
}
