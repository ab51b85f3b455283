import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { instrumented } from '#platform/lambda.ts';
import { logger, metrics } from '#platform/observability.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

const config = readFunctionConfig('sweeper');
const policy = { graceMs: config.PENDING_GRACE_SECONDS * 1000, resendLimit: config.PENDING_RESEND_LIMIT };
const deps = {
  pending: new DynamoPendingWork(config.TABLE_NAME),
  queue: new SqsWorkQueue({ events: config.EVENTS_QUEUE_URL, classify: config.CLASSIFY_QUEUE_URL }),
  clock: systemClock,
};

export const handler = instrumented(async (_event: ScheduledEvent) => {
  const result = await resendPendingWork(deps, policy);
  metrics.addMetric('OutboxResent', MetricUnit.Count, result.resent);
  metrics.addMetric('OutboxResendFailed', MetricUnit.Count, result.failed);
  metrics.addMetric('OutboxGaveUp', MetricUnit.Count, result.gaveUp);
  if (result.resent + result.failed + result.gaveUp > 0) logger.info('outbox sweep', result);
  return result;
});
