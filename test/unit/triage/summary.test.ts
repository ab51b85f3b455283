import { describe, expect, it } from 'vitest';
import { summarise } from '#domain/triage/summary.ts';

const noEntities = { people: [], phones: [], amounts: [], dates: [] };

describe('summarise', () => {
  it('writes one English sentence from the category and the key entities', () => {
    expect(
      summarise({
        category: 'maintenance_emergency',
        hazards: ['active_leak'],
        maintenance: { issueType: 'plumbing', location: 'bathroom ceiling', safetyFlags: ['active_leak'] },
        entities: { ...noEntities, unit: 'departamento 206' },
        language: 'es',
      }),
    ).toBe('Emergency repair: active leak, plumbing, bathroom ceiling, unit 206 (written in Spanish).');
    expect(
      summarise({
        category: 'payment_arrangement',
        hazards: [],
        entities: { ...noEntities, unit: '#115', amounts: ['$400', '$1,180'] },
        language: 'en',
      }),
    ).toBe('Request for a payment arrangement: unit #115, amounts $400 and $1,180.');
    expect(
      summarise({ category: 'general_inquiry', hazards: [], entities: noEntities, language: 'en' }),
    ).toBe('General inquiry.');
  });
});
