import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { systemClock } from '#platform/clock.ts';
import type { SyncDeps } from '#usecases/sync-rentvine.ts';

/**
 * What a Rentvine sync stores into, built one way for the scheduled function, `aictive rentvine
 * sync` and the bench: snapshots, watermarks and kept changes in the main table, their triggers
 * sent to the events queue.
 */
export function rentvineSyncDependencies(tableName: string, eventsQueueUrl: string): SyncDeps {
  return {
    snapshots: new DynamoSnapshotStore(tableName),
    watermarks: new DynamoSyncWatermarks(tableName),
    inbox: new DynamoEventInbox(tableName),
    queue: new SqsWorkQueue({ events: eventsQueueUrl }),
    clock: systemClock,
    emergencyCues,
  };
}
