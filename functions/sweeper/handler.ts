import type { ScheduledEvent } from 'aws-lambda';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { messageLifetimeSeconds, queueEnvName } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

const config = readFunctionConfig('sweeper');
const cap = config.PENDING_GRACE_SECONDS ?? Number.POSITIVE_INFINITY;
const policy = {
  graceMs: Object.fromEntries(
    WORK_QUEUES.map((queue) => [queue, Math.min(messageLifetimeSeconds(queue), cap) * 1000]),
  ) as Record<(typeof WORK_QUEUES)[number], number>,
  resendLimit: config.PENDING_RESEND_LIMIT,
};
const deps = {
  pending: new DynamoPendingWork(config.TABLE_NAME),
  // Every work queue: the outbox covers each stage, so a queue added to the topology is swept too.
  queue: new SqsWorkQueue(
    Object.fromEntries(WORK_QUEUES.map((queue) => [queue, config[queueEnvName(queue)]])),
  ),
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
