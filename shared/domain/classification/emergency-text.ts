import { matchCue } from './cue.ts';
import { EMERGENCY_CUES } from './emergency-cues.ts';
import { normalise } from './normalise.ts';

/**
 * The emergency cues found in free text (a work-order description, a note): the same
 * detector the email classifier uses, so "emergency" means one thing across the platform.
 */
export function emergencyCues(text: string): string[] {
  const content = normalise(text);
  const found: string[] = [];
  for (const cue of EMERGENCY_CUES) {
    const phrase = matchCue(cue, content);
    if (phrase !== undefined) found.push(phrase);
  }
  return found;
}
