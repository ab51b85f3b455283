import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
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
  // Integrations' messages enter the inbox pipeline here, queued for triage.
  emails: new DynamoEmailStore(config.TABLE_NAME),
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  orgSettings: new DynamoOrgSettingsStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL, classify: config.CLASSIFY_QUEUE_URL }),
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
  message: 'IntegrationMessageAccepted',
  already_settled: 'EventAlreadySettled',
};

/**
 * Processing is idempotent by its writes (the rule in docs/ARCHITECTURE.md): the snapshot moves
 * forward only and the conditional settle lets one run of an event (and attempt) count; a
 * duplicate or concurrent delivery comes back `already_settled`, so each outcome is counted once.
 */
async function processAndCount(message: EventMessage): Promise<ProcessOutcome> {
  const outcome = await processRentvineEvent(deps, message);
  // An integration payload that is not a message is counted apart, so it does not trip the
  // unrecognized-event alarm meant for Rentvine schema drift.
  const integration = outcome.kind === 'unrecognized' && outcome.source !== 'rentvine';
  count(integration ? 'IntegrationMessageInvalid' : OUTCOME_METRICS[outcome.kind]);
  if (outcome.kind === 'unrecognized')
    logger.warn(integration ? 'integration payload is not a message' : 'unrecognized Rentvine event', {
      ...message,
      reason: outcome.reason,
    });
  return outcome;
}

export const handler = sqsConsumer(consumedMessage('event-processor'), processAndCount);
