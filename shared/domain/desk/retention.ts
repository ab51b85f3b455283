import { isExpired } from '#domain/conversations/retention.ts';
import { RETENTION } from '#vocabulary/desk.ts';
import type { QueueItem } from './queue-item.ts';

const DAY_MS = 86_400_000;

/**
 * A done item is the desk's history, kept as long as the workflows and the audit trail: 90 days
 * after it was done (its TTL); an item still open never expires.
 */
export function queueItemExpiresAt(item: QueueItem): string | undefined {
  if (item.status !== 'done' || item.doneAt === undefined) return undefined;
  return new Date(Date.parse(item.doneAt) + RETENTION.historyDays * DAY_MS).toISOString();
}

/** False once its TTL has passed at `now`: DynamoDB deletes lazily, so every read asks. */
export function queueItemKept(item: QueueItem, now: Date): boolean {
  return !isExpired(queueItemExpiresAt(item), now);
}
