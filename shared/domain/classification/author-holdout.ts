import { trainCategoryModel, trainingExamples } from './category-model.ts';
import {
  DANGER_L2,
  DANGER_THRESHOLD,
  DANGER_WORDS,
  dangerExamples,
  trainDangerModel,
} from './danger-model.ts';
import {
  type Evaluation,
  evaluate,
  type LabelledEmail,
  type Outcome,
  toEmailToClassify,
} from './evaluation.ts';
import { classifyByRules } from './rules-classifier.ts';

/**
 * Generalisation, not fit: each author's messages are classified with a word model and an
 * emergency safety net trained without them (on the other authors and the shared extras), so the
 * figure says how the classifier does on someone's phrasing it never learned from. The hazard rules are hand-written
 * and the same in every round; their held-out figure is the one for the author not read while
 * writing a change.
 */
export interface AuthorHoldout {
  readonly author: string;
  readonly evaluation: Evaluation;
  readonly outcomes: readonly Outcome[];
}

/**
 * Category accuracy on the messages the hazard rules rightly left routine: the share the cues and
 * the word model decide, apart from emergencies missed or raised (which count against category
 * accuracy too, but are the hazard rules' doing).
 */
export function routineCategoryAccuracy(outcomes: readonly Outcome[]): number {
  const routine = outcomes.filter(
    (o) => o.expected.category !== 'maintenance_emergency' && o.actual.category !== 'maintenance_emergency',
  );
  const right = routine.filter((o) => o.expected.category === o.actual.category).length;
  return routine.length === 0 ? 1 : right / routine.length;
}

export function leaveOneAuthorOut(
  authors: Readonly<Record<string, readonly LabelledEmail[]>>,
  alwaysTrainedOn: readonly LabelledEmail[] = [],
): AuthorHoldout[] {
  return Object.keys(authors).map((author) => {
    const others = Object.entries(authors).flatMap(([name, set]) => (name === author ? [] : set));
    const model = trainCategoryModel(trainingExamples([...others, ...alwaysTrainedOn]));
    const danger = trainDangerModel(dangerExamples([...others, ...alwaysTrainedOn]), {
      words: DANGER_WORDS,
      l2: DANGER_L2,
      threshold: DANGER_THRESHOLD,
    });
    const outcomes = (authors[author] ?? []).map((email) => ({
      id: email.id,
      expected: email.label,
      actual: classifyByRules(toEmailToClassify(email), model, danger),
    }));
    return { author, evaluation: evaluate(outcomes), outcomes };
  });
}
