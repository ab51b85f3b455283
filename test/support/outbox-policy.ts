import { WORK_QUEUES, type WorkQueueName } from '#domain/messaging/outbox.ts';
import { messageLifetimeSeconds } from '#lib/topology.ts';
import type { ResendPolicy } from '#usecases/resend-pending-work.ts';

/** The same grace for every queue, for tests that are about one stage at a time. */
export function sameGrace(graceMs: number, resendLimit: number): ResendPolicy {
  return { graceMs: perQueue(() => graceMs), resendLimit };
}

/** The grace the deployed sweeper uses: each queue's message lifetime from the topology. */
export function topologyGrace(resendLimit: number): ResendPolicy {
  return { graceMs: perQueue((queue) => messageLifetimeSeconds(queue) * 1000), resendLimit };
}

function perQueue(grace: (queue: WorkQueueName) => number): Record<WorkQueueName, number> {
  return Object.fromEntries(WORK_QUEUES.map((queue) => [queue, grace(queue)])) as Record<
    WorkQueueName,
    number
  >;
}
