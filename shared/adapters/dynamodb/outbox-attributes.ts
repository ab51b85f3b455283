import type { OutboxEntry } from '#domain/messaging/outbox.ts';
import { keys } from './keys.ts';

/**
 * How a row says it owes a queue a message: the sparse outbox index keys (GSI2), the queue and the
 * message itself, so the sweeper can re-send it without knowing any stage. Each stage's write puts
 * these on (with its own count of re-sends) and the next stage's write takes them off.
 */
export function outboxAttributes(entry: OutboxEntry, orgId: string, id: string, pendingSince: string) {
  return {
    ...keys.outbox(entry.queue, orgId, id, pendingSince),
    outboxQueue: entry.queue,
    outboxMessage: entry.message,
    resendCount: 0,
  };
}

/** An UpdateExpression `SET` clause (and its values) that puts a row in the outbox. */
export function outboxSet(entry: OutboxEntry, orgId: string, id: string, pendingSince: string) {
  const attributes = outboxAttributes(entry, orgId, id, pendingSince);
  return {
    clause:
      'GSI2PK = :outboxPk, GSI2SK = :outboxSk, outboxQueue = :outboxQueue, outboxMessage = :outboxMessage, resendCount = :outboxResends',
    values: {
      ':outboxPk': attributes.GSI2PK,
      ':outboxSk': attributes.GSI2SK,
      ':outboxQueue': attributes.outboxQueue,
      ':outboxMessage': attributes.outboxMessage,
      ':outboxResends': 0,
    },
  };
}

/** The `REMOVE` list that takes a row out of the outbox (`pendingKind`: rows from before entries). */
export const OUTBOX_REMOVE = 'GSI2PK, GSI2SK, outboxQueue, outboxMessage, resendCount, pendingKind';
