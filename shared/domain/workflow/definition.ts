import type { RoleName } from '#vocabulary/access.ts';
import {
  type StepKind,
  WORKFLOW_SIGNALS,
  type WorkflowStatus,
  type WorkflowType,
} from '#vocabulary/workflows.ts';
import { type ApprovalDepartment, DEFAULT_APPROVAL_POLICY } from './approval-policy.ts';

/** The default chains: a definition's minimum role must be on its department's. */
const policyChains = DEFAULT_APPROVAL_POLICY.chains;

/**
 * A workflow definition is typed data: named states, each of one step kind, and the states each
 * leads to. `validateDefinition` checks one when the module loads (every target exists, every
 * state is reachable, a final state is reachable from each), so a broken definition fails every
 * test at once instead of stranding a workflow in production.
 */

/** Where the money an approval commits comes from (USD; `none` is 0). */
export type AmountSource = 'estimate' | 'invoice' | 'deductions' | 'concession' | 'none';

/** What can end a wait besides its timer: a resident's answer, a Rentvine change, a synced balance (the published list). */
export const SIGNALS = WORKFLOW_SIGNALS;
export type Signal = (typeof SIGNALS)[number];

/** Conditions an automatic step branches on, read from the workflow's facts. */
export type Guard =
  | { readonly is: 'troubleshooting_offered' }
  | { readonly is: 'invoice_within_estimate' }
  | { readonly is: 'days_late_at_least'; readonly days: number };

/** How long a wait lasts: minutes from entering it, business days, or until rent is this many days late. */
export type WaitLength =
  | { readonly minutes: number }
  | { readonly businessDays: number }
  | { readonly untilDaysLate: number };

/** Who a message step writes to: a party of the matter, or a role of the company. */
export type Party = 'resident' | 'owner' | 'vendor' | { readonly role: RoleName };

/** The Rentvine writes a workflow makes, each once per step (the idempotency key is workflow + step). */
export type RentvineAction = 'create_work_order' | 'assign_vendor' | 'reopen_work_order';

export type StateDefinition = { readonly title: string } & (
  | {
      readonly kind: 'automatic';
      readonly branches: readonly { readonly when?: Guard; readonly to: string }[];
    }
  | {
      readonly kind: 'approval';
      readonly department: ApprovalDepartment;
      readonly amount: AmountSource;
      /** The least senior role that decides this kind of matter, whatever the amount. */
      readonly minimumRole?: RoleName;
      /** Maintenance spending on the owner's property: the owner's threshold applies. */
      readonly ownersMoney?: boolean;
      readonly onApprove: string;
      readonly onReject: string;
    }
  | {
      readonly kind: 'human_task';
      /** Who does it first: a role, or the role triage routed the message to. */
      readonly role: RoleName | 'routed';
      readonly department: ApprovalDepartment;
      /** The outcomes a person may report, and where each leads. */
      readonly outcomes: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'wait_until';
      readonly length: WaitLength;
      readonly on: Readonly<Partial<Record<Signal, string>>>;
      readonly onTimeout: string;
    }
  | {
      readonly kind: 'rentvine_action';
      readonly action: RentvineAction;
      readonly onDone: string;
      readonly onFailed: string;
    }
  | { readonly kind: 'message'; readonly to: Party; readonly template: string; readonly next: string }
  | { readonly kind: 'vendor_offer'; readonly onAccepted: string; readonly onExhausted: string }
  | { readonly kind: 'final'; readonly status: Exclude<WorkflowStatus, 'open'> }
);

export interface WorkflowDefinition {
  readonly type: WorkflowType;
  readonly title: string;
  /** The department that owns the matter (its chain escalates the matter's human tasks). */
  readonly department: ApprovalDepartment;
  readonly initial: string;
  readonly states: Readonly<Record<string, StateDefinition>>;
  /**
   * Signals that move the workflow whatever step it waits on (Rentvine completing a work order
   * the office closed by hand, a balance paid), once `after` is known where given.
   */
  readonly signals?: Readonly<Partial<Record<Signal, { readonly to: string; readonly once?: 'work_order' }>>>;
}

/** Step kinds that wait for someone or something (the rest run at once). */
export const WAITING_KINDS: ReadonlySet<StepKind> = new Set([
  'approval',
  'human_task',
  'wait_until',
  'rentvine_action',
  'vendor_offer',
]);

/** The states a state may lead to. */
export function targetsOf(state: StateDefinition): readonly string[] {
  switch (state.kind) {
    case 'automatic':
      return state.branches.map((b) => b.to);
    case 'approval':
      return [state.onApprove, state.onReject];
    case 'human_task':
      return Object.values(state.outcomes);
    case 'wait_until':
      return [...Object.values(state.on).filter((to): to is string => to !== undefined), state.onTimeout];
    case 'rentvine_action':
      return [state.onDone, state.onFailed];
    case 'message':
      return [state.next];
    case 'vendor_offer':
      return [state.onAccepted, state.onExhausted];
    case 'final':
      return [];
  }
}

/** The problems of a definition; empty when it is sound. */
export function definitionProblems(definition: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const names = Object.keys(definition.states);
  if (!definition.states[definition.initial])
    problems.push(`initial state ${definition.initial} is not defined`);
  for (const [name, state] of Object.entries(definition.states)) {
    for (const target of targetsOf(state))
      if (!definition.states[target]) problems.push(`${name} leads to ${target}, which is not defined`);
    if (state.kind === 'automatic' && state.branches.at(-1)?.when !== undefined)
      problems.push(`${name}: an automatic step's last branch must have no condition`);
    if (
      state.kind === 'approval' &&
      state.minimumRole &&
      !policyChains[state.department].includes(state.minimumRole)
    )
      problems.push(`${name}: minimum role ${state.minimumRole} is not in the ${state.department} chain`);
    if (state.kind === 'human_task' && Object.keys(state.outcomes).length === 0)
      problems.push(`${name}: a human task needs at least one outcome`);
  }
  const global = Object.values(definition.signals ?? {}).map((s) => s?.to ?? '');
  for (const target of global)
    if (!definition.states[target]) problems.push(`a signal leads to ${target}, which is not defined`);
  const reachable = reach(definition, [definition.initial, ...global], (state) => targetsOf(state));
  for (const name of names) if (!reachable.has(name)) problems.push(`${name} is unreachable`);
  const finals = names.filter((n) => definition.states[n]?.kind === 'final');
  for (const name of names) {
    const ends = reach(definition, [name], (state) => targetsOf(state));
    if (!finals.some((f) => ends.has(f))) problems.push(`${name} can never reach a final state`);
  }
  if (automaticCycle(definition)) problems.push('automatic steps form a loop that would never wait');
  return problems;
}

/** Checks a definition, throwing with every problem: definitions are checked when their module loads. */
export function validateDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  const problems = definitionProblems(definition);
  if (problems.length > 0)
    throw new Error(`workflow definition ${definition.type} is invalid: ${problems.join('; ')}`);
  return definition;
}

function reach(
  definition: WorkflowDefinition,
  from: readonly string[],
  next: (state: StateDefinition) => readonly string[],
): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const state = definition.states[name];
    if (state) stack.push(...next(state));
  }
  return seen;
}

/** A loop made only of steps that run at once would spin forever without waiting for anyone. */
function automaticCycle(definition: WorkflowDefinition): boolean {
  const instant = (name: string) => {
    const kind = definition.states[name]?.kind;
    return kind === 'automatic' || kind === 'message';
  };
  for (const start of Object.keys(definition.states).filter(instant)) {
    const seen = new Set<string>();
    const stack = [...targetsOf(definition.states[start] as StateDefinition)];
    while (stack.length > 0) {
      const name = stack.pop() as string;
      if (name === start) return true;
      if (seen.has(name) || !instant(name)) continue;
      seen.add(name);
      stack.push(...targetsOf(definition.states[name] as StateDefinition));
    }
  }
  return false;
}
