import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '#domain/clock.ts';
import type { QueueFilter, QueueStore } from '#domain/desk/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { queueItemExpiresAt, queueItemKept } from '#domain/desk/retention.ts';
import { systemClock } from '#platform/clock.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { readDue } from './due-index.ts';
import { keys, withoutKeys } from './keys.ts';
import { putOnVersion } from './versioned-put.ts';

type Key = Record<string, unknown>;

/** An org's open queue is people's work in hand (hundreds at most): a listing this long is a fault, not a big org. */
const MAX_OPEN_PAGES = 20;

/** The item in its org's partition. */
export const queueItemKey = (orgId: string, itemId: string) => ({
  PK: keys.org(orgId),
  SK: `QUEUE#${itemId}`,
});

/** The org's open items (GSI1, sparse: present until the item is done), oldest first. */
const openListingPartition = (orgId: string) => `${keys.org(orgId)}#QUEUE`;

/**
 * The whole item as each write puts it: while open, in the open listing (GSI1) and — with a
 * deadline — in the due index (GSI3, family `queue`); done, in neither, so neither grows with
 * the org's history, and with its TTL (`expiresAt`, epoch seconds, rounded up) 90 days on.
 */
function queueRow(item: QueueItem): Record<string, unknown> {
  const open = item.status !== 'done';
  const expiresAt = queueItemExpiresAt(item);
  return {
    ...item,
    ...queueItemKey(item.orgId, item.itemId),
    ...(open ? { GSI1PK: openListingPartition(item.orgId), GSI1SK: `${item.createdAt}#${item.itemId}` } : {}),
    ...(open && item.dueAt ? keys.due(item.orgId, item.itemId, item.dueAt, 'queue') : {}),
    ...(expiresAt ? { expiresAt: Math.ceil(Date.parse(expiresAt) / 1000) } : {}),
  };
}

/**
 * Queue items on the main table, one item each with a version. Every write is one conditional
 * put of the whole item with its index attributes, so the listing and the due index never
 * disagree with it. The open listing is a GSI, eventually consistent: `GET /v1/queue` and the
 * load count may miss a write of the last moment, which the next sweep's count sees.
 */
export class DynamoQueueStore implements QueueStore {
  /** `clock`: reads ignore an item done 90 days before its `now` (the table's TTL deletes lazily). */
  constructor(
    private readonly tableName: string,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A done row (history, or past its TTL and not yet deleted) is replaced; an open one is kept. */
  async create(item: QueueItem): Promise<'created' | 'exists'> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: queueRow(item),
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :done',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done' },
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async get(orgId: string, itemId: string): Promise<QueueItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: queueItemKey(orgId, itemId), ConsistentRead: true }),
    );
    const item = Item ? withoutKeys<QueueItem>(Item) : undefined;
    return item && queueItemKept(item, this.clock.now()) ? item : undefined;
  }

  async save(next: QueueItem, expectedVersion: number): Promise<'saved' | 'conflict'> {
    return putOnVersion(this.tableName, queueRow(next), expectedVersion);
  }

  async listOpen(orgId: string, filter: QueueFilter): Promise<readonly QueueItem[]> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': openListingPartition(orgId) };
    if (filter.status !== undefined) {
      conditions.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = filter.status;
    }
    if (filter.assignee !== undefined) {
      conditions.push('assignee = :assignee');
      values[':assignee'] = filter.assignee;
    }
    const found: QueueItem[] = [];
    let startKey: Key | undefined;
    for (let page = 0; page < MAX_OPEN_PAGES; page += 1) {
      const { Items = [], LastEvaluatedKey } = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ExclusiveStartKey: startKey,
        }),
      );
      found.push(...Items.map((item) => withoutKeys<QueueItem>(item)));
      if (!LastEvaluatedKey) return found;
      startKey = LastEvaluatedKey;
    }
    throw new Error(`org ${orgId} has more open queue items than ${MAX_OPEN_PAGES} pages hold`);
  }

  async due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    const { due, cursor } = await readDue(this.tableName, 'queue', at, page);
    return cursor ? { due, cursor } : { due };
  }
}
