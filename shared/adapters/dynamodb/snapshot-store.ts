import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot, EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { snapshotContent, snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** BatchGetItem's limit of keys per request. */
const BATCH_KEYS = 100;
/** Rounds for keys DynamoDB leaves unprocessed under throttling, before the read fails. */
const UNPROCESSED_ROUNDS = 5;

interface SnapshotItem {
  SK: string;
  entity: EntityKind;
  snapshot: object;
  modifiedAt: number;
  dateTimeModified?: string;
  digest?: string;
}

/**
 * Entity snapshots, forward only: the write is conditional on the stored modified time, and a
 * version already stored with the same content (its digest) is not rewritten.
 */
export class DynamoSnapshotStore implements EntitySnapshotStore {
  constructor(private readonly tableName: string) {}

  async put(orgId: string, snapshot: EntitySnapshot, at: string): Promise<SnapshotWrite> {
    const version = snapshotVersion(snapshot.dateTimeModified);
    const digest = sha256Hex(snapshotContent(snapshot.data));
    const key = keys.snapshot(orgId, snapshot.kind, snapshot.id);
    try {
      const { Attributes } = await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key,
            entity: snapshot.kind,
            snapshot: snapshot.data,
            modifiedAt: version,
            dateTimeModified: snapshot.dateTimeModified,
            digest,
            updatedAt: at,
          },
          // Rows written before digests existed rewrite once at their own version.
          ConditionExpression:
            'attribute_not_exists(PK) OR modifiedAt < :version OR (modifiedAt = :version AND (attribute_not_exists(digest) OR digest <> :digest))',
          ExpressionAttributeValues: { ':version': version, ':digest': digest },
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (!Attributes) return 'created';
      return (Attributes as SnapshotItem).modifiedAt === version ? 'refreshed' : 'updated';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Refused: either a newer version is stored (stale) or this very one is (unchanged).
    const stored = await this.item(key);
    return stored && stored.modifiedAt > version ? 'stale' : 'unchanged';
  }

  async get(orgId: string, kind: EntityKind, id: string): Promise<EntitySnapshot | undefined> {
    const item = await this.item(keys.snapshot(orgId, kind, id));
    return item ? snapshotOf(kind, id, item) : undefined;
  }

  async getMany(
    orgId: string,
    kind: EntityKind,
    ids: readonly string[],
  ): Promise<Map<string, EntitySnapshot>> {
    const bySortKey = new Map([...new Set(ids)].map((id) => [keys.snapshot(orgId, kind, id).SK, id]));
    const found = new Map<string, EntitySnapshot>();
    const pending = [...bySortKey.keys()].map((SK) => ({ PK: keys.org(orgId), SK }));
    for (let start = 0; start < pending.length; start += BATCH_KEYS) {
      let batch: Record<string, unknown>[] = pending.slice(start, start + BATCH_KEYS);
      for (let round = 0; batch.length > 0; round += 1) {
        if (round === UNPROCESSED_ROUNDS) throw new Error('DynamoDB left snapshot reads unprocessed');
        const answer = await documentClient().send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: true } },
          }),
        );
        for (const item of (answer.Responses?.[this.tableName] ?? []) as SnapshotItem[]) {
          const id = bySortKey.get(item.SK);
          if (id !== undefined) found.set(id, snapshotOf(kind, id, item));
        }
        batch = answer.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
  }

  private async item(key: { PK: string; SK: string }): Promise<SnapshotItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item as SnapshotItem | undefined;
  }
}

function snapshotOf(kind: EntityKind, id: string, item: SnapshotItem): EntitySnapshot {
  return {
    kind,
    id,
    ...(item.dateTimeModified ? { dateTimeModified: item.dateTimeModified } : {}),
    data: item.snapshot,
  };
}
