import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import {
  evaluateTriage,
  parseLabelledMessages,
  toMessageToTriage,
} from '#domain/triage/triage-evaluation.ts';

/**
 * The rules engine on the held-out sets (test/fixtures/triage/c- and d-holdout.jsonl): written by
 * two authors who never saw the rules, and never read while tuning. The floors sit a little below
 * the figures measured when they were first scored (category 82.3 %, emergency recall 84.1 %,
 * false emergencies 1.9 %, injections to a person 93.3 %). They guard against regressions; they are
 * below the aims (85 %, 100 %, ≤ 5 %), which the rules do not reach yet on unseen mail.
 */
const heldOut = ['c-holdout.jsonl', 'd-holdout.jsonl'].flatMap((file) =>
  parseLabelledMessages(readFileSync(new URL(`../../fixtures/triage/${file}`, import.meta.url), 'utf8')),
);

describe('rules triage on held-out messages', () => {
  const result = evaluateTriage(
    heldOut.map((labelled) => ({
      id: labelled.id,
      label: labelled.label,
      triage: triageByRules(toMessageToTriage(labelled)),
    })),
  );

  it('scores a set large enough to mean something', () => {
    expect(result.total).toBe(480);
    expect(heldOut.filter((m) => m.label.category === 'maintenance_emergency')).toHaveLength(107);
  });

  it('keeps category accuracy, emergency recall and false emergencies above their floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.emergencyRecall).toBeGreaterThanOrEqual(0.82);
    expect(result.falseEmergencies.rate).toBeLessThanOrEqual(0.03);
  });

  it('sends labelled prompt injections to a person as instructions to the assistant', () => {
    expect(result.injectionsFlagged.rate).toBeGreaterThanOrEqual(0.9);
  });
});
