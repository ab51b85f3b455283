/*
 * The classifier's published vocabulary: every inbound message gets one category and one
 * urgency, decided by one engine. Plain constants (this folder imports nothing): the domain
 * builds its schemas and the /v1 contracts their views from these same lists.
 */

export const CATEGORIES = [
  'maintenance_request',
  'maintenance_emergency',
  'rent_payment',
  'payment_arrangement',
  'lease_renewal',
  'lease_termination',
  'move_in',
  'leasing_inquiry',
  'complaint',
  'owner_inquiry',
  'vendor_billing',
  'legal_notice',
  'accommodation_request',
  'general_inquiry',
  'spam',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const URGENCIES = ['low', 'medium', 'high', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ENGINES = ['claude', 'rules'] as const;
export type Engine = (typeof ENGINES)[number];
