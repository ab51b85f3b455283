import type { NeedsHumanReason } from '#vocabulary/triage.ts';
import type { Triage } from './triage.ts';

/**
 * Claude's triage merged with the rules' for the same message. Claude reads better than rules, so
 * its category, urgency and details stand — but the rules are the floor on safety:
 * - an emergency the rules found stays an emergency (Claude may raise urgency, make an emergency,
 *   never lower one), with the rules' hazards among the safety flags;
 * - what the rules saw as evidence about the sender's intent (instructions to the assistant, a
 *   payment-details change, a threat) stays a reason for a person to look, whatever Claude says;
 * - the platform's triage policy then applies to the result as to every engine's triage.
 * Pure: the policy is passed in (the rules engine's `applyTriagePolicy`).
 */

/** What a policy needs beyond the triage itself. */
export interface TriageEvidence {
  /** The message gives orders to the assistant (found by the rules or by Claude). */
  readonly injection: boolean;
}
export type TriagePolicy = (triage: Triage, evidence: TriageEvidence) => Triage;

/** needsHuman reasons that record evidence in the text, not a judgement on the category: they carry over. */
export const RULE_EVIDENCE_REASONS: readonly NeedsHumanReason[] = [
  'instructions_to_assistant',
  'payment_details_change',
  'threat_or_distress',
];

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

function keepRulesEmergency(claude: Triage, rules: Triage): Triage {
  if (rules.urgency !== 'emergency' || claude.urgency === 'emergency') return claude;
  const hazardFlags = rules.maintenance?.safetyFlags ?? [];
  const maintenance = rules.maintenance ?? claude.maintenance;
  return {
    ...claude,
    category: rules.category,
    urgency: rules.urgency,
    maintenance: maintenance && {
      ...maintenance,
      safetyFlags: union(hazardFlags, claude.maintenance?.safetyFlags ?? []),
    },
    suggestedActions: union(rules.suggestedActions, claude.suggestedActions),
    reasons: [...rules.reasons, ...claude.reasons].slice(0, 12),
  };
}

export function mergeWithRules(claude: Triage, rules: Triage, policy: TriagePolicy): Triage {
  const floored = keepRulesEmergency(claude, rules);
  const carried = rules.needsHumanReasons.filter((reason) => RULE_EVIDENCE_REASONS.includes(reason));
  const needsHumanReasons = union(floored.needsHumanReasons, carried);
  const merged: Triage = { ...floored, needsHumanReasons, needsHuman: needsHumanReasons.length > 0 };
  return policy(merged, { injection: needsHumanReasons.includes('instructions_to_assistant') });
}
