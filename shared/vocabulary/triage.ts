/*
 * The triage vocabulary: everything the platform may say about an inbound message beyond its
 * category and urgency (#vocabulary/classification.ts). Enumerations, so a model can only choose
 * among them and the console and the API publish the same words.
 */

/** Where a message came in. */
export const CHANNELS = ['email', 'web_form', 'answering_service', 'integration'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative', 'distressed'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** A message's language: ISO 639-1 (`en`, `es`, …). The rules know English and Spanish. */
export const LANGUAGE = /^[a-z]{2}$/;
/** The languages replies can be drafted in from templates. */
export const DRAFT_LANGUAGES = ['en', 'es'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/**
 * The hazards that make a message an emergency (a present threat to life, safety or the
 * building). Each has fixed safety instructions in a data file no model output can change.
 */
export const EMERGENCY_HAZARDS = [
  'gas',
  'carbon_monoxide',
  'fire',
  'smoke',
  'electrical',
  'flooding',
  'active_leak',
  'sewage',
  'no_heat',
  'no_cooling',
  'no_water',
  'unsecured_unit',
  'structural',
  'trapped',
] as const;
export type EmergencyHazard = (typeof EMERGENCY_HAZARDS)[number];

/** Safety flags a maintenance message may carry: the hazards, and risks that are not emergencies. */
export const SAFETY_FLAGS = [
  ...EMERGENCY_HAZARDS,
  'water_near_electricity',
  'mold',
  'vulnerable_occupant',
] as const;
export type SafetyFlag = (typeof SAFETY_FLAGS)[number];

export const ISSUE_TYPES = [
  'plumbing',
  'electrical',
  'hvac',
  'water_heater',
  'appliance',
  'gas',
  'roof',
  'structural',
  'doors_locks',
  'windows',
  'walls_ceiling',
  'flooring',
  'pest',
  'mold',
  'fire_safety',
  'elevator',
  'exterior_grounds',
  'common_area',
  'other',
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** What the platform may suggest a person do next; never an action taken by itself. */
export const SUGGESTED_ACTIONS = [
  'send_safety_instructions',
  'dispatch_emergency_vendor',
  'call_sender',
  'create_work_order',
  'offer_troubleshooting',
  'schedule_entry',
  'review_ledger',
  'send_receipt',
  'offer_payment_plan',
  'send_renewal_offer',
  'start_move_out',
  'schedule_move_in',
  'send_application_link',
  'schedule_showing',
  'document_complaint',
  'reply_to_owner',
  'process_vendor_invoice',
  'forward_to_counsel',
  'start_accommodation_review',
  'verify_sender_identity',
  'acknowledge',
  'mark_spam',
] as const;
export type SuggestedAction = (typeof SUGGESTED_ACTIONS)[number];

/** Why a person must look before anything goes back to the sender. */
export const NEEDS_HUMAN_REASONS = [
  'emergency',
  'low_confidence',
  'instructions_to_assistant',
  'accommodation_request',
  'legal_matter',
  'fair_housing_concern',
  'payment_details_change',
  'threat_or_distress',
  'unsupported_language',
  'compliance_blocked',
] as const;
export type NeedsHumanReason = (typeof NEEDS_HUMAN_REASONS)[number];

/** Which engine wrote a reply draft. */
export const DRAFT_ENGINES = ['claude', 'template'] as const;
export type DraftEngine = (typeof DRAFT_ENGINES)[number];

/** A draft waits for a person; a blocking compliance finding blocks it until one edits it. */
export const DRAFT_STATUSES = ['pending_approval', 'blocked', 'approved', 'rejected'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const FINDING_SEVERITIES = ['info', 'warning', 'blocking'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Which reviewer raised a compliance finding. */
export const FINDING_SOURCES = ['rules', 'claude'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
