import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { functionSpec } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { type ResendCounts, resendStrandedWork } from '#usecases/resend-pending-work.ts';
import type { LocalResources } from './provision.ts';

// The sweeper's own limit, as the topology fixes it: a stranded row gets no more re-sends here.
const RESEND_LIMIT = Number(functionSpec('sweeper').settings.PENDING_RESEND_LIMIT);

/**
 * Local queues live in this process's memory, so a stop loses whatever they held: an email
 * classified just before Ctrl-C would never get its workflow. At start-up, before anything is
 * served, every row still owing a queue a message was stranded by that stop (no message of a
 * previous run can still be live), so each is sent again now rather than after its queue's grace.
 */
export async function resendWorkStrandedByLastStop(resources: LocalResources): Promise<ResendCounts> {
  return resendStrandedWork(
    {
      pending: new DynamoPendingWork(resources.tables.main),
      queue: new SqsWorkQueue(
        Object.fromEntries(WORK_QUEUES.map((queue) => [queue, resources.queues[queue].url])),
      ),
      clock: systemClock,
    },
    systemClock.now(),
    RESEND_LIMIT,
  );
}
