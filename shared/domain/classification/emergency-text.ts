import { detectHazards } from './hazards.ts';

/**
 * The emergencies found in free text (a work-order description, a note): the same detector the
 * email classifier uses, so "emergency" means one thing across the platform. One reason per
 * hazard: its name and the words that decided it.
 */
export function emergencyCues(text: string): string[] {
  return detectHazards(text).map((finding) => `${finding.hazard}: ${finding.evidence}`);
}
