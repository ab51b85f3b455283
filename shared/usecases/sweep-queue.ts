import type { Clock } from '#domain/clock.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { dropStepItemDeadline, type Escalation, escalateItem } from '#domain/desk/transitions.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import { count, logger } from '#platform/observability.ts';
import { autoAssignQueueItems } from './auto-assign-queue-items.ts';
import {
  changeQueueItem,
  type DeskSettings,
  deskSettingsOf,
  publishQueueNotice,
  type QueueDeps,
} from './change-queue-item.ts';
import { closeFinishedSteps } from './close-finished-steps.ts';
import { moveShiftStart, withNextShiftStart } from './schedule-shifts.ts';

export interface QueueSweep {
  /** Items found past their deadline. */
  readonly due: number;
  readonly escalated: number;
  /** Items that passed a deadline for the first time. */
  readonly breaches: number;
  /** Due workflow-step items whose step had been decided or left: done, not escalated. */
  readonly closed: number;
  /** Agents whose shift started: their org's queued work offered, their entry moved to the next start. */
  readonly shiftStarts: number;
  /** Items given to an agent (after escalation, or because an agent came on shift). */
  readonly assigned: number;
}

/**
 * One sweep reads at most this many entries of each family (earliest first); the next minute's
 * sweep takes the rest, so nothing starves.
 */
const MAX_PER_SWEEP = 500;
const PAGE = 100;

type DueEntry = { readonly orgId: string; readonly id: string; readonly dueAt: string };
type DueReader = (
  at: Date,
  page: { limit: number; cursor?: string },
) => Promise<{
  due: readonly DueEntry[];
  cursor?: string;
}>;

/**
 * Every minute, after the workflow sweep, as if it were `at`. Only what is due is read: agents
 * whose shift starts now (each org's queued work is offered to them, then their entry moves to the
 * start after), and items past their deadline while queued or assigned, which escalate up their
 * department's chain (notices sent) unless they stand for a workflow step (done if the step no
 * longer waits, else saved without the deadline it carried from before steps had none). Each org
 * is swept on its own: one that fails is logged and counted, its entries left for the next minute.
 * Agents becoming available or changing are offered work by their own change (`offerQueuedWork`),
 * not here.
 */
export async function sweepQueue(deps: QueueDeps, at: Date): Promise<QueueSweep> {
  const asOf: QueueDeps = { ...deps, clock: { now: () => at } satisfies Clock };
  const tally = { due: 0, escalated: 0, breaches: 0, closed: 0, shiftStarts: 0, assigned: 0 };
  const settingsOf = memoised((orgId: string) => deskSettingsOf(deps, orgId));
  const byOrg = new Map<string, OrgEntries>();
  const entriesOf = (orgId: string): OrgEntries => {
    const found = byOrg.get(orgId) ?? { shifts: [], due: [] };
    byOrg.set(orgId, found);
    return found;
  };
  for (const entry of await readDueUpTo((a, page) => deps.agents.shiftStartsDue(a, page), at))
    entriesOf(entry.orgId).shifts.push(entry);
  for (const entry of await readDueUpTo((a, page) => deps.queue.due(a, page), at))
    entriesOf(entry.orgId).due.push(entry);
  // One org's failure (a notice not published, an item contended) is its own: the others are swept.
  for (const [orgId, entries] of byOrg) {
    try {
      await sweepOrg(asOf, settingsOf, orgId, entries, tally);
    } catch (error) {
      count('QueueSweepOrgFailed');
      logger.error("an org's queue sweep failed; its due entries stay for the next minute", { orgId, error });
    }
  }
  return tally;
}

type Tally = { -readonly [K in keyof QueueSweep]: number };
type OrgEntries = { readonly shifts: DueEntry[]; readonly due: DueEntry[] };

/**
 * An org's due items escalated (each on its own), its queued work offered, and only then its
 * agents' shift entries moved to their next start: an offer that fails leaves them due, so the next
 * minute offers again.
 */
async function sweepOrg(
  deps: QueueDeps,
  settingsOf: (orgId: string) => Promise<DeskSettings>,
  orgId: string,
  entries: OrgEntries,
  tally: Tally,
): Promise<void> {
  const settings = await settingsOf(orgId);
  const at = deps.clock.now();
  const fresh: QueueItem[] = [];
  for (const entry of entries.due) {
    tally.due += 1;
    // One item's failure (its notice not published, it contended) is its own: it stays due for
    // the next minute, and neither the org's other items nor its offer and shift starts wait on it.
    const outcome = await escalateDue(deps, settings, orgId, entry.id).catch((error: unknown) => {
      count('QueueSweepItemFailed');
      logger.error('a due queue item could not be swept; it stays due', { orgId, itemId: entry.id, error });
      return 'failed' as const;
    });
    if (outcome === 'closed') tally.closed += 1;
    if (typeof outcome !== 'object') continue;
    tally.escalated += 1;
    if (outcome.breachedNow) tally.breaches += 1;
    fresh.push(outcome.item);
  }
  tally.assigned += (await autoAssignQueueItems(deps, orgId, { fresh, settings })).length;
  for (const entry of entries.shifts) {
    const moved = await moveShiftStart(deps, { orgId, agentId: entry.id }, (agent) =>
      agent.nextShiftStartAt !== undefined && agent.nextShiftStartAt <= at.toISOString()
        ? withNextShiftStart(agent, at, settings.timeZone)
        : undefined,
    );
    if (moved === 'moved') tally.shiftStarts += 1;
  }
}

/** A family's entries due at `at` (never later ones), earliest first, at most MAX_PER_SWEEP. */
async function readDueUpTo(read: DueReader, at: Date): Promise<DueEntry[]> {
  const entries: DueEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(at, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    entries.push(...page.due);
    cursor = page.cursor;
  } while (cursor && entries.length < MAX_PER_SWEEP);
  return entries.slice(0, MAX_PER_SWEEP);
}

function memoised<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    const found = known.get(key) ?? load(key);
    known.set(key, found);
    return found;
  };
}

async function escalateDue(
  deps: QueueDeps,
  settings: DeskSettings,
  orgId: string,
  itemId: string,
): Promise<Escalation | 'closed' | 'unchanged'> {
  const now = deps.clock.now();
  let escalation: Escalation | undefined;
  let closed = false;
  const result = await changeQueueItem(deps, { orgId, itemId }, async (item) => {
    escalation = undefined;
    closed = (await closeFinishedSteps(deps, [item])).length === 0;
    if (closed) return { outcome: 'unchanged', item };
    // A step's item from before steps had no deadline: it leaves the due index, not escalated.
    if (item.source.kind === 'workflow_step') return dropStepItemDeadline(item, now);
    escalation = escalateItem(item, settings.policy.chains, now, slaMs(settings.policy, item.urgency));
    return escalation
      ? { outcome: 'changed', item: escalation.item, history: escalation.history }
      : { outcome: 'unchanged', item };
  });
  if (closed) return 'closed';
  if (result.outcome !== 'changed' || !escalation) return 'unchanged';
  const { from, to, breachedNow } = escalation;
  for (const recipient of escalation.notify)
    await publishQueueNotice(deps, escalation.item, 'queue_escalated', recipient, {
      to,
      ...(from ? { from } : {}),
      breached: true,
      breachedNow,
    });
  return escalation;
}
