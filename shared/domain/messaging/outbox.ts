import type { z } from 'zod';
import type { QUEUE_MESSAGES } from './queue-messages.ts';

// No runtime imports: the webhook hot path writes outbox entries and the sweeper reads them,
// and neither should carry the message schemas (bench/bundles.ts weighs them).

/** The work queues, as lib/topology.ts names them; queue-messages.ts gives each its message. */
export const WORK_QUEUES = ['events', 'classify', 'workflow'] as const;
export type WorkQueueName = (typeof WORK_QUEUES)[number];
export type QueueMessage<Q extends WorkQueueName> = z.infer<(typeof QUEUE_MESSAGES)[Q]>;

/** What a stored row still owes the next stage: one message for one queue. */
export type OutboxEntry = {
  [Q in WorkQueueName]: { readonly queue: Q; readonly message: QueueMessage<Q> };
}[WorkQueueName];

/** The outbox entry for a queue, typed by the queue's message. */
export function outboxEntry<Q extends WorkQueueName>(queue: Q, message: QueueMessage<Q>): OutboxEntry {
  return { queue, message } as OutboxEntry;
}

/**
 * A stored entry read back; undefined when it names no work queue. The message is the one the
 * row's own write stored; its consumer validates it, as it validates every message.
 */
export function storedOutboxEntry(queue: unknown, message: unknown): OutboxEntry | undefined {
  const known = (WORK_QUEUES as readonly unknown[]).includes(queue);
  if (!known || typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  return { queue, message } as OutboxEntry;
}
