import { readFileSync } from 'node:fs';
import { type LabelledEmail, parseLabelledEmails } from '#domain/classification/evaluation.ts';

/**
 * The labelled messages, by author (test/fixtures/triage/README.md says who wrote what). One list,
 * so the trainer, the leave-one-author-out figures and the benches agree on what may be tuned on.
 */
const fixture = (name: string): LabelledEmail[] =>
  parseLabelledEmails(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** Files the rules and the word model may be tuned on, by author. */
export const TUNING_FILES: Readonly<Record<string, readonly string[]>> = {
  a: ['a-tune.jsonl', 'a-retune.jsonl'],
  b: ['b-tune.jsonl', 'b-retune.jsonl'],
  c: ['c-tune.jsonl'],
  d: ['d-tune.jsonl'],
  e: ['e-tune.jsonl'],
  f: ['f-tune.jsonl'],
  g: ['g-tune.jsonl'],
  h: ['h-tune.jsonl'],
  i: ['i-tune.jsonl'],
  j: ['j-tune.jsonl'],
  k: ['k-tune.jsonl'],
  l: ['l-tune.jsonl'],
  m: ['m-tune.jsonl'],
  n: ['n-tune.jsonl'],
  o: ['o-tune.jsonl'],
  p: ['p-tune.jsonl'],
  q: ['q-tune.jsonl'],
  r: ['r-tune.jsonl'],
  s: ['s-tune.jsonl'],
  t: ['t-tune.jsonl'],
  u: ['u-tune.jsonl'],
  v: ['v-tune.jsonl'],
  w: ['w-tune.jsonl'],
  x: ['x-tune.jsonl'],
};

export const tuningAuthors = (): Record<string, LabelledEmail[]> =>
  Object.fromEntries(
    Object.entries(TUNING_FILES).map(([author, files]) => [
      author,
      files.flatMap((file) => fixture(`triage/${file}`)),
    ]),
  );

/**
 * Files nobody tuned on or read while tuning: they measure the rules on unseen mail
 * (test/unit/triage/held-out-quality.test.ts, `aictive eval`). Never trained on.
 */
export const HELD_OUT_FILES: readonly string[] = ['y-holdout.jsonl', 'z-holdout.jsonl', 'aa-holdout.jsonl'];

export const heldOut = (): LabelledEmail[] => HELD_OUT_FILES.flatMap((file) => fixture(`triage/${file}`));

/** The shared dev fixture: always trained on, never an author of its own. */
export const devFixture = (): LabelledEmail[] => fixture('emails-dev.jsonl');
