import type { Clock } from '#domain/clock.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { type Escalation, escalateItem } from '#domain/desk/transitions.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import { autoAssignQueueItems } from './auto-assign-queue-items.ts';
import {
  changeQueueItem,
  type DeskSettings,
  deskSettingsOf,
  publishQueueNotice,
  type QueueDeps,
} from './change-queue-item.ts';
import { closeFinishedSteps } from './close-finished-steps.ts';

export interface QueueSweep {
  /** Items found past their deadline. */
  readonly due: number;
  readonly escalated: number;
  /** Items that passed a deadline for the first time. */
  readonly breaches: number;
  /** Due workflow-step items whose step had been decided or left: done, not escalated. */
  readonly closed: number;
  /** Items given to an agent (after escalation, or because an agent is now free, on shift, available). */
  readonly assigned: number;
}

/**
 * Queued items are offered again to agents while their deadline is this close (every SLA of the
 * policy fits): the index entries up to it name the orgs with waiting work.
 */
const LOOK_AHEAD_MS = 7 * 24 * 60 * 60_000;
/** One sweep reads at most this many index entries; the next minute's sweep takes the rest. */
const MAX_PER_SWEEP = 500;
const PAGE = 100;

/**
 * Every minute, after the workflow sweep, as if it were `at`: each item past its deadline while
 * queued or assigned escalates up its department's chain (its notices sent), unless it stands for
 * a workflow step no longer waiting (then it is done); then every org with queued work retries
 * automatic assignment, so an agent who came on shift or became available is given work.
 */
export async function sweepQueue(deps: QueueDeps, at: Date): Promise<QueueSweep> {
  const asOf: QueueDeps = { ...deps, clock: { now: () => at } satisfies Clock };
  const tally = { due: 0, escalated: 0, breaches: 0, closed: 0, assigned: 0 };
  const byOrg = new Map<string, { id: string; dueAt: string }[]>();
  let read = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.queue.due(new Date(at.getTime() + LOOK_AHEAD_MS), {
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.due) byOrg.set(entry.orgId, [...(byOrg.get(entry.orgId) ?? []), entry]);
    read += page.due.length;
    cursor = page.cursor;
  } while (cursor && read < MAX_PER_SWEEP);
  for (const [orgId, entries] of byOrg) {
    const settings = await deskSettingsOf(deps, orgId);
    const fresh: QueueItem[] = [];
    for (const entry of entries) {
      if (new Date(entry.dueAt).getTime() > at.getTime()) continue;
      tally.due += 1;
      const outcome = await escalateDue(asOf, settings, orgId, entry.id);
      if (outcome === 'closed') tally.closed += 1;
      if (typeof outcome !== 'object') continue;
      tally.escalated += 1;
      if (outcome.breachedNow) tally.breaches += 1;
      fresh.push(outcome.item);
    }
    tally.assigned += (await autoAssignQueueItems(asOf, orgId, { fresh, settings })).length;
  }
  return tally;
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
    if (!closed)
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
