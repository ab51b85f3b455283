import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SyncResource, SyncWatermark, SyncWatermarks } from '#domain/rentvine/ports.ts';
import { snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** One item per org and resource, next to the org's snapshots. */
const watermarkKey = (orgId: string, resource: SyncResource) => ({
  PK: keys.org(orgId),
  SK: `SYNCWATERMARK#${resource}`,
});

/** Sync watermarks; the high water moves forward only (a slower, older pass cannot pull it back). */
export class DynamoSyncWatermarks implements SyncWatermarks {
  constructor(private readonly tableName: string) {}

  async get(orgId: string, resource: SyncResource): Promise<SyncWatermark | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: watermarkKey(orgId, resource), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      resource,
      ...(typeof Item.highWater === 'string' ? { highWater: Item.highWater } : {}),
      syncedAt: String(Item.syncedAt),
    };
  }

  async advance(orgId: string, watermark: SyncWatermark): Promise<void> {
    const { highWater, syncedAt } = watermark;
    if (highWater !== undefined) {
      try {
        await this.update(orgId, watermark.resource, {
          clause: ', highWater = :highWater, highWaterAt = :version',
          condition: 'attribute_not_exists(highWaterAt) OR highWaterAt <= :version',
          values: { ':highWater': highWater, ':version': snapshotVersion(highWater) },
          syncedAt,
        });
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    await this.update(orgId, watermark.resource, { clause: '', values: {}, syncedAt });
  }

  private async update(
    orgId: string,
    resource: SyncResource,
    change: { clause: string; condition?: string; values: Record<string, unknown>; syncedAt: string },
  ): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: watermarkKey(orgId, resource),
        UpdateExpression: `SET syncedAt = :syncedAt${change.clause}`,
        ...(change.condition ? { ConditionExpression: change.condition } : {}),
        ExpressionAttributeValues: { ':syncedAt': change.syncedAt, ...change.values },
      }),
    );
  }
}
