import type { Clock, PendingWork, WorkQueue } from '#domain/ports.ts';
import { logger } from '#platform/observability.ts';

/** Rows stored longer than this without reaching their next stage are re-sent. */
export const PENDING_GRACE_MS = 2 * 60 * 1000;
export const RESEND_BATCH_LIMIT = 200;

export interface ResendDeps {
  readonly pending: PendingWork;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

/**
 * The outbox sweep: anything stored but never handed on (a failed send, a lost local queue)
 * is sent again. Consumers are idempotent, so a row that was merely slow costs one extra no-op.
 */
export async function resendPendingWork(deps: ResendDeps): Promise<{ resent: number; failed: number }> {
  const now = deps.clock.now();
  const stale = await deps.pending.listStale(new Date(now.getTime() - PENDING_GRACE_MS), RESEND_BATCH_LIMIT);
  let resent = 0;
  let failed = 0;
  for (const item of stale) {
    try {
      if (item.kind === 'event') await deps.queue.enqueueEvent({ orgId: item.orgId, eventId: item.id });
      else await deps.queue.enqueueClassification({ orgId: item.orgId, emailId: item.id });
      await deps.pending.markResent(item, now);
      resent += 1;
    } catch (error) {
      failed += 1;
      logger.warn('re-send failed; will retry on the next sweep', {
        kind: item.kind,
        orgId: item.orgId,
        id: item.id,
        error,
      });
    }
  }
  return { resent, failed };
}
