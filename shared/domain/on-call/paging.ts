import { PAGING, type PageLevel } from '#vocabulary/desk.ts';
import { MAX_KEPT_ATTEMPTS, type Page, type PageRound, type PageTarget, wasPaged } from './page.ts';
import { nextAfter, onCallAt, type Rotation } from './rotation.ts';

const MINUTE = 60_000;
const REPAGE_MS = PAGING.repageMinutes * MINUTE;
const ESCALATE_MS = PAGING.escalateMinutes * MINUTE;

/**
 * What a page climbs: the department's rotation on the org's clock, and the org's property
 * managers (the last rung). Read afresh at each round, so a rotation or a manager added while a
 * page is out is used at its next round.
 */
export interface PagingLadder {
  readonly rotation?: Rotation;
  readonly timeZone: string;
  readonly propertyManagers: readonly string[];
}

/** One page sent to one person. */
export interface PageSend {
  readonly agentId: string;
  readonly level: PageLevel;
}

export interface PageRoundResult {
  readonly page: Page;
  readonly sends: readonly PageSend[];
  /** The page moved up a level in this round. */
  readonly escalated: boolean;
  /**
   * Nobody has answered at the top of the ladder for a level's whole time, or there is nobody to
   * page at all: still paged every 5 minutes, and counted (`PageUnacknowledged`, alarmed) each round.
   */
  readonly unacknowledged: boolean;
}

function propertyManagerRound(ladder: PagingLadder, since: string): PageRound {
  return { level: 'property_manager', agentIds: [...ladder.propertyManagers], since };
}

/** The first rung: the on-call person; an empty slot (no rotation, nobody yet) goes straight to the managers. */
function firstRound(ladder: PagingLadder, now: Date): PageRound {
  const onCall = ladder.rotation ? onCallAt(ladder.rotation, now, ladder.timeZone) : undefined;
  const since = now.toISOString();
  return onCall ? { level: 'on_call', agentIds: [onCall], since } : propertyManagerRound(ladder, since);
}

/** The rung above the current one; none at the top, or when the managers' rung has nobody on it. */
function nextRound(current: PageRound, ladder: PagingLadder, now: Date): PageRound | undefined {
  const since = now.toISOString();
  const managers = ladder.propertyManagers.length > 0 ? propertyManagerRound(ladder, since) : undefined;
  if (current.level === 'on_call') {
    const [person] = current.agentIds;
    const next =
      ladder.rotation && person ? nextAfter(ladder.rotation, person, now, ladder.timeZone) : undefined;
    return next ? { level: 'next_on_call', agentIds: [next], since } : managers;
  }
  return current.level === 'next_on_call' ? managers : undefined;
}

/** What a new page is about; the ladder and the clock give the rest. */
export type PageRequest = Pick<Page, 'pageId' | 'orgId' | 'department' | 'subject' | 'reason' | 'urgency'>;

/**
 * A new page, due at once (quiet hours never delay it; an agent's status does not matter: an
 * offline on-call person is still paged). Its first round is `pageRound` at the same instant.
 */
export function newPage(request: PageRequest, ladder: PagingLadder, now: Date): Page {
  const at = now.toISOString();
  return {
    ...request,
    status: 'paging',
    targets: [],
    current: firstRound(ladder, now),
    attempts: [],
    attemptCount: 0,
    nextAt: at,
    createdAt: at,
    version: 0,
  };
}

/**
 * A due round of a page: past its level's 15 minutes unanswered it moves up (next in the rotation,
 * then the property managers) and pages them; otherwise it pages the current people again. It is
 * never dropped: at the top it keeps paging the managers (or, with none, stays visible and
 * counted) every 5 minutes until someone acknowledges. Not due, or acknowledged: nothing.
 */
export function pageRound(page: Page, ladder: PagingLadder, now: Date): PageRoundResult {
  const idle = { page, sends: [], escalated: false, unacknowledged: false };
  if (page.status !== 'paging' || page.nextAt === undefined || Date.parse(page.nextAt) > now.getTime())
    return idle;
  const at = now.toISOString();
  const levelOver = page.attemptCount > 0 && now.getTime() - Date.parse(page.current.since) >= ESCALATE_MS;
  const next = levelOver ? nextRound(page.current, ladder, now) : undefined;
  let current = next ?? page.current;
  // The managers' rung pages whoever manages now (one added since the page went out, too).
  if (current.level === 'property_manager' && ladder.propertyManagers.length > 0)
    current = { ...current, agentIds: [...ladder.propertyManagers] };
  const sends = current.agentIds.map((agentId) => ({ agentId, level: current.level }));
  const newTargets: PageTarget[] = sends
    .filter((send) => !wasPaged(page, send.agentId))
    .map((send) => ({ ...send, firstPagedAt: at }));
  const canClimb = nextRound(current, ladder, now) !== undefined;
  const climbAt = Date.parse(current.since) + ESCALATE_MS;
  const nextAt =
    canClimb && climbAt > now.getTime()
      ? Math.min(now.getTime() + REPAGE_MS, climbAt)
      : now.getTime() + REPAGE_MS;
  return {
    page: {
      ...page,
      current,
      targets: [...page.targets, ...newTargets],
      attempts: [...page.attempts, ...sends.map(({ agentId }) => ({ agentId, at }))].slice(
        -MAX_KEPT_ATTEMPTS,
      ),
      attemptCount: page.attemptCount + sends.length,
      nextAt: new Date(nextAt).toISOString(),
      version: page.version + 1,
    },
    sends,
    escalated: next !== undefined,
    unacknowledged: sends.length === 0 || (levelOver && next === undefined),
  };
}

export type Acknowledgment =
  | { readonly outcome: 'acknowledged'; readonly page: Page }
  | { readonly outcome: 'already_acknowledged'; readonly page: Page }
  | { readonly outcome: 'not_paged' };

/** Only a person the page went to may acknowledge it, once: the paging stops. */
export function acknowledgePage(page: Page, agentId: string, now: Date): Acknowledgment {
  if (!wasPaged(page, agentId)) return { outcome: 'not_paged' };
  if (page.status === 'acknowledged') return { outcome: 'already_acknowledged', page };
  const { nextAt: _stopped, ...rest } = page;
  return {
    outcome: 'acknowledged',
    page: {
      ...rest,
      status: 'acknowledged',
      ackBy: agentId,
      ackAt: now.toISOString(),
      version: page.version + 1,
    },
  };
}
