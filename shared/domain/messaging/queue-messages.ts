import type { z } from 'zod';
import { ClassifyMessage } from '../emails/email.ts';
import { EventMessage } from '../inbox/event-message.ts';
import { WorkflowMessage } from '../workflow/messages.ts';
import type { WorkQueueName } from './outbox.ts';

/**
 * Every work queue and the message it carries. A queue added to the topology adds its name to
 * WORK_QUEUES and its line here, and from then on its stage is covered by the outbox: a row that
 * owes it a message says so with an `OutboxEntry`, and the sweeper re-sends exactly that message.
 */
export const QUEUE_MESSAGES = {
  events: EventMessage,
  classify: ClassifyMessage,
  workflow: WorkflowMessage,
} as const satisfies Record<WorkQueueName, z.ZodType>;
