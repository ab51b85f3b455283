import type { WorkflowType } from '#vocabulary/workflows.ts';
import { type StateDefinition, validateDefinition, type WorkflowDefinition } from './definition.ts';

/**
 * The workflow definitions, one per type (#vocabulary/workflows.ts), checked at load. Step
 * names are part of each workflow's history and of `GET /v1/workflows/{id}`: renaming one
 * strands the workflows waiting in it, so add states rather than rename them.
 */

const DAY = 24 * 60;

/**
 * The repair loop both maintenance workflows share, from the approved dispatch to the resident's
 * "fixed": the work order created once, vendors offered the job in rank order, the vendor assigned
 * in Rentvine, completion followed by the resident's confirmation ("not fixed" reopens it, same
 * vendor first).
 */
function repairLoop(inProgressDays: number): Record<string, StateDefinition> {
  return {
    create_work_order: {
      title: 'Create the work order in Rentvine',
      kind: 'rentvine_action',
      action: 'create_work_order',
      onDone: 'offer_vendor',
      onFailed: 'create_work_order_by_hand',
    },
    create_work_order_by_hand: {
      title: 'Rentvine refused the work order: create it by hand and report its vendor search',
      kind: 'human_task',
      role: 'maintenance_supervisor',
      department: 'maintenance',
      outcomes: { created: 'offer_vendor', cancelled: 'cancelled' },
    },
    offer_vendor: {
      title: 'Offer the job to vendors in rank order, each until its deadline',
      kind: 'vendor_offer',
      onAccepted: 'assign_vendor',
      onExhausted: 'find_vendor',
    },
    find_vendor: {
      title: 'No ranked vendor took the job: find one, or send in-house staff',
      kind: 'human_task',
      role: 'maintenance_supervisor',
      department: 'maintenance',
      outcomes: { vendor_found: 'assign_vendor', in_house: 'in_progress', cancelled: 'cancelled' },
    },
    assign_vendor: {
      title: 'Assign the vendor on the Rentvine work order (Rentvine notifies them)',
      kind: 'rentvine_action',
      action: 'assign_vendor',
      onDone: 'in_progress',
      onFailed: 'assign_vendor_by_hand',
    },
    assign_vendor_by_hand: {
      title: 'Rentvine refused the assignment: assign the vendor by hand',
      kind: 'human_task',
      role: 'maintenance_supervisor',
      department: 'maintenance',
      outcomes: { assigned: 'in_progress' },
    },
    in_progress: {
      title: 'The vendor schedules and does the work (Rentvine reports it)',
      kind: 'wait_until',
      length: { minutes: inProgressDays * DAY },
      on: { work_order_completed: 'confirm_with_resident', work_order_cancelled: 'cancelled' },
      onTimeout: 'chase_vendor',
    },
    chase_vendor: {
      title: 'The work is taking longer than it should: chase the vendor',
      kind: 'human_task',
      role: 'maintenance_tech_lead',
      department: 'maintenance',
      outcomes: { completed: 'confirm_with_resident', still_working: 'in_progress', cancelled: 'cancelled' },
    },
    confirm_with_resident: {
      title: 'Ask the resident whether it is fixed',
      kind: 'message',
      to: 'resident',
      template: 'repair_confirmation',
      next: 'awaiting_confirmation',
    },
    awaiting_confirmation: {
      title: "The resident's answer (silence counts as fixed)",
      kind: 'wait_until',
      length: { minutes: 3 * DAY },
      on: { resident_fixed: 'completed', resident_not_fixed: 'reopen' },
      onTimeout: 'completed',
    },
    reopen: {
      title: 'Not fixed: reopen the work order, same vendor first',
      kind: 'rentvine_action',
      action: 'reopen_work_order',
      onDone: 'offer_vendor',
      onFailed: 'reopen_by_hand',
    },
    reopen_by_hand: {
      title: 'Rentvine refused to reopen the work order: reopen it by hand',
      kind: 'human_task',
      role: 'maintenance_supervisor',
      department: 'maintenance',
      outcomes: { reopened: 'offer_vendor', cancelled: 'cancelled' },
    },
    completed: { title: 'Done and confirmed', kind: 'final', status: 'completed' },
    cancelled: { title: 'Cancelled', kind: 'final', status: 'cancelled' },
  };
}

/** Rentvine's word on the work order wins wherever the loop is (the office may have closed it by hand). */
const REPAIR_SIGNALS = {
  work_order_completed: { to: 'confirm_with_resident', once: 'work_order' },
  work_order_cancelled: { to: 'cancelled', once: 'work_order' },
} as const;

const maintenanceEmergency: WorkflowDefinition = {
  type: 'maintenance_emergency',
  title: 'Emergency repair',
  department: 'maintenance',
  initial: 'approve_dispatch',
  signals: REPAIR_SIGNALS,
  states: {
    approve_dispatch: {
      title: 'Approve the emergency dispatch (within the emergency cap it goes ahead at 30 minutes)',
      kind: 'approval',
      department: 'maintenance',
      amount: 'estimate',
      ownersMoney: true,
      onApprove: 'create_work_order',
      onReject: 'handle_by_phone',
    },
    handle_by_phone: {
      title: 'Dispatch declined: call the resident and arrange the response yourself',
      kind: 'human_task',
      role: 'maintenance_supervisor',
      department: 'maintenance',
      outcomes: { handled: 'rejected' },
    },
    rejected: { title: 'Dispatch declined', kind: 'final', status: 'rejected' },
    ...repairLoop(2),
  },
};

const maintenanceRoutine: WorkflowDefinition = {
  type: 'maintenance_routine',
  title: 'Repair',
  department: 'maintenance',
  initial: 'start',
  signals: REPAIR_SIGNALS,
  states: {
    start: {
      title: 'Troubleshooting first, when the approved reply offered it',
      kind: 'automatic',
      branches: [
        { when: { is: 'troubleshooting_offered' }, to: 'troubleshooting' },
        { to: 'approve_dispatch' },
      ],
    },
    troubleshooting: {
      title: "The resident tries the reply's troubleshooting steps",
      kind: 'wait_until',
      length: { minutes: DAY },
      on: { resident_fixed: 'resolved_by_resident', resident_not_fixed: 'approve_dispatch' },
      onTimeout: 'approve_dispatch',
    },
    resolved_by_resident: { title: 'Fixed by the resident, no dispatch', kind: 'final', status: 'completed' },
    approve_dispatch: {
      title: 'Approve the dispatch',
      kind: 'approval',
      department: 'maintenance',
      amount: 'estimate',
      ownersMoney: true,
      onApprove: 'create_work_order',
      onReject: 'tell_resident_declined',
    },
    tell_resident_declined: {
      title: 'Tell the resident the request was declined',
      kind: 'message',
      to: 'resident',
      template: 'repair_declined',
      next: 'rejected',
    },
    rejected: { title: 'Declined', kind: 'final', status: 'rejected' },
    ...repairLoop(7),
  },
};

const vendorInvoice: WorkflowDefinition = {
  type: 'vendor_invoice',
  title: 'Vendor invoice',
  department: 'accounting',
  initial: 'check_estimate',
  states: {
    check_estimate: {
      title: 'Within the approved estimate it is already approved',
      kind: 'automatic',
      branches: [
        { when: { is: 'invoice_within_estimate' }, to: 'record_for_payment' },
        { to: 'approve_invoice' },
      ],
    },
    approve_invoice: {
      title: 'Approve the invoice above the approved estimate',
      kind: 'approval',
      department: 'accounting',
      amount: 'invoice',
      onApprove: 'record_for_payment',
      onReject: 'dispute',
    },
    dispute: {
      title: 'Dispute the invoice with the vendor',
      kind: 'human_task',
      role: 'accountant',
      department: 'accounting',
      outcomes: { resolved: 'record_for_payment', withdrawn: 'cancelled' },
    },
    record_for_payment: {
      title: 'Tell accounting the invoice may be paid',
      kind: 'message',
      to: { role: 'accountant' },
      template: 'invoice_approved',
      next: 'approved',
    },
    approved: { title: 'Approved for payment', kind: 'final', status: 'completed' },
    cancelled: { title: 'Withdrawn', kind: 'final', status: 'cancelled' },
  },
};

const leaseRenewal: WorkflowDefinition = {
  type: 'lease_renewal',
  title: 'Lease renewal',
  department: 'leasing',
  initial: 'prepare_offer',
  states: {
    prepare_offer: {
      title: 'Prepare the renewal offer (rent, term, any concession)',
      kind: 'human_task',
      role: 'leasing_agent',
      department: 'leasing',
      outcomes: { prepared: 'approve_offer', not_offering: 'approve_non_renewal' },
    },
    approve_offer: {
      title: 'Approve the renewal offer',
      kind: 'approval',
      department: 'leasing',
      amount: 'concession',
      minimumRole: 'leasing_manager',
      onApprove: 'send_offer',
      onReject: 'prepare_offer',
    },
    send_offer: {
      title: 'Send the resident the approved offer',
      kind: 'message',
      to: 'resident',
      template: 'renewal_offer',
      next: 'await_answer',
    },
    await_answer: {
      title: "The resident's answer",
      kind: 'wait_until',
      length: { minutes: 30 * DAY },
      on: { renewal_accepted: 'record_renewal', renewal_declined: 'not_renewed' },
      onTimeout: 'follow_up',
    },
    follow_up: {
      title: 'No answer to the offer: follow up',
      kind: 'human_task',
      role: 'leasing_agent',
      department: 'leasing',
      outcomes: { accepted: 'record_renewal', declined: 'not_renewed' },
    },
    record_renewal: {
      title: 'Record the signed renewal in Rentvine',
      kind: 'human_task',
      role: 'leasing_coordinator',
      department: 'leasing',
      outcomes: { recorded: 'renewed' },
    },
    approve_non_renewal: {
      title: 'Approve not offering a renewal (a notice with legal effect)',
      kind: 'approval',
      department: 'management',
      amount: 'none',
      minimumRole: 'property_manager',
      onApprove: 'send_non_renewal',
      onReject: 'prepare_offer',
    },
    send_non_renewal: {
      title: 'Send the non-renewal notice',
      kind: 'message',
      to: 'resident',
      template: 'non_renewal_notice',
      next: 'not_renewed',
    },
    renewed: { title: 'Renewed', kind: 'final', status: 'completed' },
    not_renewed: { title: 'Not renewed', kind: 'final', status: 'completed' },
  },
};

const moveOut: WorkflowDefinition = {
  type: 'move_out',
  title: 'Move-out and deposit disposition',
  department: 'management',
  initial: 'schedule_inspection',
  states: {
    schedule_inspection: {
      title: 'Schedule the move-out inspection',
      kind: 'human_task',
      role: 'assistant_manager',
      department: 'management',
      outcomes: { scheduled: 'inspect' },
    },
    inspect: {
      title: 'Inspect the unit and list the deductions with their evidence',
      kind: 'human_task',
      role: 'maintenance_tech',
      department: 'maintenance',
      outcomes: { inspected: 'approve_disposition' },
    },
    approve_disposition: {
      title: "Approve the deposit disposition before the state's deadline",
      kind: 'approval',
      department: 'management',
      amount: 'deductions',
      onApprove: 'send_disposition',
      onReject: 'inspect',
    },
    send_disposition: {
      title: 'Send the itemised disposition to the former resident',
      kind: 'message',
      to: 'resident',
      template: 'deposit_disposition',
      next: 'disposed',
    },
    disposed: { title: 'Deposit disposed of', kind: 'final', status: 'completed' },
  },
};

const delinquency: WorkflowDefinition = {
  type: 'delinquency',
  title: 'Late rent',
  department: 'accounting',
  initial: 'assess',
  signals: { balance_paid: { to: 'paid' } },
  states: {
    assess: {
      title: 'Where the balance stands, by days late',
      kind: 'automatic',
      branches: [
        { when: { is: 'days_late_at_least', days: 15 }, to: 'approve_notice' },
        { when: { is: 'days_late_at_least', days: 10 }, to: 'offer_plan' },
        { to: 'remind' },
      ],
    },
    remind: {
      title: 'Remind the resident',
      kind: 'message',
      to: 'resident',
      template: 'rent_reminder',
      next: 'wait_for_payment',
    },
    wait_for_payment: {
      title: 'Paid, or 10 days late',
      kind: 'wait_until',
      length: { untilDaysLate: 10 },
      on: { balance_paid: 'paid', plan_agreed: 'on_plan' },
      onTimeout: 'offer_plan',
    },
    offer_plan: {
      title: 'Offer a payment plan',
      kind: 'message',
      to: 'resident',
      template: 'payment_plan_offer',
      next: 'wait_for_plan',
    },
    wait_for_plan: {
      title: 'Paid, a plan agreed, or 15 days late',
      kind: 'wait_until',
      length: { untilDaysLate: 15 },
      on: { balance_paid: 'paid', plan_agreed: 'on_plan' },
      onTimeout: 'approve_notice',
    },
    on_plan: {
      title: 'On a payment plan',
      kind: 'wait_until',
      length: { minutes: 30 * DAY },
      on: { balance_paid: 'paid' },
      onTimeout: 'approve_notice',
    },
    approve_notice: {
      title: 'Approve serving the notice to pay',
      kind: 'approval',
      department: 'management',
      amount: 'none',
      minimumRole: 'property_manager',
      onApprove: 'serve_notice',
      onReject: 'held',
    },
    serve_notice: {
      title: 'Serve the notice to pay',
      kind: 'message',
      to: 'resident',
      template: 'notice_to_pay',
      next: 'after_notice',
    },
    after_notice: {
      title: "Paid within the notice's period",
      kind: 'wait_until',
      length: { minutes: 5 * DAY },
      on: { balance_paid: 'paid', plan_agreed: 'on_plan' },
      onTimeout: 'refer',
    },
    refer: {
      title: 'Unpaid after notice: decide whether to refer to the attorney',
      kind: 'human_task',
      role: 'property_manager',
      department: 'management',
      outcomes: { referred: 'referred', paid: 'paid' },
    },
    held: { title: 'Notice not approved: collection held', kind: 'final', status: 'cancelled' },
    referred: { title: 'Referred to the attorney', kind: 'final', status: 'completed' },
    paid: { title: 'Paid', kind: 'final', status: 'completed' },
  },
};

const accommodationRequest: WorkflowDefinition = {
  type: 'accommodation_request',
  title: 'Reasonable accommodation request',
  department: 'management',
  initial: 'review',
  states: {
    review: {
      title: 'Review the request (never ask for a diagnosis)',
      kind: 'human_task',
      role: 'assistant_manager',
      department: 'management',
      outcomes: { ready: 'decide' },
    },
    decide: {
      title: 'Decide the request',
      kind: 'approval',
      department: 'management',
      amount: 'none',
      minimumRole: 'property_manager',
      onApprove: 'inform_resident',
      onReject: 'interactive_process',
    },
    interactive_process: {
      title: 'Before any denial: discuss alternatives with the resident',
      kind: 'human_task',
      role: 'property_manager',
      department: 'management',
      outcomes: { alternative_agreed: 'inform_resident', denied: 'inform_resident_denied' },
    },
    inform_resident: {
      title: 'Write to the resident with the decision',
      kind: 'human_task',
      role: 'assistant_manager',
      department: 'management',
      outcomes: { sent: 'granted' },
    },
    inform_resident_denied: {
      title: 'Write to the resident with the denial and its reasons',
      kind: 'human_task',
      role: 'property_manager',
      department: 'management',
      outcomes: { sent: 'denied' },
    },
    granted: { title: 'Granted', kind: 'final', status: 'completed' },
    denied: { title: 'Denied after the interactive process', kind: 'final', status: 'rejected' },
  },
};

const applicationReview: WorkflowDefinition = {
  type: 'application_review',
  title: 'Rental application',
  department: 'leasing',
  initial: 'screen',
  states: {
    screen: {
      title: 'Screen the application against the written criteria',
      kind: 'human_task',
      role: 'leasing_agent',
      department: 'leasing',
      outcomes: { screened: 'decide' },
    },
    decide: {
      title: 'Decide the application',
      kind: 'approval',
      department: 'leasing',
      amount: 'none',
      minimumRole: 'leasing_manager',
      onApprove: 'inform_applicant',
      onReject: 'adverse_action',
    },
    inform_applicant: {
      title: 'Tell the applicant and send the lease',
      kind: 'human_task',
      role: 'leasing_agent',
      department: 'leasing',
      outcomes: { sent: 'approved' },
    },
    adverse_action: {
      title: 'Send the adverse action notice',
      kind: 'human_task',
      role: 'leasing_manager',
      department: 'leasing',
      outcomes: { sent: 'denied' },
    },
    approved: { title: 'Approved', kind: 'final', status: 'completed' },
    denied: { title: 'Denied', kind: 'final', status: 'rejected' },
  },
};

const triage: WorkflowDefinition = {
  type: 'triage',
  title: 'Review by a person',
  department: 'management',
  initial: 'review',
  states: {
    review: {
      title: 'Read the message and handle it',
      kind: 'human_task',
      role: 'routed',
      department: 'management',
      outcomes: { handled: 'handled', no_action: 'closed' },
    },
    handled: { title: 'Handled', kind: 'final', status: 'completed' },
    closed: { title: 'Closed without action', kind: 'final', status: 'cancelled' },
  },
};

export const WORKFLOW_DEFINITIONS: Readonly<Record<WorkflowType, WorkflowDefinition>> = {
  maintenance_emergency: validateDefinition(maintenanceEmergency),
  maintenance_routine: validateDefinition(maintenanceRoutine),
  vendor_invoice: validateDefinition(vendorInvoice),
  lease_renewal: validateDefinition(leaseRenewal),
  move_out: validateDefinition(moveOut),
  delinquency: validateDefinition(delinquency),
  accommodation_request: validateDefinition(accommodationRequest),
  application_review: validateDefinition(applicationReview),
  triage: validateDefinition(triage),
};
