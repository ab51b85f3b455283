import { z } from 'zod';
import type { WorkflowState } from '#vocabulary/workflows.ts';
import type { Category, Urgency } from '../classification/taxonomy.ts';

export const WORKFLOW_TYPES = [
  'maintenance',
  'emergency_maintenance',
  'collections',
  'renewal',
  'move_out',
  'move_in',
  'leasing',
  'complaint',
  'owner_relations',
  'vendor_billing',
  'legal',
  'accommodation',
  'general',
] as const;
export type WorkflowType = (typeof WORKFLOW_TYPES)[number];

/** Which workflow an email's category starts; spam starts none. */
const WORKFLOW_FOR_CATEGORY: Record<Category, WorkflowType | undefined> = {
  maintenance_request: 'maintenance',
  maintenance_emergency: 'emergency_maintenance',
  rent_payment: 'collections',
  payment_arrangement: 'collections',
  lease_renewal: 'renewal',
  lease_termination: 'move_out',
  move_in: 'move_in',
  leasing_inquiry: 'leasing',
  complaint: 'complaint',
  owner_inquiry: 'owner_relations',
  vendor_billing: 'vendor_billing',
  legal_notice: 'legal',
  accommodation_request: 'accommodation',
  general_inquiry: 'general',
  spam: undefined,
};

export function workflowTypeForCategory(category: Category): WorkflowType | undefined {
  return WORKFLOW_FOR_CATEGORY[category];
}

/**
 * The message on the workflow queue: a pointer to the stored email or event, never a verdict.
 * The workflow reads what is stored (the classification that won, the event's trigger), so a
 * message from a run that lost a race cannot start the wrong workflow.
 */
export const WorkflowStart = z.discriminatedUnion('source', [
  z.object({ source: z.literal('email'), orgId: z.string().min(1), emailId: z.string().min(1) }),
  z.object({ source: z.literal('event'), orgId: z.string().min(1), eventId: z.string().min(1) }),
]);
export type WorkflowStart = z.infer<typeof WorkflowStart>;

/** What an emergency work order event stores for its workflow (see shared/domain/rentvine/triggers.ts). */
export interface EmergencyWorkOrderTrigger {
  readonly kind: 'emergency_work_order';
  readonly workOrderId: string;
  readonly reasons: readonly string[];
}

/** The stored facts a workflow starts from, as read by the workflow stage. */
export type WorkflowCause =
  | {
      readonly source: 'email';
      readonly orgId: string;
      readonly emailId: string;
      readonly category: Category;
      readonly urgency: Urgency;
    }
  | {
      readonly source: 'event';
      readonly orgId: string;
      readonly eventId: string;
      readonly trigger: EmergencyWorkOrderTrigger;
    };

export interface WorkflowRecord {
  readonly orgId: string;
  readonly workflowId: string;
  readonly type: WorkflowType;
  readonly state: WorkflowState;
  readonly urgency: Urgency;
  readonly source:
    | { readonly kind: 'email'; readonly emailId: string }
    | { readonly kind: 'event'; readonly eventId: string; readonly workOrderId: string };
  readonly createdAt: string;
}

/**
 * A workflow record for its stored cause. Its id is derived from what started it, so a message
 * delivered twice finds the record already there instead of creating a second one.
 */
export function workflowFor(cause: WorkflowCause, workflowId: string, now: Date): WorkflowRecord | undefined {
  if (cause.source === 'email') {
    const type = workflowTypeForCategory(cause.category);
    if (!type) return undefined;
    return {
      orgId: cause.orgId,
      workflowId,
      type,
      state: 'triage',
      urgency: cause.urgency,
      source: { kind: 'email', emailId: cause.emailId },
      createdAt: now.toISOString(),
    };
  }
  return {
    orgId: cause.orgId,
    workflowId,
    type: 'emergency_maintenance',
    state: 'triage',
    urgency: 'emergency',
    source: { kind: 'event', eventId: cause.eventId, workOrderId: cause.trigger.workOrderId },
    createdAt: now.toISOString(),
  };
}

/**
 * The natural key a workflow id is derived from: one workflow per email, and one emergency
 * workflow per work order however many events (webhook, sync, replay) report it.
 */
export function workflowSourceKey(cause: WorkflowCause): string {
  return cause.source === 'email'
    ? `email:${cause.emailId}`
    : `work_order:${cause.trigger.workOrderId}:emergency`;
}
