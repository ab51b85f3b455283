import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EntitySnapshot, EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { toInstant } from '#domain/rentvine/wire.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** Entity snapshots, forward only: the write is conditional on the stored modified time. */
export class DynamoSnapshotStore implements EntitySnapshotStore {
  constructor(private readonly tableName: string) {}

  async put(orgId: string, snapshot: EntitySnapshot, at: string): Promise<SnapshotWrite> {
    // Without a modified time we cannot order versions: such a snapshot only fills a gap.
    const modifiedAt = snapshot.dateTimeModified ? toInstant(snapshot.dateTimeModified) : 0;
    const version = Number.isNaN(modifiedAt) ? 0 : modifiedAt;
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.snapshot(orgId, snapshot.kind, snapshot.id),
            entity: snapshot.kind,
            snapshot: snapshot.data,
            modifiedAt: version,
            updatedAt: at,
          },
          // Equal versions rewrite: a replay of the same event is processed afresh.
          ConditionExpression: 'attribute_not_exists(PK) OR modifiedAt <= :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return 'written';
    } catch (error) {
      if (isConditionFailure(error)) return 'stale';
      throw error;
    }
  }
}
