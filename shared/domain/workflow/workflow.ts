import type { RoleName } from '#vocabulary/access.ts';
import type { Category, Urgency } from '#vocabulary/classification.ts';
import type { ApprovalDecision, StepKind, WorkflowStatus, WorkflowType } from '#vocabulary/workflows.ts';
import type { OwnerInvolvement } from './approval-policy.ts';
import type { Party, RentvineAction, Signal } from './definition.ts';

/**
 * A workflow: one aggregate, one stored item with a version. Only `transition` (transition.ts)
 * changes one; the store writes its result on the version it read, so two writers racing cannot
 * both advance it, and `appliedInputs` makes a redelivered input a no-op.
 */

/** Who did something to a workflow. */
export type Actor =
  /** The platform itself: triage, the sync, the sweeper, Rentvine's events. */
  | { readonly kind: 'system'; readonly name: string }
  /** A person, through their API key: `personId` is the key's agent id, or the key id. */
  | { readonly kind: 'person'; readonly personId: string; readonly keyId: string; readonly role?: RoleName }
  /** A vendor or an owner answering through their signed link. */
  | { readonly kind: 'vendor'; readonly vendorId: string }
  | { readonly kind: 'owner' }
  /** A rule of the approval policy deciding in a person's place (an emergency that waited 30 minutes). */
  | { readonly kind: 'policy'; readonly rule: string };

/** Who holds a waiting step: a role of the company, or the property's owner. */
export type Holder = RoleName | 'owner';

/** What is known about the matter, from what started it and from people's answers since. */
export interface WorkflowFacts {
  readonly category?: Category;
  readonly summary?: string;
  readonly propertyId?: string;
  readonly unitId?: string;
  readonly leaseId?: string;
  /** The role triage routed the message to (a `triage` review goes to it). */
  readonly routeTo?: RoleName;
  readonly estimateUsd?: number;
  /** The amount approved (the estimate, or the cap an emergency went ahead under). */
  readonly approvedUsd?: number;
  readonly invoiceUsd?: number;
  /** Every invoice recorded on a repair, summed: what the approved amount must cover. */
  readonly invoicedUsd?: number;
  /** The invoices already recorded (an invoice is counted once, however often it is posted). */
  readonly invoiceIds?: readonly string[];
  readonly deductionsUsd?: number;
  readonly concessionUsd?: number;
  /** A repair the law requires whatever the owner says. */
  readonly habitability?: boolean;
  readonly propertyUnits?: number;
  readonly ownerThresholdUsd?: number;
  /** The repair's trade (the triage's issue type): which vendors are ranked for it. */
  readonly trade?: string;
  /** Vendors to offer the job to, best first (the org's ranking for the trade and property). */
  readonly vendorCandidates?: readonly string[];
  readonly vendorId?: string;
  /** When the vendor proposed to come. */
  readonly scheduledFor?: string;
  readonly workOrderId?: string;
  /** The approved reply gave the resident troubleshooting steps to try first. */
  readonly troubleshootingOffered?: boolean;
  /** When the unpaid rent was due (days late count from here). */
  readonly lateSince?: string;
  readonly pastDueUsd?: number;
  /** A legal deadline no waiting step may pass (the state's deposit-disposition deadline). */
  readonly deadlineAt?: string;
  readonly parentWorkflowId?: string;
  /** Who entered the amount an approval is about (an estimate, deductions, a concession): never its approver. */
  readonly amountEnteredBy?: string;
}

/** The vendor offer a `vendor_offer` step is waiting on. */
export interface VendorOffer {
  readonly offerId: string;
  readonly vendorId: string;
  readonly expiresAt: string;
}

/** The step the workflow's current state is waiting on. */
export interface WaitingStep {
  /** `<state>.<n>`: the n-th time the workflow entered that state; unique within the workflow. */
  readonly stepId: string;
  readonly state: string;
  readonly kind: StepKind;
  readonly enteredAt: string;
  /** When the sweeper next looks at it: escalation, a timer, an offer's deadline. */
  readonly dueAt?: string;
  /** When the step breaches its SLA (an emergency's 30 minutes in total). */
  readonly slaDueAt?: string;
  readonly holder?: Holder;
  /** The role that held it first: escalation adds deciders above it, it never takes the step from it. */
  readonly approver?: RoleName;
  /** The chain escalation moves up, lowest first. */
  readonly chain?: readonly RoleName[];
  readonly amountUsd?: number;
  readonly owner?: OwnerInvolvement;
  /** `owner` once the company approved and the owner's agreement is awaited (or, past its deadline, a manager's). */
  readonly stage?: 'company' | 'owner';
  /** The people who decided a level of this step (one person, one decision per step). */
  readonly decidedBy?: readonly string[];
  readonly escalations?: number;
  readonly breached?: boolean;
  readonly offer?: VendorOffer;
  /** Vendors already offered this job in this step. */
  readonly offered?: readonly string[];
  /** The Rentvine write the step waits on. */
  readonly effectId?: string;
}

/** Something the platform must do outside the aggregate; each is done once, by its id. */
export type WorkflowEffect = { readonly effectId: string; readonly stepId: string } & (
  | { readonly kind: 'notify'; readonly to: Party | { readonly role: RoleName }; readonly template: string }
  | { readonly kind: 'escalated'; readonly from: Holder; readonly to: Holder; readonly breached: boolean }
  | {
      readonly kind: 'rentvine';
      readonly action: RentvineAction;
      /** The caller's key of the write: workflow id + step. */
      readonly idempotencyKey: string;
      /** Only an approved dispatch lets Rentvine notify the vendor. */
      readonly dispatchApproved: boolean;
    }
  | {
      readonly kind: 'offer_vendor';
      readonly offerId: string;
      readonly vendorId: string;
      readonly expiresAt: string;
    }
  | { readonly kind: 'ask_owner'; readonly amountUsd: number; readonly expiresAt: string }
  | { readonly kind: 'start_workflow'; readonly type: WorkflowType; readonly facts: WorkflowFacts }
);

/** One line of a workflow's history: every transition writes one. */
export interface HistoryEntry {
  readonly at: string;
  readonly actor: Actor;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  /** The input that caused it, without free text beyond the person's comment. */
  readonly input?: Readonly<Record<string, unknown>>;
}

/** What started the workflow. */
export type WorkflowSource =
  | { readonly kind: 'email'; readonly emailId: string }
  | { readonly kind: 'event'; readonly eventId: string }
  | { readonly kind: 'manual' }
  | { readonly kind: 'workflow'; readonly workflowId: string }
  | { readonly kind: 'sync'; readonly key: string };

/** Service-level times, for the org's figures. */
export interface WorkflowTimes {
  readonly firstResponseAt?: string;
  readonly vendorAcceptedAt?: string;
  readonly completedAt?: string;
  readonly reopened: number;
  readonly slaBreaches: number;
}

export interface Workflow {
  readonly orgId: string;
  readonly workflowId: string;
  readonly type: WorkflowType;
  readonly status: WorkflowStatus;
  readonly state: string;
  readonly urgency: Urgency;
  readonly version: number;
  readonly source: WorkflowSource;
  readonly requestedBy: Actor;
  readonly facts: WorkflowFacts;
  readonly waiting?: WaitingStep;
  /** Effects recorded by a transition and not yet done (the workflow owes itself a run). */
  readonly pendingEffects: readonly WorkflowEffect[];
  readonly history: readonly HistoryEntry[];
  /** Ids of the inputs already applied, newest last (bounded): a redelivery is a no-op. */
  readonly appliedInputs: readonly string[];
  /** How many times each state was entered (step ids count from here). */
  readonly visits: Readonly<Record<string, number>>;
  readonly times: WorkflowTimes;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What can happen to a workflow. Each arrives with an id, so applying it twice changes nothing. */
export type WorkflowInput =
  | {
      readonly kind: 'decide';
      readonly stepId: string;
      readonly decision: ApprovalDecision;
      readonly comment?: string;
    }
  | {
      readonly kind: 'complete_task';
      readonly stepId: string;
      readonly outcome: string;
      readonly comment?: string;
      readonly facts?: Pick<WorkflowFacts, 'vendorId' | 'estimateUsd' | 'deductionsUsd' | 'concessionUsd'>;
    }
  /** `scheduledFor`: with `work_order_scheduled`, the date Rentvine booked the work for. */
  | { readonly kind: 'signal'; readonly signal: Signal; readonly scheduledFor?: string }
  /** Time passed: the sweeper looks at a step that is due. */
  | { readonly kind: 'tick' }
  /** Effects the runner did; a Rentvine write reports the work order it wrote. */
  | { readonly kind: 'effects_done'; readonly effectIds: readonly string[]; readonly workOrderId?: string }
  | { readonly kind: 'effect_failed'; readonly effectId: string; readonly reason: string }
  | {
      readonly kind: 'vendor_reply';
      readonly offerId: string;
      readonly decision: 'accept' | 'decline';
      readonly proposedTime?: string;
    }
  | { readonly kind: 'invoice'; readonly invoiceId: string; readonly amountUsd: number }
  | { readonly kind: 'balance'; readonly pastDueUsd: number; readonly daysLate: number };

export interface IdentifiedInput {
  /** The message, request or event the input came from: applying an id twice is a no-op. */
  readonly inputId: string;
  readonly input: WorkflowInput;
}

/** How many applied input ids a workflow keeps: far more than can be redelivered at once. */
export const APPLIED_INPUTS_KEPT = 200;
