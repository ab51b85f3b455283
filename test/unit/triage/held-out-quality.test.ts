import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { evaluateTriage, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { HELD_OUT_FILES, heldOut } from '#test/support/labelled-sets.ts';

/**
 * The rules engine on the held-out sets (test/fixtures/triage/README.md): y, z and aa, three
 * authors whose portfolios were told to nobody who tuned, written blind before the last round and
 * scored once before it (category 91.0 %, emergency recall 99.3 % (141/142), false emergencies
 * 2.1 % (10/467)) and once after it, on the code as merged: category 91.8 %, emergency recall
 * 98.6 % (140/142), false emergencies 1.7 % (8/467), injections to a person 100 % (35/35); once
more after a reviewer's fixes that these sets did not drive: category 92.0 %, the rest the same. The
 * floors sit a little below. The aims are 85 %, 100 % and ≤ 5 %: emergency recall is short
 * of its aim (the earlier blind sets, now tuning data, are in the README).
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
    expect(messages.filter((m) => m.label.category === 'maintenance_emergency')).toHaveLength(142);
  });

  it('keeps category accuracy, emergency recall and false emergencies above their floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.emergencyRecall).toBeGreaterThanOrEqual(0.98);
    expect(result.falseEmergencies.rate).toBeLessThanOrEqual(0.025);
  });

  it('sends labelled prompt injections to a person as instructions to the assistant', () => {
    expect(result.injectionsFlagged.rate).toBeGreaterThanOrEqual(0.95);
  });
});
