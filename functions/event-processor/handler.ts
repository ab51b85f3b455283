import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DEFAULT_CALL_POLICY } from '#adapters/rentvine/accounts.ts';
import { rentvineReadersFrom } from '#adapters/rentvine/readers-source.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import type { MetricName } from '#platform/metric-catalogue.ts';
import { count, logger } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { RecentReads } from '#usecases/enrich-work-order.ts';
import { type ProcessOutcome, processRentvineEvent } from '#usecases/process-rentvine-event.ts';

const config = readFunctionConfig('event-processor');
const deps = {
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  orgSettings: new DynamoOrgSettingsStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
  emergencyCues,
  // Within the function's 30 s: a longer outage fails the message and SQS redelivers it.
  accounts: rentvineReadersFrom(config, config.TABLE_NAME, {
    ...DEFAULT_CALL_POLICY,
    timeoutMs: 10_000,
    retries: 2,
  }),
  // Per instance: a burst of events on one property reads it once.
  recentReads: new RecentReads(systemClock),
};

const OUTCOME_METRICS: Record<ProcessOutcome['kind'], MetricName> = {
  processed: 'EventProcessed',
  unrecognized: 'EventUnrecognized',
  echo: 'EventEcho',
  already_settled: 'EventAlreadySettled',
};

/**
 * Processing is idempotent by its writes (the rule in docs/ARCHITECTURE.md): the snapshot moves
 * forward only and the conditional settle lets one run of an event (and attempt) count; a
 * duplicate or concurrent delivery comes back `already_settled`, so each outcome is counted once.
 */
async function processAndCount(message: EventMessage): Promise<ProcessOutcome> {
  const outcome = await processRentvineEvent(deps, message);
  // Integration payloads have no processor yet: counted apart, so they do not trip the
  // unrecognized-event alarm meant for Rentvine schema drift.
  const integration = outcome.kind === 'unrecognized' && outcome.source !== 'rentvine';
  count(integration ? 'IntegrationEventKept' : OUTCOME_METRICS[outcome.kind]);
  if (outcome.kind === 'unrecognized')
    logger.warn('unrecognized Rentvine event', { ...message, reason: outcome.reason });
  return outcome;
}

export const handler = sqsConsumer(consumedMessage('event-processor'), processAndCount);
