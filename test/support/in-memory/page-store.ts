import type { Page } from '#domain/on-call/page.ts';
import type { PageFilter, PageStore } from '#domain/on-call/ports.ts';
import { RETENTION } from '#vocabulary/desk.ts';
import { copy, rowKey } from './rows.ts';
import { pageOf, withCursor } from './workflow-store.ts';

type Paging = { limit: number; cursor?: string };

const KEPT_MS = RETENTION.historyDays * 24 * 3600 * 1000;

/**
 * The in-memory twin of DynamoPageStore (test/integration/contracts proves them alike): the org's
 * pages newest first, the due index computed from the pages still paging, and an acknowledged
 * page gone once its retention has passed at the `now` a read is given.
 */
export class InMemoryPageStore implements PageStore {
  readonly #pages = new Map<string, Page>();

  async create(page: Page): Promise<'created' | 'exists'> {
    const key = rowKey(page.orgId, page.pageId);
    if (this.#pages.has(key)) return 'exists';
    this.#pages.set(key, copy(page));
    return 'created';
  }

  async get(orgId: string, pageId: string, now: Date): Promise<Page | undefined> {
    const page = this.#pages.get(rowKey(orgId, pageId));
    return page && !expired(page, now) ? copy(page) : undefined;
  }

  async save(next: Page, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const key = rowKey(next.orgId, next.pageId);
    if (this.#pages.get(key)?.version !== expectedVersion) return 'conflict';
    this.#pages.set(key, copy(next));
    return 'saved';
  }

  async list(
    orgId: string,
    filter: PageFilter,
    paging: Paging,
    now: Date,
  ): Promise<{ pages: readonly Page[]; cursor?: string }> {
    const listed = [...this.#pages.values()]
      .filter((page) => page.orgId === orgId && !expired(page, now))
      .filter((page) => filter.status === undefined || page.status === filter.status)
      .filter(
        (page) =>
          filter.agentId === undefined || page.targets.some((target) => target.agentId === filter.agentId),
      )
      .map((page) => ({ key: `${page.createdAt}#${page.pageId}`, item: copy(page) }))
      .sort((a, b) => (a.key < b.key ? 1 : -1));
    const { items, cursor } = pageOf(listed, `pages|${orgId}`, paging, (key, after) => key < after);
    return withCursor({ pages: items }, cursor);
  }

  async due(
    at: Date,
    paging: Paging,
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    const upTo = `${at.toISOString()}#\uffff`;
    const index = [...this.#pages.values()]
      .flatMap((page) =>
        page.status === 'paging' && page.nextAt
          ? [
              {
                key: `${page.nextAt}#${page.orgId}#${page.pageId}`,
                item: { orgId: page.orgId, id: page.pageId, dueAt: page.nextAt },
              },
            ]
          : [],
      )
      .filter((entry) => entry.key <= upTo)
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const { items, cursor } = pageOf(index, `due|${at.toISOString()}`, paging, (key, after) => key > after);
    return withCursor({ due: items }, cursor);
  }
}

function expired(page: Page, now: Date): boolean {
  return page.ackAt !== undefined && Date.parse(page.ackAt) + KEPT_MS <= now.getTime();
}
