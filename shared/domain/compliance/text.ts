/**
 * How the compliance rules read a draft: lower case, accents dropped, curly apostrophes
 * straightened — one character for each of the original's, so a match's indices are also the
 * original's and a finding can quote the draft's own words.
 */
export function plainText(text: string): string {
  let plain = '';
  for (const char of text) {
    if (char === '’' || char === '‘' || char === '`') {
      plain += "'";
      continue;
    }
    const folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    plain += folded.length === char.length ? folded : char;
  }
  return plain;
}

/** A sentence of a draft: where it starts in the draft and its plain text. */
export interface Sentence {
  readonly start: number;
  readonly plain: string;
}

/** Sentences end at . ! ? ; followed by a space, or at a line break ("$1,200.50" stays whole). */
export function sentencesOf(plain: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    if (plain.slice(start, end).trim().length > 0) sentences.push({ start, plain: plain.slice(start, end) });
    start = end;
  };
  for (let i = 0; i < plain.length; i += 1) {
    const char = plain[i] as string;
    if (char === '\n') push(i + 1);
    else if ('.!?;'.includes(char) && (i + 1 === plain.length || /\s/.test(plain[i + 1] as string)))
      push(i + 1);
  }
  push(plain.length);
  return sentences;
}

/** Between words a rule's space matches any run of spaces and punctuation ("non-refundable"). */
const SEPARATOR = '[^a-z0-9$%]+';

/**
 * A rule's pattern as a regular expression over plain text: each space stands for a separator,
 * and the whole pattern matches whole words only ("age" never fires inside "damage").
 */
export function wordPattern(source: string, flags = ''): RegExp {
  // Spaces inside a character class ("[a-z ,]") stay literal.
  const spaced = source.replace(/\[[^\]]*\]| /g, (token) => (token === ' ' ? SEPARATOR : token));
  return new RegExp(`(?<![a-z0-9])(?:${spaced})(?![a-z0-9])`, flags);
}

/** One pattern for a list of alternatives. */
export const anyOf = (sources: readonly string[], flags = ''): RegExp =>
  wordPattern(sources.map((source) => `(?:${source})`).join('|'), flags);

/** Words between two positions of a plain text. */
export const wordsBetween = (plain: string, from: number, to: number): number =>
  plain.slice(from, to).match(/[a-z0-9]+/g)?.length ?? 0;
