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
