import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { messageLifetimeSeconds } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import {
  ClassifyQueueConfig,
  EventsQueueConfig,
  OutboxConfig,
  readConfig,
  TableConfig,
  WorkflowQueueConfig,
} from '#platform/config.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

const config = readConfig(
  z.object({
    ...TableConfig.shape,
    ...EventsQueueConfig.shape,
    ...ClassifyQueueConfig.shape,
    ...WorkflowQueueConfig.shape,
    ...OutboxConfig.shape,
  }),
);
const cap = config.PENDING_GRACE_SECONDS ?? Number.POSITIVE_INFINITY;
const policy = {
  graceMs: Object.fromEntries(
    WORK_QUEUES.map((queue) => [queue, Math.min(messageLifetimeSeconds(queue), cap) * 1000]),
  ) as Record<(typeof WORK_QUEUES)[number], number>,
  resendLimit: config.PENDING_RESEND_LIMIT,
};
const deps = {
  pending: new DynamoPendingWork(config.TABLE_NAME),
  queue: new SqsWorkQueue({
    events: config.EVENTS_QUEUE_URL,
    classify: config.CLASSIFY_QUEUE_URL,
    workflow: config.WORKFLOW_QUEUE_URL,
  }),
  clock: systemClock,
};

export const handler = instrumented(async (_event: ScheduledEvent) => {
  const result = await resendPendingWork(deps, policy);
  count('OutboxResent', result.resent);
  count('OutboxResendFailed', result.failed);
  count('OutboxGaveUp', result.gaveUp);
  if (result.resent + result.failed + result.gaveUp > 0) logger.info('outbox sweep', result);
  return result;
});
