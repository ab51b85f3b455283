import type { z } from 'zod';
import type { QUEUE_MESSAGES } from './queue-messages.ts';

// Types and a constructor only: the webhook hot path writes outbox entries, and must not carry
// the message schemas (bench/ingest.ts weighs its bundle).

export type WorkQueueName = keyof typeof QUEUE_MESSAGES;
export type QueueMessage<Q extends WorkQueueName> = z.infer<(typeof QUEUE_MESSAGES)[Q]>;

/** What a stored row still owes the next stage: one message for one queue. */
export type OutboxEntry = {
  [Q in WorkQueueName]: { readonly queue: Q; readonly message: QueueMessage<Q> };
}[WorkQueueName];

/** The outbox entry for a queue, typed by the queue's message. */
export function outboxEntry<Q extends WorkQueueName>(queue: Q, message: QueueMessage<Q>): OutboxEntry {
  return { queue, message } as OutboxEntry;
}
