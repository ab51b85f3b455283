import type { Clock } from '#domain/clock.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { EntitySnapshotStore, SnapshotCatalogue } from '#domain/rentvine/ports.ts';
import type { WorkflowStart } from '#domain/workflow/messages.ts';
import type { WorkflowSettingsSource, WorkflowStore } from '#domain/workflow/ports.ts';
import {
  type WorkflowCause,
  workflowForCause,
  workflowSourceKey,
  workOrderSubject,
} from '#domain/workflow/start.ts';
import { type NewWorkflow, openWorkflow } from '#domain/workflow/transition.ts';
import { rankedVendors } from '#domain/workflow/vendor-ranking.ts';
import type { Workflow, WorkflowFacts } from '#domain/workflow/workflow.ts';
import { stableId } from '#platform/security/ids.ts';
import { advanceWorkflow, handOnEffects } from './advance-workflow.ts';

export interface BeginWorkflowDeps {
  readonly workflows: WorkflowStore;
  /** The synced Rentvine records: the property's size, the vendors that exist. */
  readonly snapshots: EntitySnapshotStore;
  readonly catalogue: SnapshotCatalogue;
  readonly settings: WorkflowSettingsSource;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export interface StartWorkflowDeps extends BeginWorkflowDeps {
  readonly emails: EmailStore;
  readonly inbox: EventInbox;
}

/** The message points at a row that is not stored, or not yet at the workflow stage: retried, then dead-lettered. */
export class WorkflowSourceNotReadyError extends Error {
  constructor(start: WorkflowStart, why: string) {
    const id = start.source === 'email' ? start.emailId : start.eventId;
    super(`${start.source} ${id} of org ${start.orgId} ${why}`);
    this.name = 'WorkflowSourceNotReadyError';
  }
}

export type StartOutcome = { readonly outcome: 'created' | 'exists'; readonly workflow: Workflow };

export type StartWorkflowOutcome =
  | StartOutcome
  /** A Rentvine status change moved (or was already applied to) the workflow following the work order. */
  | { readonly outcome: 'signalled' | 'already_signalled'; readonly workflow: Workflow }
  | { readonly outcome: 'none' };

/**
 * Reads what the pointer points at and starts the workflow its stored facts call for (once per
 * source: the id is derived from it), then links it back to its source. The stored triage is the
 * one that won, so whichever run sent the message, the workflow matches what is stored.
 */
export async function startWorkflow(
  deps: StartWorkflowDeps,
  start: WorkflowStart,
): Promise<StartWorkflowOutcome> {
  const cause = await storedCause(deps, start);
  if (!cause) return { outcome: 'none' };
  if (cause.source === 'event') {
    const following = await deps.workflows.workflowOfSubject(
      start.orgId,
      workOrderSubject(cause.trigger.workOrderId),
    );
    if (cause.trigger.kind === 'work_order_status') return signalFollower(deps, cause, following);
    // An emergency work order a workflow already follows (one we created) starts nothing more.
    if (following) {
      const workflow = await deps.workflows.get(start.orgId, following);
      if (workflow) return { outcome: 'exists', workflow };
    }
  }
  const init = workflowForCause(cause, stableId('wf', start.orgId, workflowSourceKey(cause)));
  if (!init) return { outcome: 'none' };
  const started = await beginWorkflow(deps, init);
  // Linking is idempotent; doing it on `exists` too heals a crash between create and link.
  await deps.workflows.linkSource(started.workflow);
  return started;
}

/**
 * Opens a workflow and stores it if no workflow of that id exists. A maintenance workflow gets
 * the org's ranked vendors for its trade; the effects of its first steps are handed on.
 */
export async function beginWorkflow(deps: BeginWorkflowDeps, init: NewWorkflow): Promise<StartOutcome> {
  const existing = await deps.workflows.get(init.orgId, init.workflowId);
  if (existing) {
    await linkWorkOrder(deps, existing);
    return { outcome: 'exists', workflow: existing };
  }
  const { policy, vendorRanking } = await deps.settings.forOrg(init.orgId);
  const facts = init.type.startsWith('maintenance_')
    ? await withSyncedFacts(deps, init.orgId, init.facts, {
        largeUnits: policy.largeProperty.minUnits,
        ranked: rankedVendors(vendorRanking, init.facts.trade ?? 'other', init.facts.propertyId),
      })
    : init.facts;
  const { workflow } = openWorkflow({ ...init, facts }, deps.clock.now(), { policy });
  if ((await deps.workflows.create(workflow)) === 'exists') {
    const stored = (await deps.workflows.get(init.orgId, init.workflowId)) ?? workflow;
    await linkWorkOrder(deps, stored);
    return { outcome: 'exists', workflow: stored };
  }
  await linkWorkOrder(deps, workflow);
  await handOnEffects(deps, workflow);
  return { outcome: 'created', workflow };
}

/**
 * Links the work order a workflow follows to it, on a repeat too: a crash between the create and
 * the link must not leave the work order's events without their workflow (the same link again
 * changes nothing).
 */
async function linkWorkOrder(deps: BeginWorkflowDeps, workflow: Workflow): Promise<void> {
  if (workflow.facts.workOrderId)
    await deps.workflows.linkSubject(
      workflow.orgId,
      workOrderSubject(workflow.facts.workOrderId),
      workflow.workflowId,
    );
}

/**
 * What the synced records add to a repair: the property's size, up to the policy's large-property
 * mark (one page of units; more is no different), and the ranked vendors that Rentvine knows and
 * has active — a vendor the sync never saw, or one since deactivated, is not offered the job.
 */
async function withSyncedFacts(
  deps: BeginWorkflowDeps,
  orgId: string,
  facts: WorkflowFacts,
  { largeUnits, ranked }: { readonly largeUnits: number; readonly ranked: readonly string[] },
): Promise<WorkflowFacts> {
  // The synced records win over what a caller says: a requester cannot pick a smaller property
  // (a lower approver) or offer the job to a contact who is no active vendor.
  let { propertyUnits } = facts;
  if (facts.propertyId) {
    const units = await deps.catalogue.list(orgId, {
      kind: 'unit',
      propertyId: facts.propertyId,
      limit: largeUnits,
    });
    if (units.items.length > 0) propertyUnits = Math.max(units.items.length, propertyUnits ?? 0);
  }
  const wanted = facts.vendorCandidates ?? ranked;
  const vendorCandidates = wanted.length > 0 ? await activeVendors(deps, orgId, wanted) : [];
  return { ...facts, ...(propertyUnits !== undefined ? { propertyUnits } : {}), vendorCandidates };
}

async function activeVendors(
  deps: BeginWorkflowDeps,
  orgId: string,
  ids: readonly string[],
): Promise<string[]> {
  const found = await deps.snapshots.getMany(orgId, 'contact', ids);
  return ids.filter((id) => {
    const data = found.get(id)?.data as { role?: string; isActive?: boolean } | undefined;
    return data?.role === 'vendor' && data.isActive !== false;
  });
}

/** Moves the workflow following a work order on with the status Rentvine reported; nothing when none follows it. */
async function signalFollower(
  deps: StartWorkflowDeps,
  cause: Extract<WorkflowCause, { source: 'event' }>,
  workflowId: string | undefined,
): Promise<StartWorkflowOutcome> {
  if (!workflowId || cause.trigger.kind !== 'work_order_status') return { outcome: 'none' };
  const result = await advanceWorkflow(deps, {
    orgId: cause.orgId,
    workflowId,
    inputId: `event:${cause.eventId}`,
    input: {
      kind: 'signal',
      signal: cause.trigger.signal,
      ...(cause.trigger.scheduledFor ? { scheduledFor: cause.trigger.scheduledFor } : {}),
    },
    actor: { kind: 'system', name: 'rentvine' },
  });
  if (result.outcome === 'not_found') return { outcome: 'none' };
  return {
    outcome: result.outcome === 'applied' ? 'signalled' : 'already_signalled',
    workflow: result.workflow,
  };
}

/** The stored facts behind a pointer; undefined when they call for no workflow (an event with no trigger). */
async function storedCause(
  deps: StartWorkflowDeps,
  start: WorkflowStart,
): Promise<WorkflowCause | undefined> {
  if (start.source === 'email') {
    const email = await deps.emails.get(start.orgId, start.emailId);
    if (!email) throw new WorkflowSourceNotReadyError(start, 'is not stored');
    if (!email.triage) throw new WorkflowSourceNotReadyError(start, 'is not triaged yet');
    return {
      source: 'email',
      orgId: start.orgId,
      emailId: start.emailId,
      triage: email.triage,
      ...(email.propertyId ? { propertyId: email.propertyId } : {}),
      ...(email.leaseId ? { leaseId: email.leaseId } : {}),
      ...(email.draft?.troubleshooting ? { troubleshootingOffered: true } : {}),
    };
  }
  const event = await deps.inbox.get(start.orgId, start.eventId);
  if (!event) throw new WorkflowSourceNotReadyError(start, 'is not stored');
  if (!event.trigger) return undefined;
  return { source: 'event', orgId: start.orgId, eventId: start.eventId, trigger: event.trigger };
}
