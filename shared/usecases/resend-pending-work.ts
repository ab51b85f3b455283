import type { Clock } from '#domain/clock.ts';
import { WORK_QUEUES, type WorkQueueName } from '#domain/messaging/outbox.ts';
import type { PendingItem, PendingWork, WorkQueue } from '#domain/messaging/ports.ts';
import { logger } from '#platform/observability.ts';

export const RESEND_BATCH_LIMIT = 200;
/** Batches one start-up sweep reads at most (bounded: 20 000 rows). */
const STARTUP_SWEEP_BATCHES = 100;

export interface ResendDeps {
  readonly pending: PendingWork;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export interface ResendPolicy {
  /**
   * Per queue: longer than a message can live in it (its maxReceiveCount × visibility), so a
   * re-send never doubles a live message. lib/topology.ts derives it.
   */
  readonly graceMs: Readonly<Record<WorkQueueName, number>>;
  /** Re-sends before a row is declared `failed` (its copies sit in the DLQ, alarmed). */
  readonly resendLimit: number;
}

export type ResendCounts = { resent: number; failed: number; gaveUp: number };

/**
 * The outbox sweep: a row still owing a queue its message after that queue's grace was never
 * queued (a failed send, a crash between a write and its send, a local queue lost on restart)
 * or was dead-lettered; the message it stored is sent again, a bounded number of times.
 * Consumers are idempotent, so a re-send costs at most one extra no-op.
 */
export async function resendPendingWork(deps: ResendDeps, policy: ResendPolicy): Promise<ResendCounts> {
  const now = deps.clock.now();
  const shortest = Math.min(...WORK_QUEUES.map((queue) => policy.graceMs[queue]));
  const candidates = await deps.pending.listStale(new Date(now.getTime() - shortest), RESEND_BATCH_LIMIT);
  const stale = candidates.filter(
    (item) => Date.parse(item.pendingSince) < now.getTime() - policy.graceMs[item.entry.queue],
  );
  return resend(deps, stale, policy.resendLimit, now);
}

/**
 * Re-sends everything that was waiting before `before`, whatever its queue's grace: for a
 * runtime whose queues did not survive its restart (npm start's are in memory), so no message
 * for those rows can still be live.
 */
export async function resendStrandedWork(
  deps: ResendDeps,
  before: Date,
  resendLimit: number,
): Promise<ResendCounts> {
  const total: ResendCounts = { resent: 0, failed: 0, gaveUp: 0 };
  for (let batch = 0; batch < STARTUP_SWEEP_BATCHES; batch += 1) {
    // Re-sent rows wait again from now, later than `before`, so each batch reads only new rows.
    const stranded = await deps.pending.listStale(before, RESEND_BATCH_LIMIT);
    const counts = await resend(deps, stranded, resendLimit, deps.clock.now());
    total.resent += counts.resent;
    total.failed += counts.failed;
    total.gaveUp += counts.gaveUp;
    if (stranded.length < RESEND_BATCH_LIMIT || counts.failed === stranded.length) break;
  }
  return total;
}

async function resend(
  deps: ResendDeps,
  items: readonly PendingItem[],
  resendLimit: number,
  now: Date,
): Promise<ResendCounts> {
  const counts = { resent: 0, failed: 0, gaveUp: 0 };
  for (const item of items) {
    try {
      if (item.resends >= resendLimit) {
        await deps.pending.giveUp(item, now, `not processed after ${item.resends} re-sends`);
        counts.gaveUp += 1;
        continue;
      }
      await deps.queue.send(item.entry);
      await deps.pending.markResent(item, now);
      counts.resent += 1;
    } catch (error) {
      counts.failed += 1;
      logger.warn('re-send failed; will retry on the next sweep', {
        queue: item.entry.queue,
        orgId: item.orgId,
        row: item.row,
        error,
      });
    }
  }
  return counts;
}
