import type { ScheduledEvent } from 'aws-lambda';
import { rentvineReadersFrom } from '#adapters/rentvine/readers-source.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { rentvineSyncDependencies } from '#lib/rentvine-sync-dependencies.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { syncConnectedOrgs } from '#usecases/sync-rentvine.ts';

const config = readFunctionConfig('rentvine-sync');
const deps = {
  ...rentvineSyncDependencies(config.TABLE_NAME, {
    events: config.EVENTS_QUEUE_URL,
    workflow: config.WORKFLOW_QUEUE_URL,
  }),
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
      count('DelinquencyStarted', resource.delinquenciesStarted);
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
