import type {
  ActorView,
  HistoryEntryView,
  PendingEffectView,
  WaitingStepView,
  WorkflowFactsView,
  WorkflowSourceView,
  WorkflowSummary,
  WorkflowView,
} from '#contracts/workflows.ts';
import { definitionOf } from '#domain/workflow/transition.ts';
import type {
  Actor,
  HistoryEntry,
  WaitingStep,
  Workflow,
  WorkflowEffect,
  WorkflowFacts,
  WorkflowSource,
} from '#domain/workflow/workflow.ts';

/**
 * What a client sees of a workflow: typed by the contract, so a value it does not publish fails to
 * compile. A person is named by id and role only (never their key id), a vendor offer by vendor and
 * expiry (never its link), history without the inputs' free text.
 */
export function workflowView(workflow: Workflow): WorkflowView {
  return { ...workflowSummary(workflow), history: workflow.history.map(historyEntryView) };
}

/** One line of a listing: the workflow without its history. */
export function workflowSummary(workflow: Workflow): WorkflowSummary {
  const waiting = workflow.waiting ? waitingStepView(workflow, workflow.waiting) : undefined;
  return {
    workflowId: workflow.workflowId,
    type: workflow.type,
    status: workflow.status,
    state: workflow.state,
    stateTitle: stateTitle(workflow, workflow.state),
    urgency: workflow.urgency,
    source: sourceView(workflow.source),
    requestedBy: actorView(workflow.requestedBy),
    facts: factsView(workflow.facts),
    ...(waiting ? { waiting } : {}),
    pendingEffects: workflow.pendingEffects.map(pendingEffectView),
    times: {
      ...(workflow.times.firstResponseAt ? { firstResponseAt: workflow.times.firstResponseAt } : {}),
      ...(workflow.times.vendorAcceptedAt ? { vendorAcceptedAt: workflow.times.vendorAcceptedAt } : {}),
      ...(workflow.times.completedAt ? { completedAt: workflow.times.completedAt } : {}),
      reopened: workflow.times.reopened,
      slaBreaches: workflow.times.slaBreaches,
    },
    createdAt: workflow.createdAt,
    updatedAt: workflow.updatedAt,
  };
}

/** The title of a state of the workflow's definition; the name itself for one the definition no longer has. */
export function stateTitle(workflow: Pick<Workflow, 'type'>, state: string): string {
  const states = definitionOf(workflow).states;
  return Object.hasOwn(states, state) ? (states[state]?.title ?? state) : state;
}

export function actorView(actor: Actor): ActorView {
  switch (actor.kind) {
    case 'system':
      return { kind: 'system', name: actor.name };
    case 'person':
      // The key id stays inside: a person is who they are, not which key they used.
      return { kind: 'person', personId: actor.personId, ...(actor.role ? { role: actor.role } : {}) };
    case 'vendor':
      return { kind: 'vendor', vendorId: actor.vendorId };
    case 'owner':
      return { kind: 'owner' };
    case 'policy':
      return { kind: 'policy', rule: actor.rule };
  }
}

function waitingStepView(workflow: Workflow, step: WaitingStep): WaitingStepView {
  return {
    stepId: step.stepId,
    state: step.state,
    kind: step.kind,
    title: stateTitle(workflow, step.state),
    enteredAt: step.enteredAt,
    ...(step.holder ? { holder: step.holder } : {}),
    ...(step.dueAt ? { dueAt: step.dueAt } : {}),
    ...(step.slaDueAt ? { slaDueAt: step.slaDueAt } : {}),
    ...(step.amountUsd === undefined ? {} : { amountUsd: step.amountUsd }),
    ...(step.owner ? { owner: step.owner } : {}),
    ...(step.stage ? { stage: step.stage } : {}),
    escalations: step.escalations ?? 0,
    breached: step.breached ?? false,
    ...(step.offer ? { offer: { vendorId: step.offer.vendorId, expiresAt: step.offer.expiresAt } } : {}),
  };
}

function historyEntryView(entry: HistoryEntry): HistoryEntryView {
  return {
    at: entry.at,
    actor: actorView(entry.actor),
    from: entry.from,
    to: entry.to,
    reason: entry.reason,
  };
}

function pendingEffectView(effect: WorkflowEffect): PendingEffectView {
  return {
    effectId: effect.effectId,
    stepId: effect.stepId,
    kind: effect.kind,
    ...(effect.kind === 'start_workflow' ? { workflowType: effect.type } : {}),
  };
}

function sourceView(source: WorkflowSource): WorkflowSourceView {
  switch (source.kind) {
    case 'email':
      return { kind: 'email', emailId: source.emailId };
    case 'event':
      return { kind: 'event', eventId: source.eventId };
    case 'workflow':
      return { kind: 'workflow', workflowId: source.workflowId };
    case 'manual':
    case 'sync':
      // A sync's key is the platform's own bookkeeping.
      return { kind: source.kind };
  }
}

/** The facts a client may read: every published member, copied by name (an unknown stored one stays inside). */
function factsView(facts: WorkflowFacts): WorkflowFactsView {
  const shown: WorkflowFactsView = {
    category: facts.category,
    summary: facts.summary,
    propertyId: facts.propertyId,
    unitId: facts.unitId,
    leaseId: facts.leaseId,
    routeTo: facts.routeTo,
    estimateUsd: facts.estimateUsd,
    approvedUsd: facts.approvedUsd,
    invoiceUsd: facts.invoiceUsd,
    deductionsUsd: facts.deductionsUsd,
    concessionUsd: facts.concessionUsd,
    habitability: facts.habitability,
    propertyUnits: facts.propertyUnits,
    ownerThresholdUsd: facts.ownerThresholdUsd,
    trade: facts.trade,
    vendorCandidates: facts.vendorCandidates ? [...facts.vendorCandidates] : undefined,
    vendorId: facts.vendorId,
    scheduledFor: facts.scheduledFor,
    workOrderId: facts.workOrderId,
    troubleshootingOffered: facts.troubleshootingOffered,
    lateSince: facts.lateSince,
    pastDueUsd: facts.pastDueUsd,
    deadlineAt: facts.deadlineAt,
    parentWorkflowId: facts.parentWorkflowId,
  };
  return Object.fromEntries(
    Object.entries(shown).filter(([, value]) => value !== undefined),
  ) as WorkflowFactsView;
}
