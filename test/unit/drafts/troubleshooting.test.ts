import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TROUBLESHOOTING_LIBRARY, troubleshootingFor } from '#domain/drafts/troubleshooting.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';
import { EMERGENCY_HAZARDS, ISSUE_TYPES, SAFETY_FLAGS } from '#vocabulary/triage.ts';
import { emergency, templateDraftOf, triage } from './triages.ts';

const routine = (issueType: (typeof ISSUE_TYPES)[number], language = 'en') =>
  triage({ maintenance: { issueType, safetyFlags: [] }, language });

const entries = Object.entries(TROUBLESHOOTING_LIBRARY.entries);
const { always } = TROUBLESHOOTING_LIBRARY;
const allExcludedWords = [...always.excludedWords.en, ...always.excludedWords.es];

describe('the troubleshooting library', () => {
  it.each([
    [
      'tripped_breaker',
      'electrical',
      'The power went out in the bedroom and two outlets stopped working.',
      'en',
    ],
    ['gfci_outlet', 'electrical', 'The bathroom outlet is dead since this morning.', 'en'],
    ['gfci_outlet', 'electrical', 'MY KITCHEN OUTLET DOESN’T WORK', 'en'],
    ['disposal_reset', 'appliance', 'My garbage disposal just hums and will not spin.', 'en'],
    ['thermostat_batteries', 'hvac', 'The thermostat screen is blank.', 'en'],
    ['clogged_drain', 'plumbing', 'The bathroom sink is clogged and drains slowly.', 'en'],
    ['running_toilet', 'plumbing', 'The toilet keeps running all night.', 'en'],
    ['clogged_drain', 'plumbing', 'El lavamanos del baño está tapado y no drena.', 'es'],
    ['disposal_reset', 'appliance', 'El triturador de basura no funciona.', 'es'],
  ] as const)('offers %s for a routine %s request', (id, issueType, text, language) => {
    const offered = troubleshootingFor(routine(issueType, language), text, language);
    expect(offered?.id).toBe(id);
    expect(offered?.steps).toEqual(TROUBLESHOOTING_LIBRARY.entries[id]?.steps[language]);
  });

  it('is offered inside a routine draft, after the body, in the message’s language', async () => {
    const draft = await templateDraftOf(routine('plumbing', 'es'), {
      subject: 'Lavamanos',
      text: 'El lavamanos está tapado.',
    });
    expect(draft.text).toContain(TROUBLESHOOTING_LIBRARY.entries.clogged_drain?.steps.es[0]);
  });

  it('is never offered when an exclusion holds (property: any hazard, flag, issue type, word or category)', () => {
    const cue = fc.constantFrom(...entries.flatMap(([, entry]) => [...entry.cues.en, ...entry.cues.es]));
    const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^a-z ]/gi, ' '));
    const issueType = fc.constantFrom(...ISSUE_TYPES);
    const excludedFlag = fc.constantFrom(...always.excludedSafetyFlags);
    const anyFlags = fc.subarray([...SAFETY_FLAGS]);
    fc.assert(
      fc.property(cue, filler, issueType, excludedFlag, anyFlags, (said, noise, type, flag, flags) => {
        const text = `${noise} ${said} ${noise}`;
        // A hazard or excluded safety flag, whatever else the message says.
        const flagged = triage({
          maintenance: { issueType: type, safetyFlags: [...new Set([...flags, flag])] },
        });
        expect(troubleshootingFor(flagged, text, 'en')).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(cue, fc.constantFrom(...allExcludedWords), filler, (said, word, noise) => {
        expect(
          troubleshootingFor(
            triage({ maintenance: { issueType: 'other', safetyFlags: [] } }),
            `${said} ${noise} ${word}`,
            'en',
          ),
        ).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(cue, fc.constantFrom(...EMERGENCY_HAZARDS), (said, hazard) => {
        expect(troubleshootingFor(emergency([hazard]), said, 'en')).toBeUndefined();
        expect(troubleshootingFor(emergency([]), said, 'en')).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(
        cue,
        fc.constantFrom(
          ...CATEGORIES.filter((c) => c !== 'maintenance_request' && c !== 'maintenance_emergency'),
        ),
        (said, category) => {
          const other = triage({ category, maintenance: undefined, urgency: 'low' });
          expect(troubleshootingFor(other, said, 'en')).toBeUndefined();
        },
      ),
    );
    fc.assert(
      fc.property(cue, fc.constantFrom(...always.excludedIssueTypes), (said, type) => {
        expect(troubleshootingFor(routine(type), said, 'en')).toBeUndefined();
      }),
    );
  });

  it('each entry’s own exclusions win over its cues', () => {
    for (const [id, entry] of entries)
      for (const word of [...entry.excludedWords.en, ...entry.excludedWords.es]) {
        const text = `${entry.cues.en[0]} and ${word}`;
        const offered = troubleshootingFor(routine(entry.issueTypes[0] ?? 'other'), text, 'en');
        expect(offered?.id, `${id} with "${word}"`).not.toBe(id);
      }
  });

  it('never for gas, fire, electrical panels or water near electricity', () => {
    const electrical = routine('electrical');
    for (const text of [
      'The power went out and the panel is hot and buzzing.',
      'Outlet not working, there is water dripping on the outlet',
      'No power in the kitchen and I smell burning',
      'Thermostat blank and a gas smell near the furnace',
      'Se fue la luz y el panel eléctrico echa chispas',
    ])
      expect(troubleshootingFor(electrical, text, 'en'), text).toBeUndefined();
    expect(
      troubleshootingFor(
        triage({ maintenance: { issueType: 'electrical', safetyFlags: ['water_near_electricity'] } }),
        'outlet not working',
        'en',
      ),
    ).toBeUndefined();
  });

  it('never appears in an emergency draft', async () => {
    const draft = await templateDraftOf(emergency(['no_heat']), {
      subject: 'Heat',
      text: 'The thermostat is blank and there is no heat.',
    });
    expect(draft.text).not.toContain('While you wait');
    expect(draft.text).not.toContain(TROUBLESHOOTING_LIBRARY.entries.thermostat_batteries?.steps.en[1]);
  });
});

describe('water near electricity and drain cleaners', () => {
  const { waterNearElectricity } = always;
  // A stem's written form stands for the words it covers: "overflow*" is written "overflowed".
  const written = (word: string) => (word.endsWith('*') ? `${word.slice(0, -1)}ed` : word);

  it.each([
    ['The bathroom outlet stopped working after the sink overflowed onto it', 'electrical'],
    ['Kitchen outlet not working, I splashed some water near it while cooking', 'electrical'],
    ['The GFCI outlet is dead, my kid spilled juice on it', 'electrical'],
    ['The power went out in the bedroom after the ceiling dripped on the light', 'electrical'],
    ['El enchufe del baño no funciona, se derramó el agua del lavamanos encima', 'electrical'],
    ['El enchufe dejo de funcionar, está todo mojado', 'electrical'],
    ['Se fue la luz en la cocina, el interruptor quedó empapado', 'electrical'],
  ] as const)('offers nothing for "%s"', (text, issueType) => {
    expect(troubleshootingFor(routine(issueType), text, 'en')).toBeUndefined();
    expect(troubleshootingFor(triage({ maintenance: undefined }), text, 'es')).toBeUndefined();
  });

  it('offers nothing when any water word stands near any electrical word (property)', () => {
    const words = (cues: { en: string[]; es: string[] }) => fc.constantFrom(...cues.en, ...cues.es);
    const filler = fc.array(fc.constantFrom('the', 'my', 'el', 'it', 'now', 'again'), {
      maxLength: waterNearElectricity.withinWords - 3,
    });
    const cue = fc.constantFrom(...entries.flatMap(([, entry]) => [...entry.cues.en, ...entry.cues.es]));
    fc.assert(
      fc.property(
        cue,
        words(waterNearElectricity.water),
        words(waterNearElectricity.electrical),
        filler,
        fc.boolean(),
        (said, wet, powered, between, waterFirst) => {
          const pair = waterFirst
            ? [written(wet), ...between, written(powered)]
            : [written(powered), ...between, written(wet)];
          const text = `${said}. ${pair.join(' ')}`;
          expect(
            troubleshootingFor(triage({ maintenance: { issueType: 'other', safetyFlags: [] } }), text, 'en'),
          ).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('still offers self-help when the water is far from anything electrical', () => {
    const text = `The bathroom sink is clogged and the water drains slowly. ${'Nothing else is new here. '.repeat(3)}The hallway light works fine.`;
    expect(troubleshootingFor(routine('plumbing'), text, 'en')?.id).toBe('clogged_drain');
  });

  it.each([
    'The tub is clogged, I already poured Drano in it',
    'Bathroom sink clogged, I used a chemical drain cleaner yesterday',
    'The shower drains slowly, there is lye in it now',
    'El lavamanos está tapado, le eché destapacaños',
  ])('offers no plunging after a drain cleaner: "%s"', (text) => {
    expect(troubleshootingFor(routine('plumbing'), text, 'en')).toBeUndefined();
  });

  it('matches stems in English and Spanish', () => {
    for (const text of [
      'The toilet keeps running and it overflowed twice',
      'El inodoro sigue corriendo y se desbordó anoche',
      'The sink is clogged and water spilled all over',
    ])
      expect(troubleshootingFor(routine('plumbing'), text, 'en'), text).toBeUndefined();
  });
});
