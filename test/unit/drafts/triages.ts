import { Triage } from '#domain/triage/triage.ts';

/** A valid triage for drafting tests: a routine English maintenance request unless told otherwise. */
export function triage(overrides: Partial<Triage> = {}): Triage {
  const base: Triage = {
    category: 'maintenance_request',
    urgency: 'medium',
    confidence: 0.9,
    sentiment: 'neutral',
    language: 'en',
    summary: 'A repair request.',
    entities: { people: [], phones: [], amounts: [], dates: [] },
    maintenance: { issueType: 'plumbing', safetyFlags: [] },
    routeTo: 'maintenance_supervisor',
    suggestedActions: ['create_work_order'],
    needsHuman: false,
    needsHumanReasons: [],
    engine: 'rules',
    reasons: ['test'],
  };
  return Triage.parse({ ...base, ...overrides });
}

/** An emergency triage with these hazards. */
export const emergency = (safetyFlags: NonNullable<Triage['maintenance']>['safetyFlags'], language = 'en') =>
  triage({
    category: 'maintenance_emergency',
    urgency: 'emergency',
    language,
    maintenance: { issueType: 'other', safetyFlags },
    needsHuman: true,
    needsHumanReasons: ['emergency'],
  });
