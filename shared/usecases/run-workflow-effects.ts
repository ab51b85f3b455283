import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import type { RentvineAccounts, WorkOrderFields } from '#domain/rentvine/ports.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';
import type { ResponseLinkIssuer, WorkflowNotices } from '#domain/workflow/ports.ts';
import { workOrderSubject } from '#domain/workflow/start.ts';
import type { Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import { stableId } from '#platform/security/ids.ts';
import { type AdvanceWorkflowDeps, advanceWorkflow, handOnEffects } from './advance-workflow.ts';
import type { QueueDeps } from './change-queue-item.ts';
import type { PagingDeps } from './deliver-page.ts';
import { pageWaitingEmergency } from './open-page.ts';
import { followStepItem, queueWorkflowStep } from './queue-workflow-step.ts';
import { type BeginWorkflowDeps, beginWorkflow } from './start-workflow.ts';

export interface RunWorkflowEffectsDeps extends AdvanceWorkflowDeps, BeginWorkflowDeps {
  readonly accounts: RentvineAccounts;
  readonly notices: WorkflowNotices;
  readonly links: ResponseLinkIssuer;
  readonly ledger: IdempotencyLedger;
  /** The desk's queue: a step waiting on a person becomes a queue item that follows its step. */
  readonly desk: QueueDeps;
  /** An emergency waiting on people pages its department's on-call person. */
  readonly paging: PagingDeps;
}

export interface EffectsRun {
  readonly done: number;
  readonly failed: number;
  /** Notices published to people (steps waiting, escalations, offers, owners asked). */
  readonly notices: number;
  readonly offers: number;
  readonly rentvineWrites: number;
}

/** Rounds of effects in one run: a done effect can move the workflow on to a step with effects of its own. */
const MAX_ROUNDS = 10;

/**
 * Does what a workflow's transitions recorded and left to do, each effect once (the ledger keyed
 * by its id; Rentvine writes keyed by workflow + step as well), and reports each back to the
 * workflow, which may move it on (a work order created → the vendor offers). A Rentvine refusal
 * is reported as a failure, which the definition routes to a person; an outage throws, so the
 * queue redelivers and the outbox keeps the workflow owing its run until it is done.
 */
export async function runWorkflowEffects(
  deps: RunWorkflowEffectsDeps,
  ref: { readonly orgId: string; readonly workflowId: string },
): Promise<EffectsRun> {
  const tally = { done: 0, failed: 0, notices: 0, offers: 0, rentvineWrites: 0 };
  for (let round = 0; ; round += 1) {
    const workflow = await deps.workflows.get(ref.orgId, ref.workflowId);
    if (!workflow || workflow.pendingEffects.length === 0) break;
    // Still owing after its rounds (a long chain of steps at once): the next run takes it on.
    if (round === MAX_ROUNDS) {
      await handOnEffects(deps, workflow);
      break;
    }
    for (const effect of workflow.pendingEffects) {
      const outcome = await perform(deps, workflow, effect);
      const input =
        outcome.failed === undefined
          ? {
              kind: 'effects_done' as const,
              effectIds: [effect.effectId],
              ...(outcome.workOrderId ? { workOrderId: outcome.workOrderId } : {}),
            }
          : { kind: 'effect_failed' as const, effectId: effect.effectId, reason: outcome.failed };
      await advanceWorkflow(deps, {
        orgId: ref.orgId,
        workflowId: ref.workflowId,
        inputId: `effect:${effect.effectId}`,
        input,
        actor: { kind: 'system', name: 'workflow' },
        handOn: false,
      });
      if (outcome.failed === undefined) tally.done += 1;
      else tally.failed += 1;
      if (outcome.failed !== undefined) continue;
      if (effect.kind === 'rentvine') tally.rentvineWrites += 1;
      else if (effect.kind !== 'start_workflow') tally.notices += 1;
      if (effect.kind === 'offer_vendor') tally.offers += 1;
    }
  }
  return tally;
}

type Performed = { readonly failed?: string; readonly workOrderId?: string };

async function perform(
  deps: RunWorkflowEffectsDeps,
  workflow: Workflow,
  effect: WorkflowEffect,
): Promise<Performed> {
  if (effect.kind === 'rentvine') return rentvineWrite(deps, workflow, effect);
  // Everything else is a notice or a child workflow: once per effect id, whatever is redelivered.
  return deps.ledger.once(
    { orgId: workflow.orgId, key: `workflow-effect:${workflow.workflowId}:${effect.effectId}` },
    async () => {
      await sideEffect(deps, workflow, effect);
      return {};
    },
  );
}

async function sideEffect(
  deps: RunWorkflowEffectsDeps,
  workflow: Workflow,
  effect: WorkflowEffect,
): Promise<void> {
  const base = {
    orgId: workflow.orgId,
    workflowId: workflow.workflowId,
    stepId: effect.stepId,
    urgency: workflow.urgency,
  };
  switch (effect.kind) {
    case 'notify':
      await deps.notices.publish({ ...base, kind: effect.template, to: recipient(effect.to) });
      await queueWorkflowStep(deps.desk, workflow, effect);
      await pageWaitingEmergency(deps.paging, workflow, effect, deps.clock.now());
      return;
    case 'escalated':
      await deps.notices.publish({
        ...base,
        kind: 'escalated',
        to: effect.to,
        detail: { from: effect.from, breached: effect.breached },
      });
      await followStepItem(deps.desk, workflow, effect);
      return;
    case 'offer_vendor': {
      const link = await deps.links.linkFor({
        purpose: 'vendor_offer',
        orgId: workflow.orgId,
        workflowId: workflow.workflowId,
        stepId: effect.stepId,
        offerId: effect.offerId,
        vendorId: effect.vendorId,
        expiresAt: effect.expiresAt,
      });
      await deps.notices.publish({
        ...base,
        kind: 'offer_vendor',
        to: `vendor:${effect.vendorId}`,
        link,
        detail: { offerId: effect.offerId, expiresAt: effect.expiresAt },
      });
      return;
    }
    case 'ask_owner': {
      const link = await deps.links.linkFor({
        purpose: 'owner_approval',
        orgId: workflow.orgId,
        workflowId: workflow.workflowId,
        stepId: effect.stepId,
        expiresAt: effect.expiresAt,
      });
      await deps.notices.publish({
        ...base,
        kind: 'ask_owner',
        to: 'owner',
        link,
        detail: { amountUsd: effect.amountUsd, expiresAt: effect.expiresAt },
      });
      return;
    }
    case 'start_workflow':
      await beginWorkflow(deps, {
        orgId: workflow.orgId,
        workflowId: stableId('wf', workflow.orgId, `child:${workflow.workflowId}:${effect.effectId}`),
        type: effect.type,
        urgency: workflow.urgency === 'emergency' ? 'high' : workflow.urgency,
        source: { kind: 'workflow', workflowId: workflow.workflowId },
        requestedBy: { kind: 'system', name: 'workflow' },
        facts: effect.facts,
        reason: `started by workflow ${workflow.workflowId}`,
      });
      return;
    case 'rentvine':
      throw new Error('Rentvine writes are keyed by workflow and step, not run here');
  }
}

/** Rentvine's priority (1 low, 2 medium, 3 high): only an emergency is 3, which the platform reads back as one. */
function priorityOf(workflow: Workflow): WorkOrderFields['priorityId'] {
  if (workflow.urgency === 'emergency') return 3;
  return workflow.urgency === 'low' ? 1 : 2;
}

async function rentvineWrite(
  deps: RunWorkflowEffectsDeps,
  workflow: Workflow,
  effect: Extract<WorkflowEffect, { kind: 'rentvine' }>,
): Promise<Performed> {
  const account = await deps.accounts.forOrg(workflow.orgId);
  if (!account) return { failed: 'the org has no Rentvine connection' };
  const intent = { idempotencyKey: effect.idempotencyKey, dispatchApproved: effect.dispatchApproved };
  const { facts } = workflow;
  try {
    switch (effect.action) {
      case 'create_work_order': {
        if (!facts.propertyId) return { failed: 'no property is linked' };
        const { workOrder } = await account.create(
          {
            propertyId: facts.propertyId,
            ...(facts.unitId ? { unitId: facts.unitId } : {}),
            ...(facts.leaseId ? { leaseId: facts.leaseId } : {}),
            description: facts.summary ?? `${workflow.type.replaceAll('_', ' ')} ${workflow.workflowId}`,
            priorityId: priorityOf(workflow),
            ...(facts.approvedUsd !== undefined ? { estimatedAmount: facts.approvedUsd } : {}),
          },
          intent,
        );
        // Linked before the workflow hears of it: the work order's own events then find it.
        await deps.workflows.linkSubject(
          workflow.orgId,
          workOrderSubject(workOrder.workOrderId),
          workflow.workflowId,
        );
        return { workOrderId: workOrder.workOrderId };
      }
      case 'assign_vendor': {
        if (!facts.workOrderId || !facts.vendorId) return { failed: 'no work order or no vendor' };
        const { workOrder } = await account.update(
          facts.workOrderId,
          { vendorContactId: facts.vendorId },
          intent,
        );
        return { workOrderId: workOrder.workOrderId };
      }
      case 'reopen_work_order': {
        if (!facts.workOrderId) return { failed: 'no work order' };
        const { workOrder } = await account.reopen(facts.workOrderId, intent);
        return { workOrderId: workOrder.workOrderId };
      }
    }
  } catch (error) {
    // Refused or unauthorised: retrying will not help, a person takes over. Unavailable: thrown, retried.
    if (error instanceof RentvineError && error.failure !== 'unavailable') return { failed: error.message };
    throw error;
  }
}

function recipient(to: Extract<WorkflowEffect, { kind: 'notify' }>['to']): string {
  return typeof to === 'string' ? to : to.role;
}
