import { type Cue, matchCue } from '../classification/cue.ts';

/**
 * The triage rules reuse the classifier's cue form (whole-word phrases over `normalise`d text,
 * with optional unless/requires conditions): one matching semantics for every rule engine.
 */

/** Every phrase of the list found in `text`, in list order; at most `limit`. */
export function phrasesFound(
  cueList: readonly Cue[],
  text: string,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const found: string[] = [];
  for (const cue of cueList) {
    if (found.length >= limit) break;
    const phrase = matchCue(cue, text);
    if (phrase !== undefined) found.push(phrase);
  }
  return found;
}

export const anyFound = (cueList: readonly Cue[], text: string): boolean =>
  phrasesFound(cueList, text, 1).length > 0;
