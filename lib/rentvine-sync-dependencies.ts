import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { systemClock } from '#platform/clock.ts';
import type { SyncDeps } from '#usecases/sync-rentvine.ts';

/** The queues a sync sends to: missed changes' events, and the delinquency workflows it starts or moves. */
export interface SyncQueueUrls {
  readonly events: string;
  readonly workflow: string;
}

/**
 * What a Rentvine sync stores into, built one way for the scheduled function, `aictive rentvine
 * sync` and the bench: snapshots, watermarks and kept changes in the main table, their triggers
 * sent to the events queue; the delinquency workflows the leases' balances start or move in the
 * same table, their effects handed to the workflow queue.
 */
export function rentvineSyncDependencies(tableName: string, queues: SyncQueueUrls): SyncDeps {
  return {
    snapshots: new DynamoSnapshotStore(tableName),
    catalogue: new DynamoSnapshotCatalogue(tableName),
    watermarks: new DynamoSyncWatermarks(tableName),
    inbox: new DynamoEventInbox(tableName),
    workflows: new DynamoWorkflowStore(tableName),
    settings: new OrgWorkflowSettings(new DynamoOrgSettingsStore(tableName)),
    queue: new SqsWorkQueue({ events: queues.events, workflow: queues.workflow }),
    clock: systemClock,
    emergencyCues,
  };
}
