import type { Triage } from '../triage/triage.ts';
import type { ComplianceFinding } from './draft.ts';

/**
 * An emergency the learned safety net decided alone (the hand rules found nothing). The net is
 * right that something is dangerous more often than it is right about what: it has named
 * `electrical` for water in a basement. So its draft gives the general safety instructions, never
 * a hazard's own steps (a tenant must not be told what to do about a hazard they did not
 * describe), and the person who approves it is told why.
 */

/**
 * Whether the triage's emergency came from the safety net alone: the platform's structured record
 * of who decided (never the reasons, whose text Claude can write).
 */
export const decidedBySafetyNet = (triage: Pick<Triage, 'urgency' | 'emergencySource'>): boolean =>
  triage.urgency === 'emergency' && triage.emergencySource === 'safety_net';

/** What the approver reads on such a draft: a warning, never a block (an emergency reply must not wait). */
export const SAFETY_NET_FINDING: ComplianceFinding = {
  rule: 'safety.emergency_by_safety_net',
  severity: 'warning',
  excerpt: '',
  suggestion:
    'The learned safety net, not a hand rule, judged this message an emergency, and the hazard it named may be wrong (see the triage reasons). The draft gives only the general safety instructions: read the message and, if it describes a specific hazard, add that hazard’s instructions before approving.',
  source: 'rules',
};
