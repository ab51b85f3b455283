/**
 * Emergency recall and false emergencies of the hand rules, the safety net (danger-model.ts) and
 * both together, leaving each author out in turn: the net is retrained without the author it
 * scores. With --sweep, model variants are compared, each at the lowest threshold within the
 * net's share of the false-emergency budget (NET_FALSE_LIMITS in danger-holdout.ts).
 *   node --import tsx bench/emergency-loao.ts [--sweep]
 */
import {
  dangerHoldout,
  lowestSafeThreshold,
  type NetVerdict,
  netSays,
  type RecallAndFalse,
  recallAndFalse,
} from '#domain/classification/danger-holdout.ts';
import { DangerModelData } from '#domain/classification/danger-model.ts';
import modelData from '#domain/classification/data/danger-model.json' with { type: 'json' };
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

const authors = tuningAuthors();
const dev = devFixture();
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const line = ({ found, emergencies, raised, routine }: RecallAndFalse) =>
  `recall ${pct(found, emergencies)} (${found}/${emergencies}) false ${pct(raised, routine)} (${raised}/${routine})`;

function report(verdicts: readonly NetVerdict[], threshold: number, verbose: boolean) {
  for (const author of [...Object.keys(authors), 'all']) {
    const set = author === 'all' ? verdicts : verdicts.filter((v) => v.author === author);
    const rules = recallAndFalse(set, (v) => v.rules);
    const net = recallAndFalse(set, (v) => netSays(v, threshold));
    const both = recallAndFalse(set, (v) => v.rules || netSays(v, threshold));
    console.log(`${author.padEnd(4)} rules ${line(rules)} | net ${line(net)} | both ${line(both)}`);
  }
  if (!verbose) return;
  for (const v of verdicts.filter((v) => v.emergency && !v.rules && !netSays(v, threshold)))
    console.log(`  still missed ${v.id}: score ${v.score.toFixed(2)}, ${v.concepts} hazard concepts`);
  for (const v of verdicts.filter((v) => !v.emergency && !v.rules && netSays(v, threshold)))
    console.log(`  false from the net ${v.id}: score ${v.score.toFixed(2)}`);
}

if (process.argv.includes('--sweep')) {
  for (const words of [false, true])
    for (const l2 of [0.0003, 0.001, 0.01]) {
      const verdicts = dangerHoldout(authors, dev, { words, l2 });
      const threshold = lowestSafeThreshold(verdicts);
      console.log(`--- words ${words}, L2 ${l2}: threshold ${threshold.toFixed(3)}`);
      report(verdicts, threshold, false);
      // The price of more recall: the totals at looser thresholds.
      for (const looser of [0.5, 1, 2]) {
        const both = recallAndFalse(verdicts, (v) => v.rules || netSays(v, threshold - looser));
        console.log(`    threshold ${(threshold - looser).toFixed(2)}: both ${line(both)}`);
      }
    }
} else {
  const committed = DangerModelData.parse(modelData);
  const verdicts = dangerHoldout(authors, dev, committed);
  console.log(
    `words ${committed.words}, L2 ${committed.l2}, threshold ${committed.threshold} (committed); ` +
      `lowest safe threshold here ${lowestSafeThreshold(verdicts).toFixed(3)}; leave-one-author-out:`,
  );
  report(verdicts, committed.threshold, true);
}
