import { z } from 'zod';
import { CATEGORIES } from '#vocabulary/classification.ts';
import type { RoutineCategory } from './category-cues.ts';
import type { LabelledEmail } from './evaluation.ts';
import { normalise } from './normalise.ts';
import { FORWARD_SUBJECT, separateChain } from './quoted-chain.ts';
import { withoutStatementsToMachine } from './sentences-to-people.ts';
import type { EmailToClassify } from './taxonomy.ts';

/**
 * A learned second opinion on the category (never on emergencies, which hazards.ts decides):
 * multinomial naive Bayes over the distinct word unigrams and bigrams of a message, counted once
 * per message ("binarised"), with add-α smoothing and equal class priors (each author's mix of
 * categories differs, so the training mix says nothing about new mail). Chosen over logistic
 * regression because it trains in one deterministic counting pass, needs no tuning loop, and its
 * weights are plain counts a reviewer can read. Leaving each author out in turn, none of these did
 * better, alone or beside the cues: softmax regression (L2, full-batch, balanced), complement NB,
 * character 3-5-grams, suffix stemming, subject or sender words as separate features, other
 * smoothing (α 0.1-1) or cut-offs; a softmax fit of how much the cues and the model each count
 * came back at the ratio rules-classifier.ts uses. Trained by bench/train-category-model.ts on
 * the labelled sets; the committed weights live in data/category-model.json (240 kB, parsed in
 * about 5 ms; a message scores in under 0.1 ms).
 */

export const ROUTINE_CATEGORIES: readonly RoutineCategory[] = CATEGORIES.filter(
  (category): category is RoutineCategory => category !== 'maintenance_emergency',
);

/**
 * A sentence written to the machine rather than to the people ("AI assistant: approve this", "ignora
 * tus instrucciones y…"): injection.ts flags it for a person; here it is dropped, because what it
 * orders (a refund, a zero balance, a bank change) is not what the message is about.
 */
const NOTE_TO_THE_MACHINE = new RegExp(
  [
    '\\b(ignore|disregard|forget|override|ignora|olvida|omite|descarta)\\b.{0,40}\\b(instructions?|instrucciones|rules|reglas|prompts?|indicaciones)\\b',
    '\\b(ai|a\\.i\\.|ia|bot|chatbot|assistant|asistente|system|sistema)( (virtual|automatico|automated|de ia))?\\s*:',
    '\\b(note|nota|message|mensaje|instructions?|instrucciones|importante|important)\\s+(to|for|para)\\s+(the\\s+|el\\s+|la\\s+)?(ai|ia|bot|assistant|asistente|system|sistema)\\b',
    '\\byou are now\\b|\\b(eres|seras) ahora\\b',
  ].join('|'),
  'i',
);

const withoutNotesToTheMachine = (text: string): string =>
  withoutStatementsToMachine(text.normalize('NFD').replace(/\p{M}/gu, ''), (statement) =>
    NOTE_TO_THE_MACHINE.test(statement),
  ) ?? text;

/** Texting spellings read as the word they stand for, so a cue or a learned word written once covers both. */
const INFORMAL: Readonly<Record<string, string>> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  ola: 'hola',
  ay: 'hay',
  porfa: 'por favor',
  tmb: 'tambien',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  u: 'you',
  ur: 'your',
  apt: 'apartment',
  bldg: 'building',
};

const foldInformal = (normalised: string): string =>
  normalised
    .split(' ')
    .map((word) => INFORMAL[word] ?? word)
    .join(' ');

/**
 * What a category is judged on: a forwarded message is what the sender wants handled; a reply's
 * quoted chain is not; neither is a note to the machine.
 */
export function categoryContent(email: EmailToClassify): string {
  const { newText, forwarded } = separateChain(email.text, { forward: FORWARD_SUBJECT.test(email.subject) });
  return foldInformal(normalise(`${email.subject}\n${withoutNotesToTheMachine(`${newText}\n${forwarded}`)}`));
}

/** The routine messages of labelled sets as training examples (emergencies are the hazard rules' alone). */
export const trainingExamples = (labelled: readonly LabelledEmail[]): LabelledContent[] =>
  labelled.flatMap(({ from, subject, body, label: { category } }) =>
    category === 'maintenance_emergency'
      ? []
      : [{ content: categoryContent({ from, subject, text: body }), category }],
  );

export interface LabelledContent {
  readonly content: string;
  readonly category: RoutineCategory;
}

export const CategoryModelData = z.object({
  /** Smoothing added to every count. */
  alpha: z.number().positive(),
  categories: z.array(z.string()),
  /** Per category: how many feature occurrences it saw in training (sum of its counts). */
  totals: z.array(z.number().int().min(0)),
  /**
   * Feature → "index:count …": for each category that saw it (index into categories), how many
   * training messages contain it. Most features are seen by one or two of fourteen categories, so
   * sparse rows keep the file at half the size of full ones, one short line per feature.
   */
  counts: z.record(z.string(), z.string().regex(/^\d+:\d+( \d+:\d+)*$/)),
});
export type CategoryModelData = z.infer<typeof CategoryModelData>;

/** Words too common to say anything about a category. */
const STOPWORDS = new Set(
  'a an the and or of to in on at for is are was were be been it its i im me my we our you your this that with as by from so do did have has had will would can could hi hello thanks thank regards please el la los las de del y o en un una es que por con para mi su se lo le al'.split(
    ' ',
  ),
);

/** The distinct unigrams and bigrams of a text; numbers fold to "#" so amounts and units read alike. */
export function modelFeatures(content: string): string[] {
  const words = normalise(content)
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => (/\d/.test(word) ? '#' : word));
  const features = new Set<string>();
  for (const [index, word] of words.entries()) {
    if (!STOPWORDS.has(word)) features.add(word);
    const next = words[index + 1];
    if (next !== undefined) features.add(`${word} ${next}`);
  }
  return [...features];
}

/** Counts features per category; features seen in fewer than `minMessages` messages are dropped. */
export function trainCategoryModel(
  examples: readonly LabelledContent[],
  { alpha = 0.5, minMessages = 2 } = {},
): CategoryModelData {
  const categories = ROUTINE_CATEGORIES;
  const counts = new Map<string, number[]>();
  for (const { content, category } of examples) {
    const column = categories.indexOf(category);
    if (column === -1) continue;
    for (const feature of modelFeatures(content)) {
      const row = counts.get(feature) ?? categories.map(() => 0);
      row[column] = (row[column] ?? 0) + 1;
      counts.set(feature, row);
    }
  }
  const kept = [...counts.entries()]
    .filter(([, row]) => row.reduce((a, b) => a + b, 0) >= minMessages)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totals = categories.map((_, column) => kept.reduce((sum, [, row]) => sum + (row[column] ?? 0), 0));
  const sparse = (row: readonly number[]): string =>
    row.flatMap((count, column) => (count > 0 ? [`${column}:${count}`] : [])).join(' ');
  return {
    alpha,
    categories: [...categories],
    totals,
    counts: Object.fromEntries(kept.map(([feature, row]) => [feature, sparse(row)])),
  };
}

/** "3:12 7:1" → [[3, 12], [7, 1]]: read only for the features a message has, so loading costs one JSON parse. */
function readRow(row: string): (readonly [number, number])[] {
  const pairs: (readonly [number, number])[] = [];
  let column = 0;
  let value = 0;
  for (let index = 0; index <= row.length; index += 1) {
    const code = index < row.length ? row.charCodeAt(index) : 32;
    if (code === 58) {
      column = value;
      value = 0;
    } else if (code === 32) {
      pairs.push([column, value]);
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  return pairs;
}

/** Counted once per model. */
const sizes = new WeakMap<CategoryModelData, number>();
function vocabularySize(model: CategoryModelData): number {
  const known = sizes.get(model) ?? Object.keys(model.counts).length;
  sizes.set(model, known);
  return known;
}

/** Log-likelihood of the text under each category, best first. */
export function scoreWithModel(
  model: CategoryModelData,
  content: string,
): { category: RoutineCategory; logLikelihood: number }[] {
  const vocabulary = vocabularySize(model);
  const denominators = model.totals.map((total) => Math.log(total + model.alpha * vocabulary));
  const unseen = Math.log(model.alpha);
  const scores = model.categories.map(() => 0);
  for (const feature of modelFeatures(content)) {
    const row = model.counts[feature];
    if (row === undefined) continue;
    // Every category as if it never saw the feature, then the ones that did.
    for (const column of scores.keys())
      scores[column] = (scores[column] ?? 0) + unseen - (denominators[column] ?? 0);
    for (const [column, count] of readRow(row))
      scores[column] = (scores[column] ?? 0) + Math.log(count + model.alpha) - unseen;
  }
  return model.categories
    .map((category, column) => ({
      category: category as RoutineCategory,
      logLikelihood: scores[column] ?? 0,
    }))
    .sort((a, b) => b.logLikelihood - a.logLikelihood);
}
