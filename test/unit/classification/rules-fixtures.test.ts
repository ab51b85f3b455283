import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledEmails, toEmailToClassify } from '#domain/classification/evaluation.ts';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';
import { Classification } from '#domain/classification/taxonomy.ts';

/**
 * Regression floors on the labelled dev set, a little under what the rules score today
 * (category 100%, urgency 96.7%, emergency recall and precision 100%, no false emergency). The
 * rules were tuned on this set, so these are floors against regressions, not a measure of
 * accuracy on new mail.
 */
const labelled = parseLabelledEmails(
  readFileSync(new URL('../../fixtures/emails-dev.jsonl', import.meta.url), 'utf8'),
);

describe('rules classifier on the labelled dev fixtures', () => {
  const outcomes = labelled.map((email) => ({
    id: email.id,
    expected: email.label,
    actual: Classification.parse(classifyByRules(toEmailToClassify(email))),
  }));
  const result = evaluate(outcomes);

  it('covers the whole fixture file', () => {
    expect(result.total).toBe(90);
  });

  it('misses no emergency', () => {
    expect(
      outcomes.filter(
        (o) =>
          o.expected.category === 'maintenance_emergency' && o.actual.category !== 'maintenance_emergency',
      ),
    ).toEqual([]);
    expect(result.emergencyRecall).toBe(1);
  });

  it('raises few false emergencies', () => {
    expect(result.emergencyPrecision).toBeGreaterThanOrEqual(0.9);
    expect(result.falseEmergencyRate).toBeLessThanOrEqual(0.05);
  });

  it('keeps category and urgency accuracy above the floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.urgencyAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
