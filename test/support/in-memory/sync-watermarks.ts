import type { SyncResource, SyncWatermark, SyncWatermarks } from '#domain/rentvine/ports.ts';
import { snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import { rowKey } from './rows.ts';

/** The in-memory twin of DynamoSyncWatermarks (test/integration/contracts proves them alike). */
export class InMemorySyncWatermarks implements SyncWatermarks {
  readonly watermarks = new Map<string, SyncWatermark>();

  async get(orgId: string, resource: SyncResource): Promise<SyncWatermark | undefined> {
    return this.watermarks.get(rowKey(orgId, resource));
  }

  async advance(orgId: string, watermark: SyncWatermark): Promise<void> {
    const key = rowKey(orgId, watermark.resource);
    const stored = this.watermarks.get(key)?.highWater;
    const forward =
      watermark.highWater !== undefined &&
      (stored === undefined || snapshotVersion(watermark.highWater) >= snapshotVersion(stored));
    const highWater = forward ? watermark.highWater : stored;
    this.watermarks.set(key, {
      resource: watermark.resource,
      ...(highWater !== undefined ? { highWater } : {}),
      syncedAt: watermark.syncedAt,
    });
  }
}
