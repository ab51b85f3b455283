import type { ScheduledEvent } from 'aws-lambda';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import { rentvineReadersFrom } from '#adapters/rentvine-readers.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { syncConnectedOrgs } from '#usecases/sync-rentvine.ts';

const config = readFunctionConfig('rentvine-sync');
const deps = {
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  watermarks: new DynamoSyncWatermarks(config.TABLE_NAME),
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  queue: new SqsWorkQueue({ events: config.EVENTS_QUEUE_URL }),
  clock: systemClock,
  emergencyCues,
  accounts: rentvineReadersFrom(config, config.TABLE_NAME),
};
/** Left for writing the last page and the metrics after the last org's share. */
const MARGIN_MS = 30_000;

export const handler = instrumented(async (_event: ScheduledEvent, context) => {
  const deadline = new Date(Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS);
  const orgs = await syncConnectedOrgs(deps, { deadline });
  for (const org of orgs) {
    if (!org.ok) {
      count('SyncOrgFailed');
      logger.error('Rentvine sync could not start for an org', { orgId: org.orgId, error: org.error });
      continue;
    }
    for (const resource of org.resources) {
      count('SyncMissedByWebhook', resource.missedByWebhook);
      if (resource.ok) continue;
      count('SyncResourceFailed');
      logger.warn('Rentvine sync left a resource incomplete', {
        orgId: org.orgId,
        resource: resource.resource,
        error: resource.error,
      });
    }
  }
  const summary = orgs.map((org) => (org.ok ? { orgId: org.orgId, resources: org.resources } : org));
  logger.info('Rentvine sync', { orgs: summary });
  return { orgs: orgs.length, failed: orgs.filter((org) => !org.ok).length };
});
