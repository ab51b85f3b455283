import type { Clock } from '#domain/clock.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { WorkflowStore } from '#domain/workflows/ports.ts';
import {
  type WorkflowCause,
  type WorkflowRecord,
  type WorkflowStart,
  workflowFor,
  workflowSourceKey,
} from '#domain/workflows/workflow.ts';
import { stableId } from '#platform/security/ids.ts';

export interface StartWorkflowDeps {
  readonly workflows: WorkflowStore;
  readonly emails: EmailStore;
  readonly inbox: EventInbox;
  readonly clock: Clock;
}

/** The message points at a row that is not stored, or not yet at the workflow stage: retried, then dead-lettered. */
export class WorkflowSourceNotReadyError extends Error {
  constructor(start: WorkflowStart, why: string) {
    const id = start.source === 'email' ? start.emailId : start.eventId;
    super(`${start.source} ${id} of org ${start.orgId} ${why}`);
    this.name = 'WorkflowSourceNotReadyError';
  }
}

/**
 * Reads what the pointer points at and creates the workflow its stored facts call for, in
 * `triage` (once per source), then links it back to its source. The stored triage is
 * the one that won, so whichever run sent the message, the workflow matches what is stored.
 */
export async function startWorkflow(
  deps: StartWorkflowDeps,
  start: WorkflowStart,
): Promise<{ outcome: 'created' | 'exists' | 'none'; workflow?: WorkflowRecord }> {
  const cause = await storedCause(deps, start);
  if (!cause) return { outcome: 'none' };
  const workflowId = stableId('wf', start.orgId, workflowSourceKey(cause));
  const workflow = workflowFor(cause, workflowId, deps.clock.now());
  if (!workflow) return { outcome: 'none' };
  const outcome = await deps.workflows.create(workflow);
  const stored =
    outcome === 'created' ? workflow : ((await deps.workflows.get(start.orgId, workflowId)) ?? workflow);
  // Linking is idempotent; doing it on `exists` too heals a crash between create and link.
  await deps.workflows.linkSource(stored);
  return { outcome, workflow: stored };
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
    const { category, urgency } = email.triage;
    return { source: 'email', orgId: start.orgId, emailId: start.emailId, category, urgency };
  }
  const event = await deps.inbox.get(start.orgId, start.eventId);
  if (!event) throw new WorkflowSourceNotReadyError(start, 'is not stored');
  if (!event.trigger) return undefined;
  return { source: 'event', orgId: start.orgId, eventId: start.eventId, trigger: event.trigger };
}
