/**
 * A cue is a phrase (a small regular expression over `normalise`d text) that counts as evidence,
 * with a weight. Cues match whole words only, so "spark" never fires inside "sparkling".
 */
export interface Cue {
  readonly pattern: RegExp;
  readonly weight: number;
  /** The cue is ignored when this also appears (e.g. "smoke" next to "smoking"). */
  readonly unless?: RegExp;
  /** The cue only counts when this also appears (e.g. "no heat" with freezing weather). */
  readonly requires?: RegExp;
}

export interface CueOptions {
  readonly unless?: string;
  readonly requires?: string;
  /** Also match the phrase's last word with a plural ending (-s, -es): "unit available" reads "units availables". */
  readonly plurals?: boolean;
}

/** A regular expression matching `source` only as whole words of `normalise`d text. */
export const wholeWords = (source: string, flags = '', ending = ''): RegExp =>
  new RegExp(`(?<![a-z0-9])(?:${source})${ending}(?![a-z0-9])`, flags);

/** The top-level alternatives of a phrase: "a|b(c|d)" → ["a", "b(c|d)"]. */
function alternatives(phrase: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < phrase.length; i += 1) {
    const char = phrase[i];
    if (char === '\\') i += 1;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(phrase.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(phrase.slice(start));
  return parts;
}

/**
 * Builds one cue per alternative of each phrase, all with the same weight and conditions: each
 * distinct sign counts, so three legal terms outweigh one rent word.
 */
export function cues(weight: number, phrases: readonly string[], options: CueOptions = {}): Cue[] {
  const unless = options.unless === undefined ? undefined : wholeWords(options.unless);
  const requires = options.requires === undefined ? undefined : wholeWords(options.requires);
  return phrases.flatMap(alternatives).map((phrase) => ({
    pattern: wholeWords(phrase, '', options.plurals === true ? '(?:e?s)?' : ''),
    weight,
    unless,
    requires,
  }));
}

/** The text that made the cue fire, or undefined when it does not fire on `text`. */
export function matchCue(cue: Cue, text: string): string | undefined {
  const found = cue.pattern.exec(text);
  if (found === null) return undefined;
  if (cue.unless?.test(text)) return undefined;
  if (cue.requires !== undefined && !cue.requires.test(text)) return undefined;
  return found[0];
}
