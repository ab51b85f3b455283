/**
 * Accuracy and latency of the rules classifier on labelled emails.
 *   node --import tsx bench/classify.ts [path/to/labelled.jsonl]
 *   node --import tsx bench/classify.ts --leave-one-author-out
 * Defaults to the dev fixture. The second form prints each tuning author's figures with a word
 * model trained without that author: generalisation, not fit. Prints figures only; the regression
 * floors live in the unit tests.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { leaveOneAuthorOut, routineCategoryAccuracy } from '#domain/classification/author-holdout.ts';
import {
  evaluate,
  type Outcome,
  parseLabelledEmails,
  toEmailToClassify,
} from '#domain/classification/evaluation.ts';
import { detectHazards } from '#domain/classification/hazards.ts';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const readSet = (file: string) => parseLabelledEmails(readFileSync(file, 'utf8'));

if (process.argv[2] === '--leave-one-author-out') {
  for (const { author, evaluation, outcomes } of leaveOneAuthorOut(tuningAuthors(), devFixture())) {
    console.log(
      `author ${author} (${evaluation.total}): category ${percent(evaluation.categoryAccuracy)} ` +
        `(${percent(routineCategoryAccuracy(outcomes))} where the hazard rules decided right), ` +
        `urgency ${percent(evaluation.urgencyAccuracy)}, emergency recall ${percent(evaluation.emergencyRecall)}, ` +
        `false emergencies ${percent(evaluation.falseEmergencyRate)}`,
    );
    for (const { expected, actual, count } of evaluation.confusions)
      console.log(`    ${expected} -> ${actual}: ${count}`);
  }
  process.exit(0);
}

const path = process.argv[2] ?? 'test/fixtures/emails-dev.jsonl';
const labelled = readSet(path);

// One unmeasured pass first, so the figures are steady-state rather than JIT warm-up.
for (const email of labelled) classifyByRules(toEmailToClassify(email));

const outcomes: Outcome[] = [];
const latenciesMs: number[] = [];
const urgencyMisses: string[] = [];
for (const email of labelled) {
  const started = performance.now();
  const actual = classifyByRules(toEmailToClassify(email));
  latenciesMs.push(performance.now() - started);
  outcomes.push({ id: email.id, expected: email.label, actual });
  if (actual.urgency !== email.label.urgency) {
    urgencyMisses.push(`${email.id} ${actual.category}: ${email.label.urgency} -> ${actual.urgency}`);
  }
}

const result = evaluate(outcomes);
const sorted = [...latenciesMs].sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const ms = (x: number) => `${x.toFixed(3)} ms`;

console.log(`rules classifier on ${path} (${result.total} emails)`);
console.log(`  category accuracy    ${percent(result.categoryAccuracy)}`);
console.log(`  urgency accuracy     ${percent(result.urgencyAccuracy)}`);
console.log(`  emergency recall     ${percent(result.emergencyRecall)}`);
console.log(`  emergency precision  ${percent(result.emergencyPrecision)}`);
console.log(`  false emergencies    ${percent(result.falseEmergencyRate)} of non-emergencies`);
console.log('category confusions (expected -> actual: count)');
for (const { expected, actual, count } of result.confusions)
  console.log(`  ${expected} -> ${actual}: ${count}`);
for (const outcome of outcomes.filter((o) => o.expected.category !== o.actual.category)) {
  console.log(`    ${outcome.id}: ${outcome.expected.category} -> ${outcome.actual.category}`);
}
// Emergencies both ways, with the hazards (and the words) that decided them.
const isEmergency = (category: string) => category === 'maintenance_emergency';
for (const email of labelled) {
  const outcome = outcomes.find((o) => o.id === email.id);
  if (outcome === undefined) continue;
  if (isEmergency(outcome.expected.category) === isEmergency(outcome.actual.category)) continue;
  const found = detectHazards(`${email.subject}\n${email.body}`).map((f) => `${f.hazard} "${f.evidence}"`);
  const kind = isEmergency(outcome.expected.category) ? 'missed emergency' : 'false emergency';
  console.log(`  ${kind} ${email.id}: ${found.join(', ') || 'no hazard found'}`);
}
console.log(`urgency misses (${urgencyMisses.length})`);
for (const miss of urgencyMisses) console.log(`  ${miss}`);
console.log(
  `latency per email: mean ${ms(latenciesMs.reduce((a, b) => a + b, 0) / latenciesMs.length)}, ` +
    `p50 ${ms(quantile(0.5))}, p95 ${ms(quantile(0.95))}, max ${ms(sorted.at(-1) ?? 0)}`,
);
