import type { Clock } from '#domain/clock.ts';
import type { PendingWork, WorkQueue } from '#domain/messaging/ports.ts';
import { logger } from '#platform/observability.ts';

export const RESEND_BATCH_LIMIT = 200;

export interface ResendDeps {
  readonly pending: PendingWork;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export interface ResendPolicy {
  /** Longer than a message can live in its queue, so a re-send never doubles a live message. */
  readonly graceMs: number;
  /** Re-sends before a row is declared `failed` (its copies sit in the DLQ, alarmed). */
  readonly resendLimit: number;
}

/**
 * The outbox sweep: a row still waiting after the grace period was never queued (a failed
 * send, a local queue lost on restart) or was dead-lettered; it is sent again, a bounded number
 * of times. Consumers are idempotent, so a re-send costs at most one extra no-op.
 */
export async function resendPendingWork(
  deps: ResendDeps,
  policy: ResendPolicy,
): Promise<{ resent: number; failed: number; gaveUp: number }> {
  const now = deps.clock.now();
  const stale = await deps.pending.listStale(new Date(now.getTime() - policy.graceMs), RESEND_BATCH_LIMIT);
  const counts = { resent: 0, failed: 0, gaveUp: 0 };
  for (const item of stale) {
    try {
      if (item.resends >= policy.resendLimit) {
        await deps.pending.giveUp(item, now, `not processed after ${item.resends} re-sends`);
        counts.gaveUp += 1;
        continue;
      }
      if (item.kind === 'event') {
        await deps.queue.enqueueEvent({ orgId: item.orgId, eventId: item.id, attempt: item.attempt });
      } else {
        await deps.queue.enqueueClassification({ orgId: item.orgId, emailId: item.id });
      }
      await deps.pending.markResent(item, now);
      counts.resent += 1;
    } catch (error) {
      counts.failed += 1;
      logger.warn('re-send failed; will retry on the next sweep', {
        kind: item.kind,
        orgId: item.orgId,
        id: item.id,
        error,
      });
    }
  }
  return counts;
}
