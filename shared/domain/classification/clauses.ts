import { normalise } from './normalise.ts';

/**
 * A message cut into clauses, so each statement is judged on its own: a hazard buried in a
 * paragraph about rent is still found, and "no smoke, but the outlet is hot" keeps its negation
 * on "smoke" only. Each clause is `normalise`d; a comma survives as " , " because it closes the
 * reach of a negation ("no sparks, it is hot").
 */

/** Sentence ends, line breaks and the contrast words that start a new statement. */
const CLAUSE_BREAK =
  /[.!?;:\n\r]+|\s(?:but|however|although|though|except that|also|plus|by the way|btw|pero|aunque|sin embargo|excepto que|ademas|tambien|por cierto)\s/giu;

export const COMMA = ',';

function normaliseKeepingCommas(part: string): string {
  return part
    .split(/,/)
    .map(normalise)
    .filter((piece) => piece.length > 0)
    .join(` ${COMMA} `);
}

export function splitClauses(text: string): string[] {
  // Decimal points and times ("2.5", "7:30") are not sentence ends.
  const guarded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)[.:](\d)/g, '$1 $2');
  return guarded
    .split(CLAUSE_BREAK)
    .map(normaliseKeepingCommas)
    .filter((clause) => clause.length > 0);
}
