import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { EventMessage } from '#domain/inbox/stored-event.ts';
import { systemClock } from '#platform/clock.ts';
import { IdempotencyTableConfig, readConfig, TableConfig, WorkflowQueueConfig } from '#platform/config.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { processRentvineEvent } from '#usecases/process-rentvine-event.ts';

const config = readConfig(TableConfig.extend(IdempotencyTableConfig.shape).extend(WorkflowQueueConfig.shape));
const deps = {
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
  emergencyCues,
};

// Keyed on the event id (derived from the event itself), not the SQS message id: a re-sent or
// replayed message is the same event.
const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[orgId, eventId]',
  expiresAfterSeconds: 24 * 3600,
});
const processOnce = makeIdempotent((message: EventMessage) => processRentvineEvent(deps, message), {
  persistenceStore: new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE_NAME }),
  config: idempotency,
});

export const handler = sqsConsumer(
  EventMessage,
  (message) => processOnce(message),
  (context) => idempotency.registerLambdaContext(context),
);
