import { z } from 'zod';
import { EMERGENCY_HAZARDS, type EmergencyHazard } from '#vocabulary/triage.ts';
import { modelFeatures } from './category-model.ts';
import { conceptFeatures, DANGER_CONCEPTS, hazardConceptsIn } from './danger-concepts.ts';
import modelData from './data/danger-model.json' with { type: 'json' };
import type { LabelledEmail } from './evaluation.ts';
import { type HazardFinding, reportedText } from './hazards.ts';
import { normalise } from './normalise.ts';

/**
 * The safety net beside the hand rules: a logistic regression that says whether a message reports
 * an emergency, read only when the rules found none, so it can add emergencies and never remove
 * one. It speaks only when a hazard concept (danger-concepts.ts) is affirmed in the reported text.
 * Features: the concepts, pairs of concepts in one clause and the exclusion markers, plus the
 * word unigrams and bigrams of the reported text (`words`). Chosen by leave-one-author-out over
 * the nine authors (bench/emergency-loao.ts): see DANGER_MODEL_CHOICE.
 */

/**
 * Chosen by leaving each author out (bench/emergency-loao.ts --sweep), each variant at the lowest
 * threshold that keeps rules ∪ net at or under 3 % false emergencies on every author (adding none
 * where the rules alone are over it). Recall of rules ∪ net over the 496 emergencies of nine
 * authors, with the hand rules of this branch (97.6-97.8 % alone): concepts alone 98.2-98.6 % (the
 * net finds 33-47 % by itself); concepts and content words 99.6 % (L2 0.001) and 99.8-100 % (L2
 * 0.01 and 0.03, the net alone 71-80 %). Before the hand rules were widened from g-i's misses, when the
 * rules had never seen f-i, the same choice took f-i from 87.0 % to 96.3 % (concepts alone 92 %).
 * Concepts and words at L2 0.01: the words catch wordings no concept names; the concepts, pairs of
 * concepts and the gate keep a message with no hazard in it from scoring on words alone. Function
 * words are left out so a long message does not score higher for being long (it cost 0.6 points
 * leaving authors out and buys a net that reads content). 15 251 weights, 410 kB of JSON.
 */
export const DANGER_WORDS = true;
export const DANGER_L2 = 0.01;
/** The lowest threshold meeting that limit leaving each author out was 0.87-0.89 as the concepts grew: rounded up. */
export const DANGER_THRESHOLD = 0.9;

export const DangerModelData = z.object({
  /** Whether word unigrams and bigrams are features beside the concepts. */
  words: z.boolean(),
  /** The L2 penalty it was trained with, so a retrain (and the bench) reproduces it. */
  l2: z.number().min(0),
  bias: z.number(),
  /** The score (log-odds) above which the net calls an emergency. */
  threshold: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type DangerModelData = z.infer<typeof DangerModelData>;

export interface DangerExample {
  readonly text: string;
  readonly emergency: boolean;
}

export const dangerExamples = (labelled: readonly LabelledEmail[]): DangerExample[] =>
  labelled.map(({ subject, body, label }) => ({
    text: `${subject}\n${body}`,
    emergency: label.category === 'maintenance_emergency',
  }));

/**
 * Words that say nothing about danger, only about length: a bigram of two of them ("in the") would
 * let a long message score higher for being long.
 */
const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at for from with by as is are was were be been being it its i im me my we our us you your he she his her they them their this that there here so do does did have has had will would can could just also then than if about up out into over el la los las de del y o en un una es que por con para mi su se lo le al'.split(
    ' ',
  ),
);
const saysSomething = (feature: string): boolean =>
  feature.split(' ').some((word) => !FUNCTION_WORDS.has(word));

/** `text`: the message as received, subject line first. */
export function dangerFeatures(text: string, words: boolean): string[] {
  const reported = reportedText(text);
  const concepts = conceptFeatures(reported, text);
  if (!words) return concepts;
  const content = modelFeatures(normalise(reported)).filter(saysSomething);
  return [...concepts, ...content.map((word) => `w:${word}`)];
}

export interface TrainingOptions {
  readonly words: boolean;
  readonly threshold: number;
  /** L2 penalty per weight. */
  readonly l2?: number;
  readonly epochs?: number;
  /** Features seen in fewer messages are dropped. */
  readonly minMessages?: number;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Full-batch gradient descent from zero, classes weighted to equal total: deterministic, so the
 * committed weights equal a retrain. Weights are rounded to 4 places and zeros dropped.
 */
export function trainDangerModel(
  examples: readonly DangerExample[],
  options: TrainingOptions,
): DangerModelData {
  const rows = examples.map((example) => dangerFeatures(example.text, options.words));
  return trainOnFeatures(
    rows,
    examples.map((example) => example.emergency),
    options,
  );
}

/** The same, on features already extracted (the leave-one-author-out bench extracts them once). */
export function trainOnFeatures(
  rows: readonly (readonly string[])[],
  emergencies: readonly boolean[],
  { words, threshold, l2 = DANGER_L2, epochs = 300, minMessages = 2 }: TrainingOptions,
): DangerModelData {
  const seen = new Map<string, number>();
  for (const row of rows) for (const feature of row) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  const vocabulary = [...seen.entries()]
    .filter(([, count]) => count >= minMessages)
    .map(([feature]) => feature)
    .sort();
  const index = new Map(vocabulary.map((feature, column) => [feature, column]));
  const columns = rows.map((row) => row.flatMap((feature) => index.get(feature) ?? []));
  const positives = emergencies.filter(Boolean).length;
  const weightOf = (emergency: boolean): number =>
    emergency ? 0.5 / Math.max(1, positives) : 0.5 / Math.max(1, emergencies.length - positives);
  const weights = new Float64Array(vocabulary.length);
  let bias = 0;
  const rate = 1;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const gradient = new Float64Array(vocabulary.length);
    let biasGradient = 0;
    for (const [row, features] of columns.entries()) {
      const emergency = emergencies[row] === true;
      let z = bias;
      for (const column of features) z += weights[column] ?? 0;
      const error = (1 / (1 + Math.exp(-z)) - (emergency ? 1 : 0)) * weightOf(emergency);
      biasGradient += error;
      for (const column of features) gradient[column] = (gradient[column] ?? 0) + error;
    }
    bias -= rate * biasGradient;
    for (const column of weights.keys())
      weights[column] =
        (weights[column] ?? 0) - rate * ((gradient[column] ?? 0) + l2 * (weights[column] ?? 0));
  }
  const kept = vocabulary.flatMap((feature, column) => {
    const weight = round(weights[column] ?? 0);
    return weight === 0 ? [] : [[feature, weight] as const];
  });
  return { words, l2, bias: round(bias), threshold, weights: Object.fromEntries(kept) };
}

export interface DangerScore {
  readonly score: number;
  /** The hazard concepts affirmed in the reported text; none, and the net stays silent. */
  readonly concepts: readonly string[];
  readonly features: readonly string[];
}

export function scoreDanger(model: DangerModelData, text: string): DangerScore {
  return scoreFeatures(model, dangerFeatures(text, model.words));
}

export function scoreFeatures(model: DangerModelData, features: readonly string[]): DangerScore {
  const score = features.reduce((sum, feature) => sum + (model.weights[feature] ?? 0), model.bias);
  return { score, concepts: hazardConceptsIn(features), features };
}

const conceptNamed = new Map(DANGER_CONCEPTS.map((concept) => [concept.name, concept]));

/** How much a concept's features (alone and in pairs) pushed the score. */
const pushOf = (model: DangerModelData, features: readonly string[], name: string): number =>
  features
    .filter(
      (feature) =>
        feature === `c:${name}` || (feature.startsWith('p:') && feature.slice(2).split('+').includes(name)),
    )
    .reduce((sum, feature) => sum + (model.weights[feature] ?? 0), 0);

/**
 * Validated on first use, not at import: the event processor and the sync load this module for
 * work-order text and should not parse 15,000 weights on a cold start that reads none.
 */
let committed: DangerModelData | undefined;
const committedModel = (): DangerModelData => {
  committed ??= DangerModelData.parse(modelData);
  return committed;
};

/**
 * The definition, which the hand rules keep too: no heat is an emergency in freezing
 * weather, no cooling in dangerous heat. Without the weather the net does not name them.
 */
const WEATHER_NEEDED: Partial<Record<EmergencyHazard, string>> = { no_heat: 'm:cold', no_cooling: 'm:hot' };
function weatherFits(name: string, features: readonly string[]): boolean {
  const family = conceptNamed.get(name)?.family;
  const needed = family === undefined ? undefined : WEATHER_NEEDED[family];
  return needed === undefined || features.includes(needed);
}

/** How the net's evidence starts, so a reader (and the classifier's confidence) tells it from a rule's. */
export const SAFETY_NET_EVIDENCE = 'safety net:';

/**
 * The emergencies the net finds: one finding for the hazard whose concepts pushed the score most,
 * with the concepts that fired as evidence; none below the threshold or without a hazard concept.
 * Meant for messages the hand rules left alone: `found.length > 0 ? found : dangerFindings(text)`.
 */
export function dangerFindings(text: string, model: DangerModelData = committedModel()): HazardFinding[] {
  const { score, concepts, features } = scoreDanger(model, text);
  if (concepts.length === 0 || score <= model.threshold) return [];
  // A sign (burning, stuck, spreading) names the hazard before a thing (a door, a drain) does.
  const rank = (name: string): number =>
    (conceptNamed.get(name)?.thing === true ? 0 : 1000) + pushOf(model, features, name);
  const ranked = [...concepts].sort((a, b) => rank(b) - rank(a));
  // What the net is surest of is a loss of heat or cooling, but not in the weather that makes it one.
  if (!weatherFits(ranked[0] ?? '', features)) return [];
  const hazard = conceptNamed.get(ranked[0] ?? '')?.family;
  if (hazard === undefined || !EMERGENCY_HAZARDS.includes(hazard)) return [];
  const context = features
    .filter((f) => f.startsWith('c:') && !concepts.includes(f.slice(2)))
    .map((f) => f.slice(2));
  return [{ hazard, evidence: `${SAFETY_NET_EVIDENCE} ${[...ranked, ...context].join(', ')}`.slice(0, 80) }];
}
