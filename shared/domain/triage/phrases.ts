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

/** For each character of `content`, the index of the word it belongs to (spaces count as the next word). */
function wordNumbers(content: string): Int32Array {
  const numbers = new Int32Array(content.length + 1);
  let word = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === ' ') word++;
    numbers[i] = word;
  }
  numbers[content.length] = word;
  return numbers;
}

/** Word positions where any cue of the list matches (conditions ignored: position only). */
function wordIndexes(cueList: readonly Cue[], content: string, numbers: Int32Array): number[] {
  return cueList.flatMap((cue) =>
    [...content.matchAll(new RegExp(cue.pattern.source, 'g'))].map((m) => numbers[m.index] ?? 0),
  );
}

/** Some phrase of `a` within NEAR_WORDS words of some phrase of `b` in `normalise`d content. */
export function near(a: readonly Cue[], b: readonly Cue[], content: string): boolean {
  const numbers = wordNumbers(content);
  const bs = wordIndexes(b, content, numbers).sort((x, y) => x - y);
  return wordIndexes(a, content, numbers).some((i) => {
    // The first position of b at or after i - NEAR_WORDS, by bisection: long messages stay linear-ish.
    let low = 0;
    let high = bs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((bs[middle] ?? 0) < i - NEAR_WORDS) low = middle + 1;
      else high = middle;
    }
    return low < bs.length && (bs[low] ?? 0) <= i + NEAR_WORDS;
  });
}
