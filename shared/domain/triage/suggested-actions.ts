import type { Category } from '#vocabulary/classification.ts';
import type { IssueType, SuggestedAction } from '#vocabulary/triage.ts';
import { cues } from '../classification/cue.ts';
import { anyFound } from './phrases.ts';
import type { MaintenanceDetails } from './triage.ts';

/**
 * What a person should do next, from the category and the situation the message describes.
 * Suggestions only: nothing here acts. The policy (triage-policy.ts) narrows them further for
 * messages only a manager may answer.
 */

export const EMERGENCY_ACTIONS: readonly SuggestedAction[] = [
  'send_safety_instructions',
  'dispatch_emergency_vendor',
  'call_sender',
];

const BY_CATEGORY: Record<Category, readonly SuggestedAction[]> = {
  maintenance_emergency: EMERGENCY_ACTIONS,
  maintenance_request: ['create_work_order'],
  rent_payment: ['review_ledger'],
  payment_arrangement: ['review_ledger', 'offer_payment_plan'],
  lease_renewal: ['send_renewal_offer'],
  lease_termination: ['start_move_out'],
  move_in: ['schedule_move_in'],
  leasing_inquiry: ['send_application_link'],
  complaint: ['document_complaint'],
  owner_inquiry: ['reply_to_owner'],
  vendor_billing: ['process_vendor_invoice'],
  legal_notice: ['acknowledge', 'forward_to_counsel'],
  accommodation_request: ['acknowledge', 'start_accommodation_review'],
  general_inquiry: ['acknowledge'],
  spam: ['mark_spam'],
};

/** Trades with safe self-help steps in the drafts' troubleshooting library (breaker, GFCI, disposal, drain, thermostat). */
const TROUBLESHOOTABLE: readonly IssueType[] = ['plumbing', 'appliance', 'electrical', 'hvac'];

const ASKS_FOR_RECEIPT = cues(1, ['receipts?', 'proof of payment', 'recibos?', 'comprobante']);
const ASKS_FOR_SHOWING = cues(1, [
  '(see|view|tour|visit) (the |a )?(unit|apartment|place|home|house)',
  'showing',
  'tour',
  'open house',
  '(ver|visitar) (el|la) (apartamento|departamento|casa|unidad)',
  'cita para ver',
]);
const NEEDS_ENTRY = cues(1, [
  '(let|come) (yourself |themselves )?in',
  'enter (the|my) (unit|apartment)',
  'permission to enter',
  'not (be )?home',
  'when (can|will) (someone|you|they) come',
  'schedule',
  'entrar',
  'no estoy en casa',
  'estoy en casa',
]);

export interface Situation {
  readonly category: Category;
  /** `normalise`d new text. */
  readonly content: string;
  readonly maintenance?: MaintenanceDetails;
  readonly paymentDetailsChange: boolean;
}

export function suggestActions(situation: Situation): SuggestedAction[] {
  const { category, content, maintenance } = situation;
  const actions: SuggestedAction[] = [...BY_CATEGORY[category]];
  if (category === 'maintenance_request') {
    if (anyFound(NEEDS_ENTRY, content)) actions.push('schedule_entry');
    const safe = maintenance !== undefined && maintenance.safetyFlags.length === 0;
    if (safe && TROUBLESHOOTABLE.includes(maintenance.issueType)) actions.push('offer_troubleshooting');
  }
  if (category === 'rent_payment' && anyFound(ASKS_FOR_RECEIPT, content)) actions.push('send_receipt');
  if (category === 'leasing_inquiry' && anyFound(ASKS_FOR_SHOWING, content)) actions.push('schedule_showing');
  // A request to pay somewhere new is verified with the sender through a known channel, never by reply.
  if (situation.paymentDetailsChange) actions.unshift('verify_sender_identity');
  return [...new Set(actions)];
}
