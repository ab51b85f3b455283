import type { Clock } from '#domain/clock.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { EventStatus } from '#vocabulary/events.ts';

/** Events read per inbox page: small enough to show progress, large enough to keep reads few. */
export const REPLAY_PAGE_SIZE = 100;

export interface ReplayDeps {
  readonly inbox: EventInbox;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export interface ReplayRequest {
  readonly orgId: string;
  /** ISO timestamp as stored (`toISOString`), so it compares with the listing's sort key. */
  readonly since: string;
  /** Normalised event type, e.g. `work_order.created`. */
  readonly type?: string;
  readonly dryRun: boolean;
}

/** What happened to one event: one line of the operator's report. */
export interface ReplayedEvent {
  readonly eventId: string;
  readonly eventType?: string;
  readonly receivedAt: string;
  /** Status before the replay. */
  readonly status: EventStatus;
  /** The attempt the queued message carries (or would carry, in a dry run). */
  readonly attempt: number;
  readonly outcome: 'would-replay' | 'replayed' | 'failed';
  readonly error?: string;
}

export interface ReplaySummary {
  readonly orgId: string;
  readonly since: string;
  readonly type?: string;
  readonly dryRun: boolean;
  readonly matched: number;
  readonly replayed: number;
  readonly failed: number;
}

/**
 * Re-runs an org's stored events: each is reopened (status back to `received`, next attempt
 * number) and its pointer queued again. The processor keys its idempotency on the attempt, so
 * the replay is processed once more, and only once. An event still `received` keeps its attempt
 * and is only queued again (an idempotent no-op if its first message is still on the way).
 * One event failing does not stop the rest: it is reported and counted, and stays in the outbox
 * for the sweeper if it was reopened but not queued.
 */
export async function replayEvents(
  deps: ReplayDeps,
  request: ReplayRequest,
  report: (event: ReplayedEvent) => void,
): Promise<ReplaySummary> {
  const counts = { matched: 0, replayed: 0, failed: 0 };
  let cursor: string | undefined;
  // Terminates: every page moves the cursor forward through a finite, time-ordered listing.
  do {
    const page = await deps.inbox.list(request.orgId, {
      since: request.since,
      type: request.type,
      limit: REPLAY_PAGE_SIZE,
      cursor,
    });
    for (const event of page.events) {
      counts.matched += 1;
      const line = request.dryRun ? wouldReplay(event) : await replayOne(deps, event);
      if (line.outcome === 'replayed') counts.replayed += 1;
      if (line.outcome === 'failed') counts.failed += 1;
      report(line);
    }
    cursor = page.cursor;
  } while (cursor);
  return {
    orgId: request.orgId,
    since: request.since,
    ...(request.type ? { type: request.type } : {}),
    dryRun: request.dryRun,
    ...counts,
  };
}

function describe(event: StoredEvent): Omit<ReplayedEvent, 'attempt' | 'outcome'> {
  return {
    eventId: event.eventId,
    ...(event.eventType ? { eventType: event.eventType } : {}),
    receivedAt: event.receivedAt,
    status: event.status,
  };
}

/** The attempt `reopen` would hand out: the same while still `received`, the next one otherwise. */
function wouldReplay(event: StoredEvent): ReplayedEvent {
  const current = event.attempt ?? 0;
  return {
    ...describe(event),
    attempt: event.status === 'received' ? current : current + 1,
    outcome: 'would-replay',
  };
}

async function replayOne(deps: ReplayDeps, event: StoredEvent): Promise<ReplayedEvent> {
  try {
    const attempt = await deps.inbox.reopen(event.orgId, event.eventId, deps.clock.now().toISOString());
    if (attempt === undefined) {
      return { ...describe(event), attempt: event.attempt ?? 0, outcome: 'failed', error: 'event not found' };
    }
    await deps.queue.enqueueEvent({ orgId: event.orgId, eventId: event.eventId, attempt });
    return { ...describe(event), attempt, outcome: 'replayed' };
  } catch (error) {
    return {
      ...describe(event),
      attempt: event.attempt ?? 0,
      outcome: 'failed',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
