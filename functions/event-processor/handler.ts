import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import { logger, metrics } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { type ProcessOutcome, processRentvineEvent } from '#usecases/process-rentvine-event.ts';

const config = readFunctionConfig('event-processor');
const deps = {
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  orgSettings: new DynamoOrgSettingsStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
  emergencyCues,
};

const OUTCOME_METRICS: Record<ProcessOutcome['kind'], string> = {
  processed: 'EventProcessed',
  unrecognized: 'EventUnrecognized',
  echo: 'EventEcho',
  already_settled: 'EventAlreadySettled',
};

/** Counted inside the idempotent unit, so a duplicate answered from the record is not counted twice. */
async function processAndCount(message: EventMessage): Promise<ProcessOutcome> {
  const outcome = await processRentvineEvent(deps, message);
  // Integration payloads have no processor yet: counted apart, so they do not trip the
  // unrecognized-event alarm meant for Rentvine schema drift.
  const integration = outcome.kind === 'unrecognized' && outcome.source !== 'rentvine';
  metrics.addMetric(
    integration ? 'IntegrationEventKept' : OUTCOME_METRICS[outcome.kind],
    MetricUnit.Count,
    1,
  );
  if (outcome.kind === 'unrecognized')
    logger.warn('unrecognized Rentvine event', { ...message, reason: outcome.reason });
  return outcome;
}

// Keyed on the event id (derived from the event itself) and the replay attempt, not the SQS
// message id: a re-sent message is the same work, a replay (attempt + 1) is fresh work, once.
const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[orgId, eventId, attempt]',
  expiresAfterSeconds: 24 * 3600,
});
const processOnce = makeIdempotent(processAndCount, {
  persistenceStore: new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE_NAME }),
  config: idempotency,
});

export const handler = sqsConsumer(
  consumedMessage('event-processor'),
  (message) => processOnce(message),
  (context) => idempotency.registerLambdaContext(context),
);
