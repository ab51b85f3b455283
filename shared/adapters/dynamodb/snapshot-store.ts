import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SnapshotStore, SnapshotWrite } from '#domain/ports.ts';
import type { LeaseSnapshot, WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { toInstant } from '#domain/rentvine/wire.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** Entity snapshots, forward only: the write is conditional on the stored modified time. */
export class DynamoSnapshotStore implements SnapshotStore {
  constructor(private readonly tableName: string) {}

  putWorkOrder(orgId: string, snapshot: WorkOrderSnapshot, at: string): Promise<SnapshotWrite> {
    return this.put(
      keys.workOrder(orgId, snapshot.workOrderId),
      'work_order',
      snapshot,
      snapshot.dateTimeModified,
      at,
    );
  }

  putLease(orgId: string, snapshot: LeaseSnapshot, at: string): Promise<SnapshotWrite> {
    return this.put(keys.lease(orgId, snapshot.leaseId), 'lease', snapshot, snapshot.dateTimeModified, at);
  }

  private async put(
    key: { PK: string; SK: string },
    entity: string,
    snapshot: object,
    dateTimeModified: string | undefined,
    at: string,
  ): Promise<SnapshotWrite> {
    // Without a modified time we cannot order versions: such a snapshot only fills a gap.
    const modifiedAt = dateTimeModified ? toInstant(dateTimeModified) : 0;
    const version = Number.isNaN(modifiedAt) ? 0 : modifiedAt;
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, entity, snapshot, modifiedAt: version, updatedAt: at },
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
