import type { EmergencySource, Triage } from './triage.ts';
import { applyTriagePolicy, type TriageEvidence } from './triage-policy.ts';

/**
 * Claude's triage merged with the rules' for the same message. Claude reads better than rules, so
 * its category, urgency and details stand — but the rules are the floor on safety:
 * - an emergency the rules found stays an emergency (Claude may raise urgency or make an
 *   emergency, never lower one), with the rules' hazards among the safety flags and their safety
 *   actions first;
 * - the evidence read from the message itself (instructions to the assistant, a legal matter, an
 *   accommodation, a payment-details change, a threat: triage-evidence.ts) goes through the one
 *   triage policy, whatever Claude says, as for every engine's triage;
 * - who decided the emergency is the platform's record, never Claude's: the hand rules when they
 *   found it, Claude when it made or shared one the hand rules did not find, the safety net when it
 *   alone did. Pure.
 */

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

function keepRulesEmergency(claude: Triage, rules: Triage): Triage {
  if (rules.urgency !== 'emergency' || claude.urgency === 'emergency') return claude;
  const maintenance = rules.maintenance ?? claude.maintenance;
  return {
    ...claude,
    category: rules.category,
    urgency: rules.urgency,
    routeTo: rules.routeTo,
    maintenance: maintenance && {
      ...maintenance,
      safetyFlags: union(rules.maintenance?.safetyFlags ?? [], claude.maintenance?.safetyFlags ?? []),
    },
    suggestedActions: union(rules.suggestedActions, claude.suggestedActions),
    reasons: [...rules.reasons, ...claude.reasons].slice(0, 12),
  };
}

function emergencySourceOf(merged: Triage, claude: Triage, rules: Triage): EmergencySource | undefined {
  if (merged.urgency !== 'emergency') return undefined;
  if (rules.emergencySource === 'rules') return 'rules';
  return claude.urgency === 'emergency' ? 'claude' : rules.emergencySource;
}

export function mergeWithRules(claude: Triage, rules: Triage, evidence: TriageEvidence): Triage {
  const merged = applyTriagePolicy(keepRulesEmergency(claude, rules), evidence);
  return { ...merged, emergencySource: emergencySourceOf(merged, claude, rules) };
}
