import type { RoleName } from '#vocabulary/access.ts';
import type { ApprovalDecision, WorkflowStatus } from '#vocabulary/workflows.ts';
import { ROLES } from '../roles/registry.ts';
import {
  type ApprovalDepartment,
  type ApprovalPolicy,
  deriveApprovalChain,
  limitOf,
  mayDecide,
  nextInChain,
  slaMs,
} from './approval-policy.ts';
import { addBusinessDays, addDays, addMinutes, earliest } from './calendar.ts';
import type {
  AmountSource,
  Guard,
  Signal,
  StateDefinition,
  WaitLength,
  WorkflowDefinition,
} from './definition.ts';
import { WORKFLOW_DEFINITIONS } from './definitions.ts';
import {
  type Actor,
  APPLIED_INPUTS_KEPT,
  type HistoryEntry,
  type IdentifiedInput,
  type WaitingStep,
  type Workflow,
  type WorkflowEffect,
  type WorkflowFacts,
  type WorkflowInput,
  type WorkflowSource,
} from './workflow.ts';

/**
 * The workflow engine: pure functions from a workflow and an input to the next workflow and the
 * effects to do. It guards every invariant (who may decide a step, one decision per person per
 * step, a requester never approving their own request, nothing moving a closed workflow) and
 * interprets the definitions; the store writes its result on the version it read.
 */

export interface EngineContext {
  readonly policy: ApprovalPolicy;
}

/** Why an input was not applied: each maps to one stable API error. */
export type Refusal =
  | 'closed'
  | 'not_waiting'
  | 'not_your_step'
  | 'own_request'
  | 'already_decided'
  | 'invalid_outcome'
  | 'missing_fact'
  | 'offer_expired'
  | 'not_applicable';

export type TransitionResult =
  | { readonly outcome: 'applied'; readonly workflow: Workflow; readonly effects: readonly WorkflowEffect[] }
  /** The input was applied before (a redelivery): nothing changes. */
  | { readonly outcome: 'duplicate' }
  /** Nothing to do (a tick before anything is due, a signal no step waits for): nothing is written. */
  | { readonly outcome: 'ignored'; readonly why: string }
  | { readonly outcome: 'refused'; readonly refusal: Refusal; readonly message: string };

export interface NewWorkflow {
  readonly orgId: string;
  readonly workflowId: string;
  readonly type: Workflow['type'];
  readonly urgency: Workflow['urgency'];
  readonly source: WorkflowSource;
  readonly requestedBy: Actor;
  readonly facts: WorkflowFacts;
  /** Why it starts, for the first line of its history. */
  readonly reason: string;
}

/** A new workflow, already moved into its first waiting step. */
export function openWorkflow(
  init: NewWorkflow,
  now: Date,
  context: EngineContext,
): { workflow: Workflow; effects: readonly WorkflowEffect[] } {
  const at = now.toISOString();
  const blank: Workflow = {
    orgId: init.orgId,
    workflowId: init.workflowId,
    type: init.type,
    status: 'open',
    state: '(new)',
    urgency: init.urgency,
    version: 0,
    source: init.source,
    requestedBy: init.requestedBy,
    facts: init.facts,
    pendingEffects: [],
    history: [],
    appliedInputs: [],
    visits: {},
    times: { reopened: 0, slaBreaches: 0 },
    createdAt: at,
    updatedAt: at,
  };
  const run = new Run(blank, now, init.requestedBy, undefined, context);
  run.enter(definitionOf(blank).initial, init.reason);
  return run.finish(`start:${init.workflowId}`);
}

/** Applies one input to a workflow. */
export function transition(
  workflow: Workflow,
  { inputId, input }: IdentifiedInput,
  actor: Actor,
  now: Date,
  context: EngineContext,
): TransitionResult {
  if (workflow.appliedInputs.includes(inputId)) return { outcome: 'duplicate' };
  const run = new Run(workflow, now, actor, summary(input), context);
  const refusal = run.apply(input);
  if (refusal) return refusal;
  if (!run.changed) return { outcome: 'ignored', why: run.ignoredBecause ?? 'nothing to do' };
  return { outcome: 'applied', ...run.finish(inputId) };
}

export function definitionOf(workflow: Pick<Workflow, 'type'>): WorkflowDefinition {
  return WORKFLOW_DEFINITIONS[workflow.type];
}

type Outcome = Extract<TransitionResult, { outcome: 'refused' }> | undefined;

function refuse(refusal: Refusal, message: string): Outcome {
  return { outcome: 'refused', refusal, message };
}

/** A bound on automatic steps in a row; definitions are checked for loops at load, so this is a backstop. */
const MAX_STEPS_AT_ONCE = 50;

/** One transition being worked out: a mutable copy of the workflow, written back by `finish`. */
class Run {
  changed = false;
  ignoredBecause: string | undefined;
  private state: string;
  private status: WorkflowStatus;
  private facts: WorkflowFacts;
  private waiting: WaitingStep | undefined;
  private visits: Record<string, number>;
  private times: Workflow['times'];
  private readonly history: HistoryEntry[];
  private readonly done = new Set<string>();
  private readonly effects: WorkflowEffect[] = [];
  private readonly definition: WorkflowDefinition;
  private readonly at: string;

  constructor(
    private readonly workflow: Workflow,
    private readonly now: Date,
    private readonly actor: Actor,
    private readonly input: Record<string, unknown> | undefined,
    private readonly context: EngineContext,
  ) {
    this.state = workflow.state;
    this.status = workflow.status;
    this.facts = workflow.facts;
    this.waiting = workflow.waiting;
    this.visits = { ...workflow.visits };
    this.times = workflow.times;
    this.history = [...workflow.history];
    this.definition = definitionOf(workflow);
    this.at = now.toISOString();
  }

  apply(input: WorkflowInput): Outcome {
    if (input.kind === 'effects_done') return this.effectsDone(input.effectIds, input.workOrderId);
    if (input.kind === 'effect_failed') return this.effectFailed(input.effectId, input.reason);
    // A person records a resident's answer, a Rentvine fact or an invoice as someone of the company.
    if (
      (input.kind === 'signal' || input.kind === 'invoice') &&
      this.actor.kind === 'person' &&
      !this.actor.role
    )
      return refuse('not_your_step', 'only a key carrying its person’s role records signals and invoices');
    // A repair's invoice usually comes after the job is done: a completed repair still takes it.
    if (input.kind === 'invoice' && this.status === 'completed')
      return this.invoice(input.invoiceId, input.amountUsd);
    if (this.status !== 'open') {
      if (input.kind === 'tick' || input.kind === 'signal' || input.kind === 'balance')
        return this.ignore('closed');
      return refuse('closed', `the workflow is ${this.status}`);
    }
    switch (input.kind) {
      case 'decide':
        return this.decide(input.stepId, input.decision, input.comment);
      case 'complete_task':
        return this.completeTask(input);
      case 'signal':
        if (input.signal === 'work_order_scheduled' && input.scheduledFor)
          return this.scheduled(input.scheduledFor);
        return this.signal(input.signal);
      case 'tick':
        return this.tick();
      case 'vendor_reply':
        return this.vendorReply(input);
      case 'invoice':
        return this.invoice(input.invoiceId, input.amountUsd);
      case 'balance':
        return this.balance(input.pastDueUsd, input.daysLate);
    }
  }

  finish(inputId: string): { workflow: Workflow; effects: readonly WorkflowEffect[] } {
    const pendingEffects = [
      ...this.workflow.pendingEffects.filter((e) => !this.done.has(e.effectId)),
      ...this.effects,
    ];
    const { waiting: _before, ...rest } = this.workflow;
    const workflow: Workflow = {
      ...rest,
      state: this.state,
      status: this.status,
      facts: this.facts,
      ...(this.waiting ? { waiting: this.waiting } : {}),
      visits: this.visits,
      times: this.times,
      history: this.history,
      pendingEffects,
      appliedInputs: [...this.workflow.appliedInputs, inputId].slice(-APPLIED_INPUTS_KEPT),
      version: this.workflow.version + 1,
      updatedAt: this.at,
    };
    return { workflow, effects: this.effects };
  }

  /** Moves into a state and on through every step that runs at once, to the next that waits. */
  enter(name: string, reason: string): void {
    let target = name;
    let why = reason;
    for (let steps = 0; steps < MAX_STEPS_AT_ONCE; steps += 1) {
      const state = this.definition.states[target] as StateDefinition;
      const from = this.state;
      this.state = target;
      this.visits[target] = (this.visits[target] ?? 0) + 1;
      this.waiting = undefined;
      const stepId = `${target}.${this.visits[target]}`;
      const next = this.open(state, stepId);
      this.record(from, target, next.detail ? `${why}; ${next.detail}` : why);
      if (!next.to) return;
      target = next.to;
      why = next.because;
    }
    throw new Error(`workflow ${this.workflow.workflowId}: more than ${MAX_STEPS_AT_ONCE} steps at once`);
  }

  /** Sets a state's step up: a waiting step, or the state it leads to at once and why. */
  private open(
    state: StateDefinition,
    stepId: string,
  ): { to?: undefined; detail?: string } | { to: string; because: string; detail?: string } {
    switch (state.kind) {
      case 'automatic': {
        const branch = state.branches.find((b) => !b.when || this.holds(b.when)) ?? state.branches.at(-1);
        return { to: branch?.to as string, because: branch?.when ? describeGuard(branch.when) : state.title };
      }
      case 'message':
        this.emit(stepId, { kind: 'notify', to: state.to, template: state.template });
        if (state.to === 'resident')
          this.times = { ...this.times, firstResponseAt: this.times.firstResponseAt ?? this.at };
        return { to: state.next, because: `${state.template} sent` };
      case 'final':
        this.status = state.status;
        this.times = { ...this.times, completedAt: this.at };
        return {};
      case 'approval':
        return { detail: this.openApproval(state, stepId) };
      case 'human_task':
        return { detail: this.openTask(state, stepId) };
      case 'wait_until':
        this.waiting = this.step(stepId, 'wait_until', { dueAt: this.waitEnd(state.length).toISOString() });
        return {};
      case 'rentvine_action':
        return this.openAction(state, stepId);
      case 'vendor_offer': {
        const offered = this.offerNext(stepId, []);
        return offered ? {} : { to: state.onExhausted, because: 'no ranked vendor left to offer the job to' };
      }
    }
  }

  private openApproval(state: Extract<StateDefinition, { kind: 'approval' }>, stepId: string): string {
    const amountUsd = this.amountOf(state.amount);
    const chain = deriveApprovalChain(
      {
        department: state.department,
        amountUsd,
        urgency: this.workflow.urgency,
        ownersMoney: state.ownersMoney === true,
        habitability: this.facts.habitability === true,
        ...(this.facts.propertyUnits !== undefined ? { propertyUnits: this.facts.propertyUnits } : {}),
        ...(this.facts.ownerThresholdUsd !== undefined
          ? { ownerThresholdUsd: this.facts.ownerThresholdUsd }
          : {}),
        ...(state.minimumRole ? { minimumRole: state.minimumRole } : {}),
      },
      this.context.policy,
    );
    this.waiting = this.step(stepId, 'approval', {
      ...this.timing(),
      holder: chain.approver,
      approver: chain.approver,
      chain: chain.chain,
      amountUsd,
      owner: chain.owner,
      stage: 'company',
      decidedBy: [],
      escalations: 0,
    });
    this.emit(stepId, { kind: 'notify', to: { role: chain.approver }, template: 'approval_waiting' });
    return `waits on ${chain.approver} (${chain.reasons.join('; ')})`;
  }

  private openTask(state: Extract<StateDefinition, { kind: 'human_task' }>, stepId: string): string {
    const holder: RoleName =
      state.role === 'routed'
        ? (this.facts.routeTo ?? (this.context.policy.chains[state.department][0] as RoleName))
        : state.role;
    this.waiting = this.step(stepId, 'human_task', {
      ...this.timing(),
      holder,
      chain: this.taskChain(holder),
      escalations: 0,
    });
    this.emit(stepId, { kind: 'notify', to: { role: holder }, template: 'task_waiting' });
    return `waits on ${holder}`;
  }

  private openAction(
    state: Extract<StateDefinition, { kind: 'rentvine_action' }>,
    stepId: string,
  ): { to?: undefined } | { to: string; because: string } {
    const { workOrderId, propertyId, vendorId } = this.facts;
    if (state.action === 'create_work_order') {
      if (workOrderId)
        return { to: state.onDone, because: `work order ${workOrderId} is already in Rentvine` };
      if (!propertyId)
        return { to: state.onFailed, because: 'no property is linked, and Rentvine needs one' };
    } else {
      if (!workOrderId) return { to: state.onFailed, because: 'there is no work order to change' };
      if (state.action === 'assign_vendor' && !vendorId)
        return { to: state.onFailed, because: 'no vendor to assign' };
    }
    if (state.action === 'reopen_work_order') {
      const others = (this.facts.vendorCandidates ?? []).filter((v) => v !== vendorId);
      this.facts = { ...this.facts, vendorCandidates: vendorId ? [vendorId, ...others] : others };
      this.times = { ...this.times, reopened: this.times.reopened + 1 };
    }
    const effect = this.emit(stepId, {
      kind: 'rentvine',
      action: state.action,
      idempotencyKey: `${this.workflow.workflowId}:${stepId}`,
      // Only the assignment of a vendor after an approved dispatch lets Rentvine tell the vendor;
      // offers go through our own links, so the create never notifies anyone.
      dispatchApproved: state.action === 'assign_vendor',
    });
    this.waiting = this.step(stepId, 'rentvine_action', { effectId: effect.effectId });
    return {};
  }

  /** Offers the job to the next ranked vendor not yet asked in this step; false when none is left. */
  private offerNext(stepId: string, offered: readonly string[]): boolean {
    const vendorId = (this.facts.vendorCandidates ?? []).find((v) => !offered.includes(v));
    if (!vendorId) return false;
    const policy = this.context.policy.vendorOffer;
    const expiresAt = (
      this.workflow.urgency === 'emergency'
        ? addMinutes(this.now, policy.emergencyMinutes)
        : addBusinessDays(this.now, policy.routineBusinessDays)
    ).toISOString();
    const offerId = `${stepId}.${offered.length + 1}`;
    this.emit(stepId, { kind: 'offer_vendor', offerId, vendorId, expiresAt });
    const enteredAt = this.waiting?.stepId === stepId ? this.waiting.enteredAt : this.at;
    this.waiting = {
      ...this.step(stepId, 'vendor_offer', { dueAt: expiresAt }),
      enteredAt,
      offer: { offerId, vendorId, expiresAt },
      offered: [...offered, vendorId],
    };
    return true;
  }

  private decide(stepId: string, decision: ApprovalDecision, comment: string | undefined): Outcome {
    const step = this.waiting;
    if (step?.kind !== 'approval' || step.stepId !== stepId)
      return refuse('not_waiting', `step ${stepId} is not waiting for an approval`);
    const holder = step.holder as NonNullable<WaitingStep['holder']>;
    let who: string;
    if (holder === 'owner') {
      if (this.actor.kind !== 'owner')
        return refuse('not_your_step', "the owner answers this step through the owner's link");
      who = 'the owner';
    } else {
      const actor = this.actor;
      if (actor.kind !== 'person' || !actor.role)
        return refuse(
          'not_your_step',
          `step ${stepId} waits on ${holder}; a person with that role decides it`,
        );
      // The holder, anyone above it with the limit, and the role it was first given to (still
      // answerable for it after an escalation).
      const base = step.stage === 'owner' ? holder : (step.approver ?? holder);
      if (!mayDecide(this.context.policy, step.chain ?? [], base, actor.role, step.amountUsd ?? 0))
        return refuse('not_your_step', `step ${stepId} waits on ${holder}; ${actor.role} does not hold it`);
      const requester = this.workflow.requestedBy;
      if (requester.kind === 'person' && requester.personId === actor.personId)
        return refuse('own_request', 'a requester never approves their own request');
      if (this.facts.amountEnteredBy === actor.personId && (step.amountUsd ?? 0) > 0)
        return refuse('own_request', 'the person who entered the amount never approves it');
      if (step.decidedBy?.includes(actor.personId))
        return refuse('already_decided', `${actor.personId} already decided this step; another person must`);
      who = `${actor.personId} (${actor.role})`;
    }
    this.times = { ...this.times, firstResponseAt: this.times.firstResponseAt ?? this.at };
    const state = this.definition.states[this.state] as Extract<StateDefinition, { kind: 'approval' }>;
    const said = comment ? `: ${comment}` : '';
    if (decision === 'reject') {
      this.enter(state.onReject, `rejected by ${who}${said}`);
      return undefined;
    }
    const decidedBy =
      this.actor.kind === 'person' ? [...(step.decidedBy ?? []), this.actor.personId] : step.decidedBy;
    if (step.stage === 'company' && step.owner === 'required') {
      const minutes =
        this.context.policy.ownerAnswerMinutes[
          this.workflow.urgency === 'emergency' ? 'emergency' : 'routine'
        ];
      const asked = addMinutes(this.now, minutes).toISOString();
      // An emergency's owner answers within what is left of its 30 minutes, never a fresh period.
      const emergency = this.workflow.urgency === 'emergency' && step.slaDueAt !== undefined;
      const dueAt = emergency ? (earliest(asked, step.slaDueAt) as string) : asked;
      this.waiting = {
        ...step,
        stage: 'owner',
        holder: 'owner',
        decidedBy: decidedBy ?? [],
        dueAt,
        slaDueAt: emergency ? step.slaDueAt : dueAt,
        escalations: 0,
      };
      this.emit(step.stepId, { kind: 'ask_owner', amountUsd: step.amountUsd ?? 0, expiresAt: dueAt });
      this.record(
        this.state,
        this.state,
        `approved by ${who}${said}; the owner must agree above their threshold`,
      );
      return undefined;
    }
    this.approved(step);
    this.enter(state.onApprove, `approved by ${who}${said}`);
    return undefined;
  }

  /** The approval stands: the amount is approved, and an owner who is only told is told now. */
  private approved(step: WaitingStep): void {
    const state = this.definition.states[this.state] as Extract<StateDefinition, { kind: 'approval' }>;
    if (state.amount === 'estimate') this.facts = { ...this.facts, approvedUsd: step.amountUsd ?? 0 };
    if (step.owner === 'notify')
      this.emit(step.stepId, { kind: 'notify', to: 'owner', template: 'work_going_ahead' });
  }

  private completeTask(input: Extract<WorkflowInput, { kind: 'complete_task' }>): Outcome {
    const step = this.waiting;
    if (step?.kind !== 'human_task' || step.stepId !== input.stepId)
      return refuse('not_waiting', `step ${input.stepId} is not waiting for a task`);
    const actor = this.actor;
    const holder = step.holder as RoleName;
    const chain = step.chain ?? [holder];
    if (
      actor.kind !== 'person' ||
      !actor.role ||
      !(actor.role === holder || chain.indexOf(actor.role) > chain.indexOf(holder))
    )
      return refuse('not_your_step', `step ${input.stepId} waits on ${holder}`);
    const state = this.definition.states[this.state] as Extract<StateDefinition, { kind: 'human_task' }>;
    const to = state.outcomes[input.outcome];
    if (!to || !Object.hasOwn(state.outcomes, input.outcome))
      return refuse('invalid_outcome', `outcome must be one of: ${Object.keys(state.outcomes).join(', ')}`);
    const entersAmount = ['estimateUsd', 'deductionsUsd', 'concessionUsd'].some((key) =>
      Object.hasOwn(input.facts ?? {}, key),
    );
    const facts = {
      ...this.facts,
      ...input.facts,
      ...(entersAmount ? { amountEnteredBy: actor.personId } : {}),
    };
    if (to === 'assign_vendor' && !facts.vendorId)
      return refuse(
        'missing_fact',
        `outcome ${input.outcome} needs facts.vendorId, the vendor's Rentvine contact id`,
      );
    this.facts = facts;
    this.times = { ...this.times, firstResponseAt: this.times.firstResponseAt ?? this.at };
    this.enter(
      to,
      `${actor.personId} (${actor.role}): ${input.outcome}${input.comment ? `: ${input.comment}` : ''}`,
    );
    return undefined;
  }

  private signal(signal: Signal): Outcome {
    const state = this.definition.states[this.state] as StateDefinition;
    const here = state.kind === 'wait_until' ? state.on[signal] : undefined;
    if (here) {
      this.enter(here, `${signal.replaceAll('_', ' ')}`);
      return undefined;
    }
    const anywhere = this.definition.signals?.[signal];
    if (
      anywhere &&
      (anywhere.once !== 'work_order' || this.facts.workOrderId) &&
      !this.restsHere(anywhere.to)
    ) {
      this.enter(anywhere.to, `${signal.replaceAll('_', ' ')} (while at ${this.state})`);
      return undefined;
    }
    return this.ignore(`no step of ${this.state} waits for ${signal}`);
  }

  /**
   * Rentvine says when the vendor is booked: recorded on the repair (the people following it see
   * it), nothing moves; the same date again is nothing new.
   */
  private scheduled(scheduledFor: string): Outcome {
    if (!this.facts.workOrderId) return this.ignore('no work order is followed yet');
    if (this.facts.scheduledFor === scheduledFor) return this.ignore('the same schedule again');
    this.facts = { ...this.facts, scheduledFor };
    this.record(this.state, this.state, `Rentvine: the work is scheduled for ${scheduledFor}`);
    return undefined;
  }

  /** Whether entering `name` comes to rest where the workflow is (a repeat of the signal that brought it here). */
  private restsHere(name: string): boolean {
    let target = name;
    for (let steps = 0; steps < MAX_STEPS_AT_ONCE; steps += 1) {
      if (target === this.state) return true;
      const state = this.definition.states[target];
      if (state?.kind !== 'message') return false;
      target = state.next;
    }
    return false;
  }

  private tick(): Outcome {
    const step = this.waiting;
    if (!step?.dueAt || step.dueAt > this.at) return this.ignore('nothing is due');
    const state = this.definition.states[this.state] as StateDefinition;
    switch (state.kind) {
      case 'wait_until':
        this.enter(state.onTimeout, `nothing came by ${step.dueAt}`);
        return undefined;
      case 'vendor_offer': {
        const offer = step.offer;
        this.record(
          this.state,
          this.state,
          `vendor ${offer?.vendorId} did not answer by ${offer?.expiresAt}`,
        );
        if (!this.offerNext(step.stepId, step.offered ?? []))
          this.enter(state.onExhausted, 'no ranked vendor left');
        return undefined;
      }
      case 'approval':
      case 'human_task':
        this.escalate(step, state.kind === 'approval' ? state : undefined);
        return undefined;
      default:
        return this.ignore(`${state.kind} steps have no deadline`);
    }
  }

  /**
   * An overdue step moves up its chain; an emergency approval still undecided when its SLA ends
   * goes ahead within the emergency cap, as a rule of the policy, with the people who missed it told.
   */
  private escalate(
    step: WaitingStep,
    approval: Extract<StateDefinition, { kind: 'approval' }> | undefined,
  ): void {
    const { policy } = this.context;
    const breachedNow = !step.breached && step.slaDueAt !== undefined && step.slaDueAt <= this.at;
    if (breachedNow) this.times = { ...this.times, slaBreaches: this.times.slaBreaches + 1 };
    const holder = step.holder as NonNullable<WaitingStep['holder']>;
    if (
      approval &&
      this.workflow.urgency === 'emergency' &&
      step.slaDueAt !== undefined &&
      step.slaDueAt <= this.at
    ) {
      // Never more than 30 minutes: it goes ahead, up to the cap (an estimate above it is
      // approved to the cap; the vendor's invoice beyond it starts its own approval), owner told.
      const estimate = step.amountUsd ?? 0;
      const capped = Math.min(estimate, policy.emergencyCapUsd);
      for (const role of new Set<RoleName>([
        holder === 'owner' ? 'property_manager' : holder,
        'property_manager',
      ]))
        this.emit(step.stepId, { kind: 'notify', to: { role }, template: 'emergency_went_ahead' });
      this.approved({ ...step, amountUsd: capped, owner: step.owner === 'none' ? 'none' : 'notify' });
      this.withActor({ kind: 'policy', rule: 'emergency_sla' }, () =>
        this.enter(
          approval.onApprove,
          `no one decided within the ${policy.slaMinutes.emergency}-minute emergency SLA: it goes ahead within the $${policy.emergencyCapUsd} cap${estimate > capped ? ` ($${capped} of the $${estimate} estimate approved)` : ''}`,
        ),
      );
      return;
    }
    const to: RoleName =
      holder === 'owner'
        ? ownerStandIn(policy, step.chain ?? [], step.amountUsd ?? 0)
        : (nextInChain(step.chain ?? [], holder) ?? holder);
    const every =
      this.workflow.urgency === 'emergency'
        ? policy.emergencyEscalationMinutes * 60_000
        : slaMs(policy, this.workflow.urgency);
    const nextDue = new Date(this.now.getTime() + every).toISOString();
    const dueAt =
      step.slaDueAt && step.slaDueAt > this.at ? (earliest(nextDue, step.slaDueAt) as string) : nextDue;
    const breached = step.breached === true || breachedNow;
    this.waiting = { ...step, holder: to, escalations: (step.escalations ?? 0) + 1, breached, dueAt };
    // At the top of its chain a step has nowhere to go: its holder is reminded, nothing escalates.
    if (to !== holder) this.emit(step.stepId, { kind: 'escalated', from: holder, to, breached });
    this.emit(step.stepId, {
      kind: 'notify',
      to: { role: to },
      template: to === holder ? 'step_overdue' : 'step_escalated',
    });
    this.record(
      this.state,
      this.state,
      to === holder
        ? `overdue since ${step.dueAt}; ${holder} is the top of the chain, reminded again`
        : `overdue since ${step.dueAt}: escalated from ${holder} to ${to}`,
    );
  }

  private vendorReply(input: Extract<WorkflowInput, { kind: 'vendor_reply' }>): Outcome {
    const step = this.waiting;
    const offer = step?.offer;
    if (step?.kind !== 'vendor_offer' || offer?.offerId !== input.offerId)
      return refuse('not_waiting', `offer ${input.offerId} is no longer open`);
    if (this.actor.kind !== 'vendor' || this.actor.vendorId !== offer.vendorId)
      return refuse('not_your_step', `offer ${input.offerId} was made to another vendor`);
    if (offer.expiresAt <= this.at)
      return refuse('offer_expired', `offer ${input.offerId} expired at ${offer.expiresAt}`);
    const state = this.definition.states[this.state] as Extract<StateDefinition, { kind: 'vendor_offer' }>;
    if (input.decision === 'decline') {
      this.record(this.state, this.state, `vendor ${offer.vendorId} declined`);
      if (!this.offerNext(step.stepId, step.offered ?? []))
        this.enter(state.onExhausted, 'no ranked vendor left');
      return undefined;
    }
    this.facts = {
      ...this.facts,
      vendorId: offer.vendorId,
      ...(input.proposedTime ? { scheduledFor: input.proposedTime } : {}),
    };
    this.times = { ...this.times, vendorAcceptedAt: this.times.vendorAcceptedAt ?? this.at };
    this.enter(
      state.onAccepted,
      `vendor ${offer.vendorId} accepted${input.proposedTime ? `, proposing ${input.proposedTime}` : ''}`,
    );
    return undefined;
  }

  /**
   * A vendor's invoice, counted once by its id: while the repair's invoices together stay within
   * the approved amount, accounting is told; beyond it, a vendor_invoice approval starts for this
   * one, against what the approval still covers.
   */
  private invoice(invoiceId: string, amountUsd: number): Outcome {
    if (this.definition.department !== 'maintenance')
      return refuse('not_applicable', `a ${this.workflow.type} workflow takes no vendor invoice`);
    if (this.facts.invoiceIds?.includes(invoiceId))
      return this.ignore(`invoice ${invoiceId} is already recorded`);
    // An estimate nobody approved approves nothing: only `approvedUsd` covers an invoice.
    const approved = this.facts.approvedUsd;
    const before = this.facts.invoicedUsd ?? 0;
    this.facts = {
      ...this.facts,
      invoiceUsd: amountUsd,
      invoicedUsd: before + amountUsd,
      invoiceIds: [...(this.facts.invoiceIds ?? []), invoiceId].slice(-50),
    };
    const stepId = this.waiting?.stepId ?? `${this.state}.${this.visits[this.state] ?? 1}`;
    if (approved === undefined || before + amountUsd > approved) {
      const { vendorId, workOrderId, propertyId } = this.facts;
      const covered = approved === undefined ? undefined : Math.max(0, approved - before);
      this.emit(stepId, {
        kind: 'start_workflow',
        type: 'vendor_invoice',
        facts: {
          invoiceUsd: amountUsd,
          ...(covered !== undefined ? { estimateUsd: covered } : {}),
          // Whoever recorded the invoice never approves it.
          ...(this.actor.kind === 'person' ? { amountEnteredBy: this.actor.personId } : {}),
          parentWorkflowId: this.workflow.workflowId,
          ...(vendorId ? { vendorId } : {}),
          ...(workOrderId ? { workOrderId } : {}),
          ...(propertyId ? { propertyId } : {}),
        },
      });
      this.record(
        this.state,
        this.state,
        approved === undefined
          ? `invoice of $${amountUsd} with nothing approved: an approval starts`
          : `invoice of $${amountUsd} brings the invoiced total to $${before + amountUsd}, above the approved $${approved}: an approval starts`,
      );
    } else {
      this.emit(stepId, { kind: 'notify', to: { role: 'accountant' }, template: 'invoice_within_estimate' });
      this.record(this.state, this.state, `invoice of $${amountUsd} is within the approved amount`);
    }
    return undefined;
  }

  /** A synced balance: paid ends the matter; otherwise it dates the lateness the waits count from. */
  private balance(pastDueUsd: number, daysLate: number): Outcome {
    if (this.workflow.type !== 'delinquency')
      return refuse('not_applicable', `a ${this.workflow.type} workflow takes no balance`);
    if (pastDueUsd <= 0) return this.signal('balance_paid');
    if (this.facts.pastDueUsd === pastDueUsd && this.facts.lateSince)
      return this.ignore('the balance did not change');
    this.facts = {
      ...this.facts,
      pastDueUsd,
      lateSince: this.facts.lateSince ?? addDays(this.now, -daysLate).toISOString(),
    };
    this.record(this.state, this.state, `past due $${pastDueUsd}, ${daysLate} days late`);
    return undefined;
  }

  private effectsDone(effectIds: readonly string[], workOrderId: string | undefined): Outcome {
    const pending = new Set(this.workflow.pendingEffects.map((e) => e.effectId));
    const known = effectIds.filter((id) => pending.has(id));
    if (known.length === 0) return this.ignore('those effects are not pending');
    for (const id of known) this.done.add(id);
    this.changed = true;
    const step = this.waiting;
    if (
      this.status === 'open' &&
      step?.kind === 'rentvine_action' &&
      step.effectId &&
      known.includes(step.effectId)
    ) {
      const state = this.definition.states[this.state] as Extract<
        StateDefinition,
        { kind: 'rentvine_action' }
      >;
      if (workOrderId) this.facts = { ...this.facts, workOrderId };
      this.withActor({ kind: 'system', name: 'rentvine' }, () =>
        this.enter(
          state.onDone,
          `Rentvine: ${state.action.replaceAll('_', ' ')} done (work order ${this.facts.workOrderId})`,
        ),
      );
    }
    return undefined;
  }

  private effectFailed(effectId: string, reason: string): Outcome {
    if (!this.workflow.pendingEffects.some((e) => e.effectId === effectId))
      return this.ignore('that effect is not pending');
    this.done.add(effectId);
    this.changed = true;
    const step = this.waiting;
    if (this.status === 'open' && step?.kind === 'rentvine_action' && step.effectId === effectId) {
      const state = this.definition.states[this.state] as Extract<
        StateDefinition,
        { kind: 'rentvine_action' }
      >;
      this.withActor({ kind: 'system', name: 'rentvine' }, () =>
        this.enter(state.onFailed, `Rentvine refused: ${reason}`),
      );
    } else {
      this.record(this.state, this.state, `an effect failed for good: ${reason}`);
    }
    return undefined;
  }

  private ignore(why: string): Outcome {
    this.ignoredBecause = why;
    return undefined;
  }

  private withActor(actor: Actor, run: () => void): void {
    const saved = this.actorOverride;
    this.actorOverride = actor;
    try {
      run();
    } finally {
      this.actorOverride = saved;
    }
  }

  private actorOverride: Actor | undefined;

  private record(from: string, to: string, reason: string): void {
    this.changed = true;
    this.history.push({
      at: this.at,
      actor: this.actorOverride ?? this.actor,
      from,
      to,
      reason,
      ...(this.input ? { input: this.input } : {}),
    });
  }

  private emit<E extends DistributiveOmit<WorkflowEffect, 'effectId' | 'stepId'>>(
    stepId: string,
    effect: E,
  ): WorkflowEffect {
    const made = {
      ...effect,
      stepId,
      effectId: `${stepId}:${effect.kind}:v${this.workflow.version + 1}.${this.effects.length + 1}`,
    } as WorkflowEffect;
    this.effects.push(made);
    return made;
  }

  private step(stepId: string, kind: WaitingStep['kind'], rest: Partial<WaitingStep>): WaitingStep {
    return { stepId, state: this.state, kind, enteredAt: this.at, ...rest };
  }

  /** A waiting step's SLA: due with its urgency's SLA (never after a legal deadline); emergencies move up every few minutes. */
  private timing(): Pick<WaitingStep, 'dueAt' | 'slaDueAt'> {
    const { policy } = this.context;
    const sla = new Date(this.now.getTime() + slaMs(policy, this.workflow.urgency)).toISOString();
    const slaDueAt = earliest(
      sla,
      this.facts.deadlineAt && this.facts.deadlineAt > this.at ? this.facts.deadlineAt : undefined,
    ) as string;
    const dueAt =
      this.workflow.urgency === 'emergency'
        ? (earliest(
            addMinutes(this.now, policy.emergencyEscalationMinutes).toISOString(),
            slaDueAt,
          ) as string)
        : slaDueAt;
    return { dueAt, slaDueAt };
  }

  /** The chain a task escalates up: its holder's department's, from the holder (or from the first role above its limit). */
  private taskChain(holder: RoleName): readonly RoleName[] {
    const { policy } = this.context;
    const department = approvalDepartmentOf(holder);
    const chain = policy.chains[department];
    if (chain.includes(holder)) return chain;
    const floor = Math.max(0, limitOf(policy, holder));
    return [holder, ...chain.filter((role) => limitOf(policy, role) > floor)];
  }

  private waitEnd(length: WaitLength): Date {
    if ('minutes' in length) return addMinutes(this.now, length.minutes);
    if ('businessDays' in length) return addBusinessDays(this.now, length.businessDays);
    const lateSince = this.facts.lateSince ? new Date(this.facts.lateSince) : this.now;
    return addDays(lateSince, length.untilDaysLate);
  }

  private amountOf(source: AmountSource): number {
    const { facts } = this;
    switch (source) {
      case 'estimate':
        return (
          facts.estimateUsd ??
          this.context.policy.defaultEstimateUsd[
            this.workflow.urgency === 'emergency' ? 'emergency' : 'routine'
          ]
        );
      case 'invoice':
        return facts.invoiceUsd ?? 0;
      case 'deductions':
        return facts.deductionsUsd ?? 0;
      case 'concession':
        return facts.concessionUsd ?? 0;
      case 'none':
        return 0;
    }
  }

  private holds(guard: Guard): boolean {
    switch (guard.is) {
      case 'troubleshooting_offered':
        return this.facts.troubleshootingOffered === true;
      case 'invoice_within_estimate':
        return (
          this.facts.invoiceUsd !== undefined &&
          this.facts.estimateUsd !== undefined &&
          this.facts.invoiceUsd <= this.facts.estimateUsd
        );
      case 'days_late_at_least': {
        if (!this.facts.lateSince) return false;
        return addDays(new Date(this.facts.lateSince), guard.days) <= this.now;
      }
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function describeGuard(guard: Guard): string {
  switch (guard.is) {
    case 'troubleshooting_offered':
      return 'the approved reply offered troubleshooting';
    case 'invoice_within_estimate':
      return 'the invoice is within the approved estimate';
    case 'days_late_at_least':
      return `rent is at least ${guard.days} days late`;
  }
}

/**
 * Who decides in the owner's place past their deadline: the property manager, or the first role
 * above it whose limit covers the amount (the owner's silence never lets a role sign above its limit).
 */
function ownerStandIn(policy: ApprovalPolicy, chain: readonly RoleName[], amountUsd: number): RoleName {
  const from = Math.max(0, chain.indexOf('property_manager'));
  return chain.slice(from).find((role) => limitOf(policy, role) >= amountUsd) ?? 'property_manager';
}

/** The approval department a role escalates in: its own, or management for the roles outside the four chains. */
export function approvalDepartmentOf(role: RoleName): ApprovalDepartment {
  const department = ROLES[role].department;
  return department === 'maintenance' || department === 'leasing' || department === 'accounting'
    ? department
    : 'management';
}

/** What the history keeps of an input: its kind and ids, and a person's comment; never a link token. */
function summary(input: WorkflowInput): Record<string, unknown> {
  const { kind } = input;
  switch (input.kind) {
    case 'decide':
      return {
        kind,
        stepId: input.stepId,
        decision: input.decision,
        ...(input.comment ? { comment: input.comment } : {}),
      };
    case 'complete_task':
      return {
        kind,
        stepId: input.stepId,
        outcome: input.outcome,
        ...(input.comment ? { comment: input.comment } : {}),
      };
    case 'signal':
      return {
        kind,
        signal: input.signal,
        ...(input.scheduledFor ? { scheduledFor: input.scheduledFor } : {}),
      };
    case 'vendor_reply':
      return { kind, offerId: input.offerId, decision: input.decision };
    case 'invoice':
      return { kind, invoiceId: input.invoiceId, amountUsd: input.amountUsd };
    case 'balance':
      return { kind, pastDueUsd: input.pastDueUsd, daysLate: input.daysLate };
    case 'effects_done':
      return { kind, effectIds: input.effectIds };
    case 'effect_failed':
      return { kind, effectId: input.effectId };
    case 'tick':
      return { kind };
  }
}
