import type { Urgency } from '#vocabulary/classification.ts';
import type { QueueItem } from './queue-item.ts';

const RANK: Readonly<Record<Urgency, number>> = { emergency: 0, high: 1, medium: 2, low: 3 };

/** Urgency first (emergency > high > medium > low), then age (oldest first); equal items keep their order. */
export function comparePriority(
  a: Pick<QueueItem, 'urgency' | 'createdAt'>,
  b: Pick<QueueItem, 'urgency' | 'createdAt'>,
): number {
  const byUrgency = RANK[a.urgency] - RANK[b.urgency];
  if (byUrgency !== 0) return byUrgency;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** The items in priority order (a stable sort: a copy, the input is left as it was). */
export function byPriority<T extends Pick<QueueItem, 'urgency' | 'createdAt'>>(items: readonly T[]): T[] {
  return [...items].sort(comparePriority);
}
