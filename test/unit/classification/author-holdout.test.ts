import { describe, expect, it } from 'vitest';
import { leaveOneAuthorOut } from '#domain/classification/author-holdout.ts';
import {
  CategoryModelData,
  modelFeatures,
  scoreWithModel,
  trainCategoryModel,
  trainingExamples,
} from '#domain/classification/category-model.ts';
import modelData from '#domain/classification/data/category-model.json' with { type: 'json' };
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

/**
 * Generalisation floors: each author's labelled set (a, b, e) is classified with a word model
 * trained without it. Today: a 92.1 %, b 94.2 %, e 92.0 % category accuracy, emergency recall
 * 100 % and no false emergency on all three. The hazard rules were written reading these sets in
 * rotation (two read, the third checked: b went 87 → 94 % recall and a 96 → 98 % before they were
 * read), so the emergency floors guard against regressions; the category floors are true
 * held-out figures for the model. The floors sit a little below today's figures.
 */
/**
 * Per author, a little under today's figures. c and d's emergency figures (recall 87 % and 81 %)
 * are the hazard rules' open work: their floors guard today's level and rise as the rules do.
 */
const FLOORS: Readonly<
  Record<string, { category: number; emergencyRecall: number; falseEmergencies: number }>
> = {
  a: { category: 0.92, emergencyRecall: 0.98, falseEmergencies: 0.02 },
  b: { category: 0.94, emergencyRecall: 0.98, falseEmergencies: 0.02 },
  c: { category: 0.87, emergencyRecall: 0.85, falseEmergencies: 0.03 },
  d: { category: 0.8, emergencyRecall: 0.79, falseEmergencies: 0.03 },
  e: { category: 0.9, emergencyRecall: 0.98, falseEmergencies: 0.02 },
};
const authors = tuningAuthors();
const dev = devFixture();

describe('rules classifier, leaving one author out', () => {
  const rounds = leaveOneAuthorOut(authors, dev);

  it('checks every author', () => {
    expect(rounds.map((round) => [round.author, round.evaluation.total])).toEqual([
      ['a', 242],
      ['b', 242],
      ['c', 240],
      ['d', 240],
      ['e', 263],
    ]);
  });

  it.each(rounds.map((round) => [round.author, round]))(
    'author %s stays above the floors',
    (author, round) => {
      const { evaluation } = round;
      const floor = FLOORS[author as string];
      expect(floor).toBeDefined();
      expect(evaluation.categoryAccuracy).toBeGreaterThanOrEqual(floor?.category ?? 1);
      expect(evaluation.emergencyRecall).toBeGreaterThanOrEqual(floor?.emergencyRecall ?? 1);
      expect(evaluation.falseEmergencyRate).toBeLessThanOrEqual(floor?.falseEmergencies ?? 0);
    },
  );
});

describe('category word model', () => {
  const examples = trainingExamples([...Object.values(authors).flat(), ...dev]);

  it('is the model the committed weights hold (retrain: node --import tsx bench/train-category-model.ts)', () => {
    expect(CategoryModelData.parse(modelData)).toEqual(trainCategoryModel(examples));
  });

  it('never learns from emergencies: the hazard rules alone decide them', () => {
    expect(examples.some((example) => (example.category as string) === 'maintenance_emergency')).toBe(false);
    expect(trainCategoryModel(examples).categories).not.toContain('maintenance_emergency');
  });

  it('reads distinct words and word pairs, numbers folded, stopwords only inside pairs', () => {
    expect(modelFeatures('The rent, the RENT: $1,200 due')).toEqual([
      'the rent',
      'rent',
      'rent the',
      'rent #',
      '#',
      '# #',
      '# due',
      'due',
    ]);
  });

  it('prefers the category whose words a message shares', () => {
    const model = trainCategoryModel(
      [
        { content: 'zelle payment for rent sent', category: 'rent_payment' },
        { content: 'rent payment by zelle confirmed', category: 'rent_payment' },
        { content: 'the sink is clogged again', category: 'maintenance_request' },
        { content: 'clogged toilet in the sink area', category: 'maintenance_request' },
      ],
      { minMessages: 1 },
    );
    expect(scoreWithModel(model, 'sent my rent by zelle')[0]?.category).toBe('rent_payment');
    expect(scoreWithModel(model, 'my sink is clogged')[0]?.category).toBe('maintenance_request');
  });
});
