/**
 * Trains the emergency safety net (shared/domain/classification/danger-model.ts) on every labelled
 * set the project may tune on and the dev fixture, and writes it to
 * shared/domain/classification/data/danger-model.json. Deterministic: the same files give the same
 * bytes. The threshold is the one bench/emergency-loao.ts --sweep chose leaving each author out.
 *   node --import tsx bench/train-danger-model.ts
 */
import { writeFileSync } from 'node:fs';
import {
  DANGER_L2,
  DANGER_THRESHOLD,
  DANGER_WORDS,
  dangerExamples,
  trainDangerModel,
} from '#domain/classification/danger-model.ts';
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

const examples = dangerExamples([...Object.values(tuningAuthors()).flat(), ...devFixture()]);
const model = trainDangerModel(examples, { words: DANGER_WORDS, l2: DANGER_L2, threshold: DANGER_THRESHOLD });
/** One weight a line, as `npm run format` lays it out, so a retrain diffs line by line. */
const json = [
  '{',
  `  "words": ${model.words},`,
  `  "l2": ${model.l2},`,
  `  "bias": ${model.bias},`,
  `  "threshold": ${model.threshold},`,
  '  "weights": {',
  Object.entries(model.weights)
    .map(([feature, weight]) => `    ${JSON.stringify(feature)}: ${weight}`)
    .join(',\n'),
  '  }',
  '}',
  '',
].join('\n');
const out = 'shared/domain/classification/data/danger-model.json';
writeFileSync(out, json);
console.log(`trained on ${examples.length} messages: ${Object.keys(model.weights).length} weights -> ${out}`);
