import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { evaluateTriage, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { HELD_OUT_FILES, heldOut } from '#test/support/labelled-sets.ts';

/**
 * The rules engine on the held-out sets (test/fixtures/triage/README.md): f, g and h were written
 * by three authors who never saw the rules while the rules were tuned on a–e (the tuners knew the
 * three portfolios, never the messages); i was written later, its portfolio told to nobody. Scored
 * once when merged: category 85.4 %, emergency recall 86.8 % (165/190), false emergencies 3.3 %
 * (22/664), injections to a person as instructions to the assistant 100 % (51/51). The floors sit a
 * little below. The aims are 85 %, 100 % and ≤ 5 %: emergency recall is short of its aim.
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
    expect(HELD_OUT_FILES).toHaveLength(4);
    expect(result.total).toBe(854);
    expect(messages.filter((m) => m.label.category === 'maintenance_emergency')).toHaveLength(190);
  });

  it('keeps category accuracy, emergency recall and false emergencies above their floors', () => {
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.84);
    expect(result.emergencyRecall).toBeGreaterThanOrEqual(0.85);
    expect(result.falseEmergencies.rate).toBeLessThanOrEqual(0.04);
  });

  it('sends labelled prompt injections to a person as instructions to the assistant', () => {
    expect(result.injectionsFlagged.rate).toBeGreaterThanOrEqual(0.95);
  });
});
