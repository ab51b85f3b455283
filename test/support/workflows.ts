import { type ApprovalPolicy, DEFAULT_APPROVAL_POLICY } from '#domain/workflow/approval-policy.ts';
import type { WorkflowMessage, WorkflowStart } from '#domain/workflow/messages.ts';
import {
  type EngineContext,
  openWorkflow,
  type TransitionResult,
  transition,
} from '#domain/workflow/transition.ts';
import type {
  Actor,
  Workflow,
  WorkflowEffect,
  WorkflowFacts,
  WorkflowInput,
} from '#domain/workflow/workflow.ts';
import type { RoleName } from '#vocabulary/access.ts';
import type { Urgency } from '#vocabulary/classification.ts';
import type { WorkflowType } from '#vocabulary/workflows.ts';

/** Builders for the workflow engine's tests: open a workflow, apply inputs, read the outcome. */

export const T0 = new Date('2026-12-01T10:00:00.000Z'); // a Tuesday
export const context: EngineContext = { policy: DEFAULT_APPROVAL_POLICY };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const later = (ms: number, from: Date = T0): Date => new Date(from.getTime() + ms);

export const system: Actor = { kind: 'system', name: 'test' };
export const sweeper: Actor = { kind: 'system', name: 'sweeper' };
export const rentvine: Actor = { kind: 'system', name: 'rentvine' };
export const owner: Actor = { kind: 'owner' };
export const vendor = (vendorId: string): Actor => ({ kind: 'vendor', vendorId });
export const person = (role: RoleName, personId = `p-${role}`): Extract<Actor, { kind: 'person' }> => ({
  kind: 'person',
  personId,
  keyId: `k-${personId}`,
  role,
});

export interface OpenOptions {
  readonly urgency?: Urgency;
  readonly requestedBy?: Actor;
  readonly at?: Date;
  readonly policy?: ApprovalPolicy;
  readonly workflowId?: string;
}

const DEFAULT_URGENCY: Record<WorkflowType, Urgency> = {
  maintenance_emergency: 'emergency',
  maintenance_routine: 'medium',
  vendor_invoice: 'medium',
  lease_renewal: 'medium',
  move_out: 'medium',
  delinquency: 'medium',
  accommodation_request: 'medium',
  application_review: 'medium',
  triage: 'medium',
};

/** A new workflow of `type`, moved into its first waiting step. */
export function open(
  type: WorkflowType,
  facts: WorkflowFacts = {},
  options: OpenOptions = {},
): { workflow: Workflow; effects: readonly WorkflowEffect[] } {
  return openWorkflow(
    {
      orgId: 'acme-homes',
      workflowId: options.workflowId ?? `wf_${type}`,
      type,
      urgency: options.urgency ?? DEFAULT_URGENCY[type],
      source:
        options.requestedBy?.kind === 'person' ? { kind: 'manual' } : { kind: 'email', emailId: 'em_1' },
      requestedBy: options.requestedBy ?? { kind: 'system', name: 'triage' },
      facts,
      reason: 'a test',
    },
    options.at ?? T0,
    options.policy ? { policy: options.policy } : context,
  );
}

let inputs = 0;

/** Applies one input with a fresh id (or `inputId`). */
export function apply(
  workflow: Workflow,
  input: WorkflowInput,
  actor: Actor = system,
  at: Date = T0,
  inputId = `in_${++inputs}`,
  policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY,
): TransitionResult {
  return transition(workflow, { inputId, input }, actor, at, { policy });
}

/** Applies an input that must be applied; returns the next workflow and its effects. */
export function step(
  workflow: Workflow,
  input: WorkflowInput,
  actor: Actor = system,
  at: Date = T0,
): { workflow: Workflow; effects: readonly WorkflowEffect[] } {
  const result = apply(workflow, input, actor, at);
  if (result.outcome !== 'applied')
    throw new Error(`expected ${input.kind} to apply at ${workflow.state}, got ${JSON.stringify(result)}`);
  return { workflow: result.workflow, effects: result.effects };
}

/** The refusal of an input that must be refused. */
export function refusalOf(result: TransitionResult): string {
  if (result.outcome !== 'refused') throw new Error(`expected a refusal, got ${result.outcome}`);
  return result.refusal;
}

/** Approves the waiting approval step as `actor`. */
export function approve(workflow: Workflow, actor: Actor, at: Date = T0) {
  return step(workflow, { kind: 'decide', stepId: stepIdOf(workflow), decision: 'approve' }, actor, at);
}

export function reject(workflow: Workflow, actor: Actor, at: Date = T0) {
  return step(workflow, { kind: 'decide', stepId: stepIdOf(workflow), decision: 'reject' }, actor, at);
}

/** Completes the waiting human task with `outcome`. */
export function complete(
  workflow: Workflow,
  outcome: string,
  actor: Actor,
  at: Date = T0,
  facts?: Extract<WorkflowInput, { kind: 'complete_task' }>['facts'],
) {
  return step(
    workflow,
    { kind: 'complete_task', stepId: stepIdOf(workflow), outcome, ...(facts ? { facts } : {}) },
    actor,
    at,
  );
}

export function tick(workflow: Workflow, at: Date) {
  return apply(workflow, { kind: 'tick' }, sweeper, at);
}

/** Reports every pending Rentvine effect done (with a work order id when given). */
export function rentvineDone(workflow: Workflow, at: Date = T0, workOrderId?: string) {
  const effectIds = workflow.pendingEffects.filter((e) => e.kind === 'rentvine').map((e) => e.effectId);
  return step(
    workflow,
    { kind: 'effects_done', effectIds, ...(workOrderId ? { workOrderId } : {}) },
    rentvine,
    at,
  );
}

export function stepIdOf(workflow: Workflow): string {
  if (!workflow.waiting) throw new Error(`${workflow.workflowId} waits on nothing (at ${workflow.state})`);
  return workflow.waiting.stepId;
}

export function effectsOfKind<K extends WorkflowEffect['kind']>(
  effects: readonly WorkflowEffect[],
  kind: K,
): Extract<WorkflowEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<WorkflowEffect, { kind: K }> => e.kind === kind);
}

/** A workflow-queue message that starts a workflow (the tests take what the classifier or event processor sent). */
export function startMessage(message: WorkflowMessage | undefined): WorkflowStart {
  if (!message || message.source === 'workflow')
    throw new Error(`expected a workflow start, got ${JSON.stringify(message)}`);
  return message;
}
