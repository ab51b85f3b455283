import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { queueCheck, tableCheck } from '#adapters/health-checks.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { type ApiOperation, apiRoutes } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import {
  ClassifyQueueConfig,
  EventsQueueConfig,
  readConfig,
  TableConfig,
  WorkflowQueueConfig,
} from '#platform/config.ts';
import { createRouter } from '#platform/http/router.ts';
import { instrumented } from '#platform/lambda.ts';
import { emailRoutes } from './emails.ts';
import { eventRoutes } from './events.ts';
import { healthRoutes } from './health.ts';

const config = readConfig(
  z.object({
    ...TableConfig.shape,
    ...ClassifyQueueConfig.shape,
    ...z.partial(EventsQueueConfig).shape,
    ...z.partial(WorkflowQueueConfig).shape,
  }),
);
const emails = new DynamoEmailStore(config.TABLE_NAME);
const queue = new SqsWorkQueue({ classify: config.CLASSIFY_QUEUE_URL });
const inspectedQueues = {
  events: config.EVENTS_QUEUE_URL,
  classify: config.CLASSIFY_QUEUE_URL,
  workflow: config.WORKFLOW_QUEUE_URL,
};

const readinessChecks = Object.fromEntries([
  ['table', tableCheck(config.TABLE_NAME)],
  ...Object.entries(inspectedQueues).flatMap(([name, url]) =>
    url ? [[`queue:${name}`, queueCheck(url)]] : [],
  ),
]);

const router = createRouter<ApiOperation>(apiRoutes, {
  ...healthRoutes(readinessChecks),
  ...emailRoutes({ emails, queue, clock: systemClock }),
  ...eventRoutes({ inbox: new DynamoEventInbox(config.TABLE_NAME) }),
});

export const handler = instrumented(async (event: APIGatewayProxyEvent) => router(event));
