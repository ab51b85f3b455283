import { statusOf } from '#domain/rentvine/snapshot-status.ts';
import type { LeaseSnapshot } from '#domain/rentvine/snapshots.ts';
import {
  daysLate,
  delinquencyEpisodeKey,
  delinquencySubject,
  lateSinceFor,
} from '#domain/workflow/delinquency.ts';
import type { Actor, Workflow } from '#domain/workflow/workflow.ts';
import { stableId } from '#platform/security/ids.ts';
import { advanceWorkflow } from './advance-workflow.ts';
import { type BeginWorkflowDeps, beginWorkflow } from './start-workflow.ts';

export type ReconcileDelinquencyDeps = BeginWorkflowDeps;

/**
 * What a lease's balance did to its collection: a new episode `started`, the open one `fed` a
 * changed balance, or `paid` (closed by a zero balance); `none` when nothing changed.
 */
export type DelinquencyOutcome = 'started' | 'fed' | 'paid' | 'none';

const SYNC: Actor = { kind: 'system', name: 'sync' };

/**
 * Brings a lease's `delinquency` workflow in line with the balance the sync just read
 * (subject `delinquency:<leaseId>`):
 *
 * - an open episode gets the balance as an input, keyed by the lease's version and the amount, so
 *   reading the same version again is a no-op; zero (or a credit) closes it as paid, another
 *   amount is recorded, the same amount is ignored;
 * - with none open, a past-due balance on an active lease starts an episode, late since the rule
 *   of `lateSinceFor` ([guess]: the 1st of the current month). Its id derives from the subject and
 *   the episode before it, and the subject is linked before the workflow is created: two syncs
 *   racing derive the same id and make one workflow; one that read an older link loses the link
 *   and stops. A link left without its workflow (a crash between the two) is healed here by
 *   creating it under the linked id.
 * - an episode a person closed (notice not approved, referred, cancelled) stands for the balance
 *   it was about: a new one starts only once the past-due balance grows beyond it (new arrears);
 *   after a paid episode, any past-due balance starts a new one.
 *
 * A lease that is not active (pending, closed) starts nothing, but an open episode still takes its
 * balances: a tenant who moved out owing rent is still followed until paid or decided.
 */
export async function reconcileDelinquency(
  deps: ReconcileDelinquencyDeps,
  orgId: string,
  lease: LeaseSnapshot,
): Promise<DelinquencyOutcome> {
  // A copy without balances (a webhook's, a single read) says nothing about what is owed.
  if (!lease.balances) return 'none';
  const pastDue = lease.balances.pastDueTotal;
  const subject = delinquencySubject(lease.leaseId);
  const linked = await deps.workflows.workflowOfSubject(orgId, subject);
  const previous = linked ? await deps.workflows.get(orgId, linked) : undefined;
  if (previous?.status === 'open') return feed(deps, previous, lease, pastDue);

  if (pastDue <= 0 || statusOf('lease', lease) !== 'active') return 'none';
  if (previous && !startsNewEpisode(previous, pastDue)) return 'none';
  let workflowId: string;
  if (linked && !previous) {
    workflowId = linked;
  } else {
    workflowId = stableId('wf', orgId, delinquencyEpisodeKey(subject, previous?.workflowId));
    // false: another run linked another episode since this one read the link; it has the lease.
    if (!(await deps.workflows.linkSubject(orgId, subject, workflowId, previous?.workflowId))) return 'none';
  }
  const now = deps.clock.now();
  const lateSince = lateSinceFor(now);
  const late = daysLate(lateSince, now);
  const started = await beginWorkflow(deps, {
    orgId,
    workflowId,
    type: 'delinquency',
    urgency: 'medium',
    source: { kind: 'sync', key: subject },
    requestedBy: SYNC,
    facts: {
      leaseId: lease.leaseId,
      propertyId: lease.propertyId,
      ...(lease.unitId ? { unitId: lease.unitId } : {}),
      pastDueUsd: pastDue,
      lateSince,
    },
    reason: `Rentvine shows $${pastDue} past due on lease ${lease.leaseId}, ${late} days late`,
  });
  return started.outcome === 'created' ? 'started' : 'none';
}

/** The open episode takes the balance; the lease's version and the amount make the input's id. */
async function feed(
  deps: ReconcileDelinquencyDeps,
  workflow: Workflow,
  lease: LeaseSnapshot,
  pastDue: number,
): Promise<DelinquencyOutcome> {
  const now = deps.clock.now();
  const late = daysLate(workflow.facts.lateSince ?? lateSinceFor(now), now);
  const result = await advanceWorkflow(deps, {
    orgId: workflow.orgId,
    workflowId: workflow.workflowId,
    inputId: `sync:${lease.leaseId}:${lease.dateTimeModified ?? ''}:${pastDue}`,
    input: { kind: 'balance', pastDueUsd: pastDue, daysLate: late },
    actor: SYNC,
  });
  if (result.outcome !== 'applied') return 'none';
  return pastDue <= 0 ? 'paid' : 'fed';
}

/** Whether a past-due balance after a closed episode is a new matter. */
function startsNewEpisode(closed: Workflow, pastDue: number): boolean {
  if (closed.state === 'paid') return true;
  // Closed by a person's decision about the arrears it knew: only more arrears reopen collection.
  return pastDue > (closed.facts.pastDueUsd ?? 0);
}
