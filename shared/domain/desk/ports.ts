/** Ports of the desk's queue. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { QueueItemStatus } from '#vocabulary/desk.ts';
import type { QueueItem } from './queue-item.ts';

export interface QueueFilter {
  readonly status?: QueueItemStatus;
  readonly assignee?: string;
}

/** Queue items, one each with a version; an item with a deadline is in the due index (family `queue`). */
export interface QueueStore {
  /**
   * Creates it if absent: a second create of the same id changes nothing. A done item (kept as
   * history, or past its TTL and not yet deleted) is replaced: the thing needs a person again.
   */
  create(item: QueueItem): Promise<'created' | 'exists'>;
  get(orgId: string, itemId: string): Promise<QueueItem | undefined>;
  /** Writes `next` if the stored version is still `expectedVersion`. */
  save(next: QueueItem, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** The org's open items (not `done`), filtered; ordering is the caller's (priority is domain logic). */
  listOpen(orgId: string, filter: QueueFilter): Promise<readonly QueueItem[]>;
  /** Items of every org whose deadline is at `at` or before, earliest first. */
  due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }>;
}
