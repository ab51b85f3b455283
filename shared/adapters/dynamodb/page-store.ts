import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '#domain/on-call/page.ts';
import type { PageFilter, PageStore } from '#domain/on-call/ports.ts';
import { RETENTION } from '#vocabulary/desk.ts';
import { documentClient } from './document-client.ts';
import { readDue } from './due-index.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';
import { putIfAbsent, putOnVersion } from './versioned-put.ts';

type Key = Record<string, unknown>;

const ITEM_PREFIX = 'PAGE#';
const KEPT_SECONDS = RETENTION.historyDays * 24 * 3600;

/** A page in its org's partition, beside the org's other items. */
const pageKey = (orgId: string, pageId: string) => ({ PK: keys.org(orgId), SK: `${ITEM_PREFIX}${pageId}` });
/** The org's pages by creation (GSI1), newest first when read backwards. */
const listingPk = (orgId: string) => `${keys.org(orgId)}#PAGES`;

/**
 * The stored item: the page, its listing keys, the people it went to as a flat list (the `mine`
 * filter), the due index entry at `nextAt` while it pages, and once acknowledged or stood down
 * its expiry (kept RETENTION.historyDays after).
 */
function pageItem(page: Page): Record<string, unknown> {
  return {
    ...pageKey(page.orgId, page.pageId),
    ...page,
    GSI1PK: listingPk(page.orgId),
    GSI1SK: `${page.createdAt}#${page.pageId}`,
    targetIds: page.targets.map((target) => target.agentId),
    ...(page.status === 'paging' && page.nextAt
      ? keys.due(page.orgId, page.pageId, page.nextAt, 'page')
      : {}),
    ...(endedAt(page)
      ? { expiresAt: Math.floor(Date.parse(endedAt(page) ?? '') / 1000) + KEPT_SECONDS }
      : {}),
  };
}

function endedAt(page: Page): string | undefined {
  return page.ackAt ?? page.stoodDownAt;
}

function pageOf(item: Key): Page {
  const { targetIds: _flat, ...record } = withoutKeys<Page & { targetIds?: unknown }>(item);
  return record;
}

/** DynamoDB deletes expired items lazily (within days): a read never returns one. */
function expired(item: Key, now: Date): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt * 1000 <= now.getTime();
}

/** Pages on the main table (shared/domain/on-call/ports.ts `PageStore`). */
export class DynamoPageStore implements PageStore {
  constructor(private readonly tableName: string) {}

  async create(page: Page): Promise<'created' | 'exists'> {
    return putIfAbsent(this.tableName, pageItem(page));
  }

  async get(orgId: string, pageId: string, now: Date): Promise<Page | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: pageKey(orgId, pageId), ConsistentRead: true }),
    );
    return Item && !expired(Item, now) ? pageOf(Item) : undefined;
  }

  /** The whole item, on the version read: the due entry moves (or leaves, once acknowledged) with it. */
  async save(next: Page, expectedVersion: number): Promise<'saved' | 'conflict'> {
    return putOnVersion(this.tableName, pageItem(next), expectedVersion);
  }

  async list(
    orgId: string,
    filter: PageFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<{ pages: readonly Page[]; cursor?: string }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':pk': listingPk(orgId),
      ':now': Math.floor(now.getTime() / 1000),
    };
    const filters = ['(attribute_not_exists(expiresAt) OR expiresAt > :now)'];
    if (filter.status !== undefined) {
      names['#status'] = 'status';
      values[':status'] = filter.status;
      filters.push('#status = :status');
    }
    if (filter.agentId !== undefined) {
      values[':agent'] = filter.agentId;
      filters.push('contains(targetIds, :agent)');
    }
    const { items, cursor } = await readListingPage(
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ScanIndexForward: false,
        FilterExpression: filters.join(' AND '),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
      {
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
        accepts: (key) => {
          const { PK, SK, GSI1PK, GSI1SK, ...extra } = key;
          return (
            Object.keys(extra).length === 0 &&
            PK === keys.org(orgId) &&
            typeof SK === 'string' &&
            SK.startsWith(ITEM_PREFIX) &&
            GSI1PK === listingPk(orgId) &&
            typeof GSI1SK === 'string'
          );
        },
        map: pageOf,
      },
    );
    return cursor ? { pages: items, cursor } : { pages: items };
  }

  async due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    const { due, cursor } = await readDue(this.tableName, 'page', at, page);
    return cursor ? { due, cursor } : { due };
  }
}
