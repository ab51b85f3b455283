import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { evaluateTriage, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { HELD_OUT_FILES, heldOut } from '#test/support/labelled-sets.ts';

/**
 * The rules engine on the held-out sets (test/fixtures/triage/README.md): j, k and l, written by
 * three authors whose portfolios were told to nobody, while the rules and the safety net were
 * tuned on a–i. Scored once when merged: category 87.8 %, emergency recall 94.1 % (127/135), false
 * emergencies 2.3 % (11/474), injections to a person 100 % (36/36; 35 as instructions to the
 * assistant). The floors sit a little below. The aims are 85 %, 100 % and ≤ 5 %: emergency
 * recall is short of its aim.
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
    expect(HELD_OUT_FILES).toHaveLength(3);
    expect(result.total).toBe(609);
    expect(messages.filter((m) => m.label.category === 'maintenance_emergency')).toHaveLength(135);
  });

  it('keeps category accuracy, emergency recall and false emergencies above their floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.86);
    expect(result.emergencyRecall).toBeGreaterThanOrEqual(0.93);
    expect(result.falseEmergencies.rate).toBeLessThanOrEqual(0.03);
  });

  it('sends labelled prompt injections to a person as instructions to the assistant', () => {
    expect(result.injectionsFlagged.rate).toBeGreaterThanOrEqual(0.95);
  });
});
