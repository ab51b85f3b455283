import type { Category, Urgency } from '#vocabulary/classification.ts';
import { EMERGENCY_HAZARDS, type SafetyFlag } from '#vocabulary/triage.ts';
import type { WorkflowType } from '#vocabulary/workflows.ts';
import type { Triage } from '../triage/triage.ts';
import type { NewWorkflow } from './transition.ts';
import type { WorkflowFacts } from './workflow.ts';

/** Which workflow a triaged message's category starts; spam starts none. */
const WORKFLOW_FOR_CATEGORY: Record<Category, WorkflowType | undefined> = {
  maintenance_emergency: 'maintenance_emergency',
  maintenance_request: 'maintenance_routine',
  lease_renewal: 'lease_renewal',
  lease_termination: 'move_out',
  accommodation_request: 'accommodation_request',
  // Late rent is chased from synced balances (delinquency), not from what a resident writes;
  // a message about rent, an invoice without its amount or an inquiry goes to a person.
  rent_payment: 'triage',
  payment_arrangement: 'triage',
  move_in: 'triage',
  leasing_inquiry: 'triage',
  complaint: 'triage',
  owner_inquiry: 'triage',
  vendor_billing: 'triage',
  legal_notice: 'triage',
  general_inquiry: 'triage',
  spam: undefined,
};

export function workflowTypeForCategory(category: Category): WorkflowType | undefined {
  return WORKFLOW_FOR_CATEGORY[category];
}

/**
 * Repairs the law requires whatever the owner says: every emergency hazard but a person trapped
 * (a rescue, not a repair), and mold.
 */
const HABITABILITY: ReadonlySet<SafetyFlag> = new Set<SafetyFlag>([
  ...EMERGENCY_HAZARDS.filter((hazard) => hazard !== 'trapped'),
  'mold',
]);

export function isHabitability(flags: readonly SafetyFlag[]): boolean {
  return flags.some((flag) => HABITABILITY.has(flag));
}

/** What an emergency work order event stores for its workflow (see shared/domain/rentvine/triggers.ts). */
export interface EmergencyWorkOrderTrigger {
  readonly kind: 'emergency_work_order';
  readonly workOrderId: string;
  readonly reasons: readonly string[];
}

/**
 * A work order a workflow may be following closed or was cancelled in Rentvine (a webhook or the
 * sync said so): the workflow that created or adopted it moves on.
 */
export interface WorkOrderStatusTrigger {
  readonly kind: 'work_order_status';
  readonly workOrderId: string;
  readonly signal: 'work_order_scheduled' | 'work_order_completed' | 'work_order_cancelled';
  /** With `work_order_scheduled`: the date the work is booked for. */
  readonly scheduledFor?: string;
}

/** What a Rentvine change asks of the workflows. */
export type WorkflowTrigger = EmergencyWorkOrderTrigger | WorkOrderStatusTrigger;

/** The subject a work order's workflow is linked by (its events and the sync find it). */
export function workOrderSubject(workOrderId: string): string {
  return `work_order:${workOrderId}`;
}

/** The stored facts a workflow starts from, as read by the workflow stage. */
export type WorkflowCause =
  | {
      readonly source: 'email';
      readonly orgId: string;
      readonly emailId: string;
      readonly triage: Pick<Triage, 'category' | 'urgency' | 'summary' | 'routeTo' | 'maintenance'>;
      readonly propertyId?: string;
      readonly leaseId?: string;
      /** The approved reply gave troubleshooting steps. */
      readonly troubleshootingOffered?: boolean;
    }
  | {
      readonly source: 'event';
      readonly orgId: string;
      readonly eventId: string;
      readonly trigger: WorkflowTrigger;
      readonly propertyId?: string;
      readonly unitId?: string;
    };

/**
 * The natural key a workflow id is derived from: one workflow per email, and one emergency
 * workflow per work order however many events (webhook, sync, replay) report it.
 */
export function workflowSourceKey(cause: WorkflowCause): string {
  return cause.source === 'email'
    ? `email:${cause.emailId}`
    : `work_order:${cause.trigger.workOrderId}:emergency`;
}

/** The workflow a stored cause starts, or undefined when it starts none (spam). */
export function workflowForCause(cause: WorkflowCause, workflowId: string): NewWorkflow | undefined {
  if (cause.source === 'event') {
    // A status change starts nothing: it moves the workflow following the work order.
    if (cause.trigger.kind !== 'emergency_work_order') return undefined;
    const facts: WorkflowFacts = {
      workOrderId: cause.trigger.workOrderId,
      habitability: true,
      summary:
        `Rentvine emergency work order ${cause.trigger.workOrderId}: ${cause.trigger.reasons.join(', ')}`.slice(
          0,
          300,
        ),
      ...(cause.propertyId ? { propertyId: cause.propertyId } : {}),
      ...(cause.unitId ? { unitId: cause.unitId } : {}),
    };
    return {
      orgId: cause.orgId,
      workflowId,
      type: 'maintenance_emergency',
      urgency: 'emergency',
      source: { kind: 'event', eventId: cause.eventId },
      requestedBy: { kind: 'system', name: 'rentvine' },
      facts,
      reason: 'an emergency work order in Rentvine',
    };
  }
  const { triage } = cause;
  const type = workflowTypeForCategory(triage.category);
  if (!type) return undefined;
  const urgency: Urgency = triage.urgency;
  const facts: WorkflowFacts = {
    category: triage.category,
    summary: triage.summary,
    routeTo: triage.routeTo,
    ...(triage.maintenance
      ? { habitability: isHabitability(triage.maintenance.safetyFlags), trade: triage.maintenance.issueType }
      : {}),
    ...(cause.propertyId ? { propertyId: cause.propertyId } : {}),
    ...(cause.leaseId ? { leaseId: cause.leaseId } : {}),
    ...(cause.troubleshootingOffered ? { troubleshootingOffered: true } : {}),
  };
  return {
    orgId: cause.orgId,
    workflowId,
    type,
    urgency,
    source: { kind: 'email', emailId: cause.emailId },
    requestedBy: { kind: 'system', name: 'triage' },
    facts,
    reason: `a message triaged as ${triage.category} (${urgency})`,
  };
}
