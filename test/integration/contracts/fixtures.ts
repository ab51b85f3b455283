import type { EmailRecord } from '#domain/emails/email.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { PendingItem } from '#domain/messaging/ports.ts';
import type { Holder, WaitingStep, Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import type { World } from './implementations.ts';

export function email(orgId: string, emailId: string, receivedAt: string): EmailRecord {
  return {
    orgId,
    emailId,
    channel: 'email',
    from: 'a@example.com',
    subject: 's',
    text: 't',
    messageId: `<${emailId}@example.com>`,
    status: 'received',
    receivedAt,
  };
}

export function event(
  orgId: string,
  eventId: string,
  receivedAt: string,
  status: StoredEvent['status'] = 'received',
): StoredEvent {
  return {
    orgId,
    eventId,
    eventKey: `key-${eventId}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt,
    rawBody: '{}',
    headers: { 'content-type': 'application/json' },
    status,
  };
}

/** A workflow as the engine would store it: open, in `triage`, waiting on nothing; `changes` override. */
export function workflowOf(orgId: string, workflowId: string, changes: Partial<Workflow> = {}): Workflow {
  return {
    orgId,
    workflowId,
    type: 'maintenance_routine',
    status: 'open',
    state: 'triage',
    urgency: 'medium',
    version: 1,
    source: { kind: 'manual' },
    requestedBy: { kind: 'system', name: 'contract' },
    facts: {},
    pendingEffects: [],
    history: [],
    appliedInputs: [],
    visits: { triage: 1 },
    times: { reopened: 0, slaBreaches: 0 },
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...changes,
  };
}

/** An approval step waiting on `holder`, due (to escalate) at `dueAt`. */
export function approvalStep(holder: Holder, dueAt?: string, stepId = 'approve.1'): WaitingStep {
  return {
    stepId,
    state: stepId.split('.')[0] ?? 'approve',
    kind: 'approval',
    enteredAt: '2026-11-21T10:00:00.000Z',
    holder,
    ...(dueAt ? { dueAt } : {}),
  };
}

/** A timer step (not an approval), due at `dueAt`. */
export function timerStep(dueAt: string, stepId = 'wait.1'): WaitingStep {
  return { stepId, state: 'wait', kind: 'wait_until', enteredAt: '2026-11-21T10:00:00.000Z', dueAt };
}

/** An effect a transition recorded and the runner has not done yet. */
export function notifyEffect(effectId: string): WorkflowEffect {
  return {
    effectId,
    stepId: 'triage.1',
    kind: 'notify',
    to: { role: 'property_manager' },
    template: 'new_request',
  };
}

/** The next version of a stored workflow, as a transition writes it. */
export function advanced(workflow: Workflow, changes: Partial<Workflow>): Workflow {
  return { ...workflow, ...changes, version: workflow.version + 1 };
}

/** This world's rows in the outbox, stale before `before`: listStale reads across orgs. */
export async function waiting(world: World, before: string): Promise<PendingItem[]> {
  return (await world.pending.listStale(new Date(before), 200)).filter((item) => item.orgId === world.orgId);
}
