import { z } from 'zod';
import { Category, Urgency } from '../classification/taxonomy.ts';

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

/** The message on the workflow queue: what started the work, and enough to decide its type. */
export const WorkflowStart = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('email'),
    orgId: z.string().min(1),
    emailId: z.string().min(1),
    category: Category,
    urgency: Urgency,
  }),
  z.object({
    source: z.literal('event'),
    orgId: z.string().min(1),
    eventId: z.string().min(1),
    trigger: z.literal('emergency_work_order'),
    workOrderId: z.string().min(1),
    reasons: z.array(z.string()).max(20),
  }),
]);
export type WorkflowStart = z.infer<typeof WorkflowStart>;

export interface WorkflowRecord {
  readonly orgId: string;
  readonly workflowId: string;
  readonly type: WorkflowType;
  readonly state: 'triage';
  readonly urgency: Urgency;
  readonly source:
    | { readonly kind: 'email'; readonly emailId: string }
    | { readonly kind: 'event'; readonly eventId: string; readonly workOrderId: string };
  readonly createdAt: string;
}

/**
 * A workflow record for a start message. Its id is derived from what started it, so a message
 * delivered twice finds the record already there instead of creating a second one.
 */
export function workflowFor(start: WorkflowStart, workflowId: string, now: Date): WorkflowRecord | undefined {
  if (start.source === 'email') {
    const type = workflowTypeForCategory(start.category);
    if (!type) return undefined;
    return {
      orgId: start.orgId,
      workflowId,
      type,
      state: 'triage',
      urgency: start.urgency,
      source: { kind: 'email', emailId: start.emailId },
      createdAt: now.toISOString(),
    };
  }
  return {
    orgId: start.orgId,
    workflowId,
    type: 'emergency_maintenance',
    state: 'triage',
    urgency: 'emergency',
    source: { kind: 'event', eventId: start.eventId, workOrderId: start.workOrderId },
    createdAt: now.toISOString(),
  };
}

/**
 * The natural key a workflow id is derived from: one workflow per email, and one emergency
 * workflow per work order however many events (webhook, sync, replay) report it.
 */
export function workflowSourceKey(start: WorkflowStart): string {
  return start.source === 'email' ? `email:${start.emailId}` : `work_order:${start.workOrderId}:emergency`;
}
