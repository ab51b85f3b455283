import { type DangerModelData, dangerFindings } from './danger-model.ts';
import { detectHazards, type HazardFinding } from './hazards.ts';

/** Which detector found a message's emergencies: the hand rules, or the safety net behind them. */
export type EmergencyDetector = 'rules' | 'safety_net';

export interface Emergencies {
  readonly findings: readonly HazardFinding[];
  /** Absent when nothing was found. */
  readonly detector?: EmergencyDetector;
}

/**
 * The hand rules first; the safety net only where they found nothing (it adds, never removes).
 * Each detector runs at most once per text, and the answer says which one spoke, so a caller that
 * must tell them apart (a draft's safety block) does not run them again.
 */
export function detectEmergencies(text: string, danger?: DangerModelData): Emergencies {
  const byRules = detectHazards(text);
  if (byRules.length > 0) return { findings: byRules, detector: 'rules' };
  const byNet = dangerFindings(text, danger);
  return byNet.length > 0 ? { findings: byNet, detector: 'safety_net' } : { findings: [] };
}

export const findEmergencies = (text: string, danger?: DangerModelData): readonly HazardFinding[] =>
  detectEmergencies(text, danger).findings;

/**
 * The emergencies found in free text (a work-order description, a note): the same detectors the
 * email classifier uses, so "emergency" means one thing across the platform. One reason per
 * hazard: its name and the words that decided it.
 */
export function emergencyCues(text: string): string[] {
  return findEmergencies(text).map((finding) => `${finding.hazard}: ${finding.evidence}`);
}
