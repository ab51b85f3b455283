import { describe, expect, it } from 'vitest';
import { SAFETY_NET_EVIDENCE } from '#domain/classification/danger-model.ts';
import { findEmergencies } from '#domain/classification/emergency-text.ts';
import { detectHazards } from '#domain/classification/hazards.ts';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';

/**
 * The two emergency detectors together: the hand rules decide first; the safety net is asked only
 * when they find nothing, so it adds emergencies and never changes one the rules found.
 */
const netOnly = {
  from: 'tenant@example.com',
  subject: 'Basement',
  text: 'there is brown water around the washer drain and it keeps creeping toward the furnace room, kids sleep down there',
};
const byRules = {
  from: 'tenant@example.com',
  subject: 'Outlet',
  text: 'the outlet by the bed is black and hot and smells like burning plastic',
};
const textOf = (email: { subject: string; text: string }) => `${email.subject}\n${email.text}`;

describe('findEmergencies: hand rules first, then the safety net', () => {
  it('keeps what the hand rules found, unchanged', () => {
    const rules = detectHazards(textOf(byRules));
    expect(rules.length).toBeGreaterThan(0);
    expect(findEmergencies(textOf(byRules))).toEqual(rules);
    expect(classifyByRules(byRules)).toMatchObject({ category: 'maintenance_emergency', confidence: 0.9 });
  });

  it('asks the net where the rules found nothing, and says the net decided', () => {
    expect(detectHazards(textOf(netOnly))).toEqual([]);
    const found = findEmergencies(textOf(netOnly));
    expect(found).toHaveLength(1);
    expect(found[0]?.evidence.startsWith(SAFETY_NET_EVIDENCE)).toBe(true);
    const classification = classifyByRules(netOnly);
    expect(classification).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      confidence: 0.75,
    });
    expect(classification.reasons.some((reason) => reason.includes(SAFETY_NET_EVIDENCE))).toBe(true);
  });

  it('finds nothing in routine mail', () => {
    expect(findEmergencies('Sink\nthe kitchen sink drips a little, no rush')).toEqual([]);
  });
});
