import type { Clock } from '#domain/clock.ts';
import type { QueueFilter, QueueStore } from '#domain/desk/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { queueItemKept } from '#domain/desk/retention.ts';
import { systemClock } from '#platform/clock.ts';
import { duePage } from './due-entries.ts';

const copy = (item: QueueItem): QueueItem => structuredClone(item);

/**
 * The in-memory twin of DynamoQueueStore (test/integration/contracts proves them alike): items
 * by org and id, copied in and out; the due index computed on each call in its order
 * (`<dueAt>#<orgId>#<id>`), open items only. A done item past its TTL at the clock's `now` is
 * gone from reads, as if DynamoDB had not deleted it yet.
 */
export class InMemoryQueueStore implements QueueStore {
  readonly #items = new Map<string, QueueItem>();

  constructor(private readonly clock: Clock = systemClock) {}

  async create(item: QueueItem): Promise<'created' | 'exists'> {
    const key = `${item.orgId}|${item.itemId}`;
    if (this.#items.has(key) && this.#items.get(key)?.status !== 'done') return 'exists';
    this.#items.set(key, copy(item));
    return 'created';
  }

  async get(orgId: string, itemId: string): Promise<QueueItem | undefined> {
    const item = this.#items.get(`${orgId}|${itemId}`);
    return item && queueItemKept(item, this.clock.now()) ? copy(item) : undefined;
  }

  async save(next: QueueItem, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const key = `${next.orgId}|${next.itemId}`;
    if (this.#items.get(key)?.version !== expectedVersion) return 'conflict';
    this.#items.set(key, copy(next));
    return 'saved';
  }

  async listOpen(orgId: string, filter: QueueFilter): Promise<readonly QueueItem[]> {
    return [...this.#items.values()]
      .filter(
        (item) =>
          item.orgId === orgId &&
          item.status !== 'done' &&
          (filter.status === undefined || item.status === filter.status) &&
          (filter.assignee === undefined || item.assignee === filter.assignee),
      )
      .sort((a, b) => (`${a.createdAt}#${a.itemId}` < `${b.createdAt}#${b.itemId}` ? -1 : 1))
      .map(copy);
  }

  async due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    return duePage(
      [...this.#items.values()].flatMap((item) =>
        item.status !== 'done' && item.dueAt !== undefined
          ? [{ orgId: item.orgId, id: item.itemId, dueAt: item.dueAt }]
          : [],
      ),
      at,
      page,
    );
  }
}
