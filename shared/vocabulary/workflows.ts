/*
 * The workflow vocabulary: the workflow types (a contract: clients start them by these names),
 * where a workflow stands, the kinds of step a definition is made of and what a person may
 * decide. Plain constants; the domain's definitions (shared/domain/workflow/) are keyed by them.
 */

export const WORKFLOW_TYPES = [
  'maintenance_emergency',
  'maintenance_routine',
  'lease_renewal',
  'move_out',
  'delinquency',
  'vendor_invoice',
  'accommodation_request',
  'application_review',
  'triage',
] as const;
export type WorkflowType = (typeof WORKFLOW_TYPES)[number];

/** `open` until a final state: completed, cancelled (the matter went away) or rejected (a person said no). */
export const WORKFLOW_STATUSES = ['open', 'completed', 'cancelled', 'rejected'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/**
 * What a state of a definition does: runs at once (automatic, a Rentvine action, a message to a
 * person) or waits (an approval, a human task, a timer or a reply, an offer to a vendor).
 */
export const STEP_KINDS = [
  'automatic',
  'approval',
  'human_task',
  'wait_until',
  'rentvine_action',
  'message',
  'vendor_offer',
  'final',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const APPROVAL_DECISIONS = ['approve', 'reject'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** Workflow ids: `wf_` and 32 lower-case hex digits (derived from what started it, or random). */
export const WORKFLOW_ID = /^wf_[0-9a-z]{20,40}$/;

/**
 * What can end a wait besides its timer, as staff record it (`POST /v1/workflows/{id}/signals`):
 * a resident's answer, a Rentvine change, a synced balance. The engine's definitions are keyed by it.
 */
export const WORKFLOW_SIGNALS = [
  'resident_fixed',
  'resident_not_fixed',
  'work_order_scheduled',
  'work_order_completed',
  'work_order_cancelled',
  'balance_paid',
  'plan_agreed',
  'renewal_accepted',
  'renewal_declined',
] as const;
export type WorkflowSignal = (typeof WORKFLOW_SIGNALS)[number];

/** A step id as a workflow writes it: `<state>.<n>`, the n-th time it entered that state. */
export const STEP_ID = /^[a-z][a-z0-9_]{0,63}\.\d{1,6}$/;

/** Who acted on a workflow: the platform, a person through their key, a vendor or owner through a link, a policy rule. */
export const WORKFLOW_ACTOR_KINDS = ['system', 'person', 'vendor', 'owner', 'policy'] as const;
export type WorkflowActorKind = (typeof WORKFLOW_ACTOR_KINDS)[number];

/** What started a workflow. */
export const WORKFLOW_SOURCE_KINDS = ['email', 'event', 'manual', 'workflow', 'sync'] as const;
export type WorkflowSourceKind = (typeof WORKFLOW_SOURCE_KINDS)[number];

/**
 * The owner's part in an approval: `required` (the owner must agree), `notify` (the work goes
 * ahead and the owner is told) or `none`.
 */
export const OWNER_INVOLVEMENTS = ['required', 'notify', 'none'] as const;
export type OwnerInvolvementName = (typeof OWNER_INVOLVEMENTS)[number];

/** What a signed response link answers: one vendor offer, or one owner approval. */
export const RESPONSE_LINK_PURPOSES = ['vendor_offer', 'owner_approval'] as const;
export type ResponseLinkPurposeName = (typeof RESPONSE_LINK_PURPOSES)[number];

/** A vendor's answer to a job offer. */
export const VENDOR_OFFER_DECISIONS = ['accept', 'decline'] as const;
