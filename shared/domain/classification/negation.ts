import { COMMA } from './clauses.ts';

/**
 * Whether a phrase found in a clause is denied by the words just before it ("no smoke", "not a
 * flood", "I don't smell gas", "sin fuga", "no hay humo"). The reach is a few words and stops at
 * a comma or a word that starts a new statement, so "no sparks, the outlet is hot" and "it
 * doesn't work and smells like burning" deny only what the negation governs.
 */

const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'nor',
  'neither',
  'none',
  'nothing',
  'nobody',
  'noone',
  'nadie',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'dont',
  'doesnt',
  'didnt',
  'hasnt',
  'havent',
  'hadnt',
  'cant',
  'cannot',
  'couldnt',
  'wont',
  'wouldnt',
  'aint',
  'sin',
  'ni',
  'nunca',
  'tampoco',
  'nada',
  'ningun',
  'ninguna',
  'ninguno',
]);

/** Words after which an earlier negation no longer reaches. */
const SCOPE_ENDS = new Set([
  COMMA,
  'and',
  'y',
  'so',
  'then',
  'now',
  'because',
  'since',
  'porque',
  'ahora',
  'luego',
  'que',
]);

/** How many words before a phrase a negation reaches ("there is no sign of smoke"). */
const REACH = 4;

export function isNegatedAt(clause: string, index: number): boolean {
  // A few words back is all a negation reaches; reading no further keeps long clauses linear.
  const before = clause
    .slice(Math.max(0, index - 120), index)
    .trim()
    .split(/\s+/)
    .slice(-REACH);
  const lastEnd = before.findLastIndex((word) => SCOPE_ENDS.has(word));
  return before.slice(lastEnd + 1).some((word) => NEGATORS.has(word));
}

/**
 * Up to `words` filler words inside a phrase ("ceiling … dripping"), never a negation: "the
 * ceiling isn't dripping" must not read as "ceiling … dripping".
 */
export const gap = (words: number): string => `(?:(?!(?:${[...NEGATORS].join('|')}) )\\w+ ){0,${words}}`;
