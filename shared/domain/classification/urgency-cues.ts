import { type Cue, cues } from './cue.ts';
import type { Category, Urgency } from './taxonomy.ts';

/**
 * How soon someone must act, before looking at the wording: legal mail has deadlines, a leasing
 * question can wait a day. Capital-letter "URGENT" is deliberately not a cue: tenants use it for
 * closet doors and parking passes. Each base is the pace most labelled messages of the category
 * carry with four of the five authors agreeing (a move-in has a date this week; a bill waits).
 */
export const BASE_URGENCY: Readonly<Record<Category, Urgency>> = {
  maintenance_emergency: 'emergency',
  maintenance_request: 'low',
  rent_payment: 'low',
  payment_arrangement: 'medium',
  lease_renewal: 'medium',
  lease_termination: 'medium',
  move_in: 'medium',
  leasing_inquiry: 'low',
  complaint: 'medium',
  owner_inquiry: 'medium',
  vendor_billing: 'low',
  legal_notice: 'high',
  accommodation_request: 'medium',
  general_inquiry: 'low',
  spam: 'low',
};

/** Harm or a hard deadline within a day or two: straight to high. */
export const HIGH_CUES: readonly Cue[] = cues(0, [
  'tonight',
  'overdrawn|overdraft',
  'pay or quit|(3|three) day notice|eviction',
  'threaten(ed|ing|s)?|harass(ed|ing|ment)?|dont feel safe',
  'small claims|state law requires',
  'discharged|before i (go|return|come) home',
  '(throw|threw|thrown) out (the )?(food|milk|meat|groceries)|food (is |has )?spoil\\w*',
  'esta noche|manana temprano',
]);

/** An essential appliance or service out at home: high, but only for a repair request (a bill may describe one). */
export const OUT_OF_SERVICE_CUES: readonly Cue[] = cues(0, [
  '(fridge|refrigerator|freezer|stove|oven) (stopped|is not|isnt|not) (cooling|working|heating)',
  'no hot water|heat (is )?(out|not working)|no heat',
  '(door|lock|deadbolt)s? (wont|will not|doesnt|does not) (lock|latch)|(cant|cannot) lock',
]);

/** A near deadline: one step up from the base. */
export const SOONER_CUES: readonly Cue[] = cues(0, [
  'tomorrow',
  'by (monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  // "a las 3 de la manana" is an hour, not tomorrow.
  '(?<!de la |por la )manana',
]);

/** Ongoing discomfort, money at stake, or logistics with a date: at least medium. */
export const MEDIUM_CUES: readonly Cue[] = cues(0, [
  'late fees?',
  'declined|error code|wont (take|accept)',
  'following up|follow up|(two|three|2|3) weeks|nobody has come|no one has come',
  'roach(es)?|cockroach(es)?|mice|rats|bed ?bugs|mold|cucarachas|ratones',
  'ac|a c|air conditioning|air conditioner',
  'really dark|too dark|safety',
  'key pick ?up|pick up (the |my )?keys|freight elevator|loading dock',
  'past due',
]);

/** Explicitly relaxed or merely informational: one step down when nothing above applies. */
export const ROUTINE_CUES: readonly Cue[] = cues(0, [
  'no rush|not urgent|whenever (is )?convenient|at your convenience',
  'invoice (will|to) follow',
  '(our|this|the) (bid|estimate|proposal)',
  'for (the|your) records?|on record',
]);
