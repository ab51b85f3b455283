import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { evaluateTriage, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { HELD_OUT_FILES, heldOut } from '#test/support/labelled-sets.ts';

/**
 * The rules engine on the held-out sets (test/fixtures/triage/README.md), six authors whose
 * portfolios were told to nobody who tuned. p, q and r were written before the round that tuned on
 * m-o and scored once before it (category 89.3 %, emergency recall 95.7 % (134/140), false
 * emergencies 2.1 %) and once after (90.0 %, 97.1 % (136/140), 2.1 %). s, t and u were written after
 * that round and scored once, on the code as merged: category 90.1 %, emergency recall 97.7 %
 * (129/132), false emergencies 1.5 % (7/476). All six: category 90.1 %, emergency recall 97.4 %
 * (265/272), false emergencies 1.8 % (17/945), injections to a person 98.6 % (71/72; 70 as
 * instructions to the assistant). The floors sit a little below. The aims are 85 %, 100 %
 * and ≤ 5 %: emergency recall is short of its aim.
 */
const messages = heldOut();

describe('rules triage on held-out messages', () => {
  const result = evaluateTriage(
    messages.map((labelled) => ({
      id: labelled.id,
      label: labelled.label,
      triage: triageByRules(toMessageToTriage(labelled)),
    })),
  );

  it('scores sets large enough to mean something', () => {
    expect(HELD_OUT_FILES).toHaveLength(6);
    expect(result.total).toBe(1217);
    expect(messages.filter((m) => m.label.category === 'maintenance_emergency')).toHaveLength(272);
  });

  it('keeps category accuracy, emergency recall and false emergencies above their floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.89);
    expect(result.emergencyRecall).toBeGreaterThanOrEqual(0.96);
    expect(result.falseEmergencies.rate).toBeLessThanOrEqual(0.03);
  });

  it('sends labelled prompt injections to a person as instructions to the assistant', () => {
    expect(result.injectionsFlagged.rate).toBeGreaterThanOrEqual(0.95);
  });
});
