/**
 * Trains the category word model (shared/domain/classification/category-model.ts) on every
 * labelled set the project may tune on (test/support/labelled-sets.ts, and the dev fixture) and
 * writes its counts to shared/domain/classification/data/category-model.json. Deterministic: the
 * same files give the same bytes. Emergencies are left out: hazards.ts decides them, never the model.
 *   node --import tsx bench/train-category-model.ts
 * The held-out sets (*-holdout.jsonl) are never read here.
 */
import { writeFileSync } from 'node:fs';
import { trainCategoryModel, trainingExamples } from '#domain/classification/category-model.ts';
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

const examples = trainingExamples([...Object.values(tuningAuthors()).flat(), ...devFixture()]);
const model = trainCategoryModel(examples);
/** One feature a line, in the layout `npm run format` gives, so a retrain diffs line by line. */
const row = (values: readonly number[]): string => `[${values.join(', ')}]`;
const json = [
  '{',
  `  "alpha": ${model.alpha},`,
  `  "categories": [\n${model.categories.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ],`,
  `  "totals": ${row(model.totals)},`,
  '  "counts": {',
  Object.entries(model.counts)
    .map(([feature, counts]) => `    ${JSON.stringify(feature)}: ${JSON.stringify(counts)}`)
    .join(',\n'),
  '  }',
  '}',
  '',
].join('\n');
const out = 'shared/domain/classification/data/category-model.json';
writeFileSync(out, json);
console.log(`trained on ${examples.length} messages: ${Object.keys(model.counts).length} features -> ${out}`);
