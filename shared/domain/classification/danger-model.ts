import { z } from 'zod';
import { EMERGENCY_HAZARDS, type EmergencyHazard } from '#vocabulary/triage.ts';
import { modelFeatures } from './category-model.ts';
import { DANGER_CONCEPTS, hazardConceptsIn, readConcepts } from './danger-concepts.ts';
import modelData from './data/danger-model.json' with { type: 'json' };
import type { LabelledEmail } from './evaluation.ts';
import { type HazardFinding, reportedText } from './hazards.ts';
import { normalise } from './normalise.ts';

/**
 * The safety net beside the hand rules: a logistic regression that says whether a message reports
 * an emergency, read only when the rules found none, so it can add emergencies and never remove
 * one. It speaks only when a hazard concept (danger-concepts.ts) is affirmed in the reported text.
 * Features: the concepts, pairs of concepts in one clause and the exclusion markers, plus the
 * word unigrams and bigrams of the reported text and, apart, of its hazard clauses (`words`).
 * Chosen by leave-one-author-out (bench/emergency-loao.ts): see DANGER_WORDS and DANGER_THRESHOLD.
 */

/**
 * Chosen by leaving each author out (bench/emergency-loao.ts --sweep) over the 631 emergencies and
 * 2,059 routine messages of twelve authors, each variant at the lowest threshold within the net's
 * share of the false-emergency budget (NET_FALSE_LIMITS, danger-holdout.ts: the net alone at most
 * 1 % overall, rules ∪ net at most 3 % on any author). The net alone finds: concepts only 67.0 %
 * (L2 0.01) to 73.9 % (L2 0.0003); concepts and content words 89.5 % (L2 0.01), 92.1 % (0.001 and
 * 0.0003). Under the earlier limit (rules ∪ net ≤ 3 % per author, which the fitted hand rules left
 * almost all to the net until they were fitted to j-l) the same model ran at threshold 1.3 and
 * found 85.9 %. The words catch wordings no concept names; the concepts, pairs of concepts and the
 * gate keep a message with no hazard in it from scoring on words alone. Function words are left out
 * so a long message does not score higher for being long. About 37,000 weights over
 * twenty-four authors (words of the hazard clauses are about a fifth), 1 MB of JSON.
 */
export const DANGER_WORDS = true;
export const DANGER_L2 = 0.0003;
/**
 * The lowest threshold within NET_FALSE_LIMITS (the net's 1 % share) leaving each author out,
 * rounded up to 0.05. Over twenty-four authors (a-x), with the round-9 hand rules (which stopped
 * their false alarms on v-x) and concepts that no longer read gas as a supply, a plant room's door,
 * a wobbling fixture or a lift only named as hazards, it is 0.136: 0.15. Rules ∪ net then find
 * 1,174 of 1,176 emergencies and raise 43 false of 3,977 (the net alone 1,127 and 38). Earlier:
 * 0.267 over a-o (0.3); -0.494 for one round at a 2 % share (-0.45), whose blind set got five more
 * false alarms and no more emergencies from it. Below about -0.45 the net also speaks on routine
 * sentences written to test it (hazard-review-sentences.test.ts). Over a-o, with the words of
 * the whole message only (no `h:` words), the net alone found 85.8 % at its safe threshold (90.9 %
 * at its own 1 % limit); with the hazard clauses' words beside them, 92.6 %. Words of the hazard
 * clauses alone (the rest dropped) did worse: 77-80 % at their safe thresholds, as did a window of
 * a clause or sentence either side (84-91 %). `h:` words only when some clause is not about the
 * hazard: in a message that is all hazard they counted every word twice and pushed a short note
 * about a drip over the line.
 */
export const DANGER_THRESHOLD = 0.15;

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

const contentWords = (text: string): string[] => modelFeatures(normalise(text)).filter(saysSomething);

/**
 * `text`: the message as received, subject line first. With words, `w:` the words of the whole
 * reported text and, when other clauses surround them, `h:` again those of the clauses where a
 * hazard concept is affirmed, so the net weighs "smoke" beside the hazard apart from "rent" around
 * it (see DANGER_THRESHOLD).
 */
export function dangerFeatures(text: string, words: boolean): string[] {
  const reported = reportedText(text);
  const { features: concepts, hazardClauses, otherClauses } = readConcepts(reported, text);
  if (!words) return concepts;
  const inHazardClauses = new Set(otherClauses > 0 ? hazardClauses.flatMap(contentWords) : []);
  return [
    ...concepts,
    ...contentWords(reported).map((word) => `w:${word}`),
    ...[...inHazardClauses].map((word) => `h:${word}`),
  ];
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

const inOneClause = (features: readonly string[], first: string, second: string): boolean =>
  features.includes(`p:${first}+${second}`) || features.includes(`p:${second}+${first}`);

/**
 * The definition, which the hand rules keep too: no heat is an emergency in freezing
 * weather, no cooling in dangerous heat; and someone trapped needs someone, in the clause that
 * says what is stuck (an elevator stuck empty with its doors open is a repair). Without that the
 * net does not name them.
 */
const CIRCUMSTANCE_NEEDED: Partial<Record<EmergencyHazard, (features: readonly string[]) => boolean>> = {
  no_heat: (features) => features.includes('m:cold'),
  no_cooling: (features) => features.includes('m:hot'),
  trapped: (features) => features.includes('m:someone in it'),
};
const circumstanceFits = (hazard: EmergencyHazard, features: readonly string[]): boolean =>
  CIRCUMSTANCE_NEEDED[hazard]?.(features) ?? true;

/**
 * The concepts that may name the hazard: a sign whose hazard lacks what makes it one (no heat in a
 * mild week, a door stuck with nobody behind it) gives way to the other signs ("the boiler closet
 * alarm keeps going off" is a CO alarm, not a furnace off), and then a thing alone names nothing;
 * a thing that lacks it (a neighbour not answering the door, nobody said to be there) is dropped.
 */
function conceptsThatFit(concepts: readonly string[], features: readonly string[]): readonly string[] {
  const fits = (name: string): boolean => {
    const family = conceptNamed.get(name)?.family;
    return family === undefined || circumstanceFits(family, features);
  };
  const isSign = (name: string): boolean => conceptNamed.get(name)?.thing !== true;
  const fitting = concepts.filter(fits);
  const signUnfit = concepts.some((name) => isSign(name) && !fits(name));
  return !signUnfit || fitting.some(isSign) ? fitting : [];
}

/** How the net's evidence starts, so a reader (and the classifier's confidence) tells it from a rule's. */
export const SAFETY_NET_EVIDENCE = 'safety net:';

/**
 * The hazard a message is about, from the concepts that fired (the score only says whether there
 * is one): a sign particular to one hazard (a gas smell, no heat, someone stuck) before a sign
 * several share (burning, dizziness, water spreading, hot), which names the hazard of a concept in
 * its own clause when one refines it (a burning outlet is electrical, spreading sewage is sewage);
 * a thing (a door, a drain) only when no sign fired. Within each rank, the concept that pushed the
 * score most. Returns the concepts in that order.
 */
export function rankHazardConcepts(
  model: DangerModelData,
  features: readonly string[],
  concepts: readonly string[],
): { readonly hazard: EmergencyHazard | undefined; readonly ranked: readonly string[] } {
  const tier = (name: string): number => {
    const concept = conceptNamed.get(name);
    return concept?.thing === true ? 0 : concept?.refinedBy === undefined ? 2 : 1;
  };
  const ranked = [...concepts].sort(
    (a, b) => tier(b) - tier(a) || pushOf(model, features, b) - pushOf(model, features, a),
  );
  const top = conceptNamed.get(ranked[0] ?? '');
  const refinement = Object.entries(top?.refinedBy ?? {}).find(
    ([name]) => top !== undefined && inOneClause(features, top.name, name),
  );
  return { hazard: refinement?.[1] ?? top?.family, ranked };
}

/**
 * The emergencies the net finds: one finding for the hazard the concepts name (rankHazardConcepts),
 * with the concepts that fired as evidence; none below the threshold or without a hazard concept.
 * Meant for messages the hand rules left alone: `found.length > 0 ? found : dangerFindings(text)`.
 */
export function dangerFindings(text: string, model: DangerModelData = committedModel()): HazardFinding[] {
  return findingsFor(model, dangerFeatures(text, model.words));
}

/** The same, on features already extracted, at a threshold of the caller's (the leave-one-author-out bench). */
export function findingsFor(
  model: DangerModelData,
  extracted: readonly string[],
  threshold: number = model.threshold,
): HazardFinding[] {
  const { score, concepts, features } = scoreFeatures(model, extracted);
  if (concepts.length === 0 || score <= threshold) return [];
  const named = conceptsThatFit(concepts, features);
  if (named.length === 0) return [];
  const { hazard, ranked } = rankHazardConcepts(model, features, named);
  if (hazard === undefined || !EMERGENCY_HAZARDS.includes(hazard)) return [];
  // What the net is surest of is a loss of heat or cooling, but not in the weather that makes it one.
  if (!circumstanceFits(hazard, features)) return [];
  const context = features
    .filter((f) => f.startsWith('c:') && !concepts.includes(f.slice(2)))
    .map((f) => f.slice(2));
  return [{ hazard, evidence: `${SAFETY_NET_EVIDENCE} ${[...ranked, ...context].join(', ')}`.slice(0, 80) }];
}
