import { type DangerModelData, dangerFindings } from './danger-model.ts';
import { detectHazards, type HazardFinding } from './hazards.ts';

/** The hand rules first; the safety net only where they found nothing (it adds, never removes). */
export function findEmergencies(text: string, danger?: DangerModelData): HazardFinding[] {
  const found = detectHazards(text);
  return found.length > 0 ? found : dangerFindings(text, danger);
}

/**
 * The emergencies found in free text (a work-order description, a note): the same detectors the
 * email classifier uses, so "emergency" means one thing across the platform. One reason per
 * hazard: its name and the words that decided it.
 */
export function emergencyCues(text: string): string[] {
  return findEmergencies(text).map((finding) => `${finding.hazard}: ${finding.evidence}`);
}
