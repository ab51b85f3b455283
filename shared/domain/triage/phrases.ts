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

/** Two things count as one situation only within a few words of each other. */
const NEAR_WORDS = 8;

/** Word positions where any cue of the list matches (conditions ignored: position only). */
function wordIndexes(cueList: readonly Cue[], content: string): number[] {
  return cueList.flatMap((cue) =>
    [...content.matchAll(new RegExp(cue.pattern.source, 'g'))].map(
      (m) => content.slice(0, m.index).split(' ').length,
    ),
  );
}

/** Some phrase of `a` within NEAR_WORDS words of some phrase of `b` in `normalise`d content. */
export function near(a: readonly Cue[], b: readonly Cue[], content: string): boolean {
  const bs = wordIndexes(b, content);
  return wordIndexes(a, content).some((i) => bs.some((j) => Math.abs(i - j) <= NEAR_WORDS));
}
