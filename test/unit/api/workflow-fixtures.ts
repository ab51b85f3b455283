import { DEFAULT_APPROVAL_POLICY } from '#domain/workflow/approval-policy.ts';
import { openWorkflow, transition } from '#domain/workflow/transition.ts';
import type { Actor, Workflow, WorkflowInput } from '#domain/workflow/workflow.ts';

/** Workflows as the engine leaves them, for the view and API unit tests. */
export const T0 = new Date('2026-11-20T10:00:00.000Z');
export const REQUESTER: Extract<Actor, { kind: 'person' }> = {
  kind: 'person',
  personId: 'ana@example.com',
  keyId: 'reqkey0000000001',
  role: 'property_manager',
};
export const TECH_LEAD: Extract<Actor, { kind: 'person' }> = {
  kind: 'person',
  personId: 'tom@example.com',
  keyId: 'leadkey000000001',
  role: 'maintenance_tech_lead',
};

/** A routine repair of $300 on property 7, waiting on the tech lead's approval. */
export function routineRepair(orgId = 'acme', workflowId = 'wf_0123456789abcdef0123456789abcdef'): Workflow {
  return openWorkflow(
    {
      orgId,
      workflowId,
      type: 'maintenance_routine',
      urgency: 'medium',
      source: { kind: 'manual' },
      requestedBy: REQUESTER,
      facts: {
        summary: 'The kitchen tap drips',
        estimateUsd: 300,
        propertyId: '7',
        vendorCandidates: ['11', '12'],
      },
      reason: 'started by hand',
    },
    T0,
    { policy: DEFAULT_APPROVAL_POLICY },
  ).workflow;
}

export function applied(workflow: Workflow, input: WorkflowInput, actor: Actor, at = T0): Workflow {
  const result = transition(workflow, { inputId: `test:${workflow.version}`, input }, actor, at, {
    policy: DEFAULT_APPROVAL_POLICY,
  });
  if (result.outcome !== 'applied')
    throw new Error(`expected the input applied, got ${JSON.stringify(result)}`);
  return result.workflow;
}

/** The routine repair approved and its work order written: the job offered to vendor 11. */
export function offeredToVendor(orgId = 'acme', workflowId?: string): Workflow {
  const approved = applied(
    routineRepair(orgId, workflowId),
    { kind: 'decide', stepId: 'approve_dispatch.1', decision: 'approve' },
    TECH_LEAD,
  );
  const write = approved.pendingEffects.find((e) => e.kind === 'rentvine');
  if (!write) throw new Error('expected the work order write');
  return applied(
    approved,
    { kind: 'effects_done', effectIds: approved.pendingEffects.map((e) => e.effectId), workOrderId: '4711' },
    { kind: 'system', name: 'runner' },
  );
}

/** A $1,200 repair the company approved, now waiting on the owner (`approve_dispatch.1`, stage `owner`). */
export function waitingOnOwner(orgId = 'acme', workflowId = 'wf_22222222222222222222222222222222'): Workflow {
  const opened = routineRepair(orgId, workflowId);
  const repair = {
    ...opened,
    facts: { ...opened.facts, estimateUsd: 1200 },
    waiting: { ...opened.waiting, holder: 'maintenance_supervisor', amountUsd: 1200, owner: 'required' },
  } as Workflow;
  return applied(
    repair,
    { kind: 'decide', stepId: 'approve_dispatch.1', decision: 'approve' },
    { ...TECH_LEAD, personId: 'sue@example.com', role: 'maintenance_supervisor' },
  );
}
