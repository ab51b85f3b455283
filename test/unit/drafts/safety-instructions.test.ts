import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeReplyDraft } from '#domain/drafts/compose.ts';
import { SAFETY_INSTRUCTIONS, safetyInstructionsFor } from '#domain/drafts/safety-instructions.ts';
import { DRAFT_LANGUAGES, EMERGENCY_HAZARDS, type EmergencyHazard } from '#vocabulary/triage.ts';
import { emergency, templateDraftOf } from './triages.ts';

/** The data file's own text for a hazard, read straight from the file (not through the code under test). */
function fileText(hazard: EmergencyHazard | 'water_near_electricity', language: 'en' | 'es') {
  const block = SAFETY_INSTRUCTIONS.blocks[SAFETY_INSTRUCTIONS.flags[hazard]];
  if (!block) throw new Error(`no block for ${hazard}`);
  return {
    rank: block.rank,
    text: block[language].replace('{shutOff}', SAFETY_INSTRUCTIONS.shutOffDefault[language]),
  };
}

const gas = { subject: 'Gas smell', text: 'Strong smell of gas in the kitchen.' };

describe('emergency safety instructions', () => {
  it.each(
    EMERGENCY_HAZARDS.flatMap((hazard) => DRAFT_LANGUAGES.map((language) => [hazard, language] as const)),
  )('a %s emergency in %s starts with the data file’s exact instructions', async (hazard, language) => {
    const draft = await templateDraftOf(emergency([hazard], language), gas);
    const expected = fileText(hazard, language).text;
    expect(draft.text.startsWith(expected)).toBe(true);
    expect(draft.safetyPreamble).toBe(expected);
    expect(draft.language).toBe(language);
  });

  it('several hazards: each block once, most dangerous first, in Spanish for a Spanish message', async () => {
    const hazards: EmergencyHazard[] = ['active_leak', 'smoke', 'flooding', 'fire', 'gas', 'electrical'];
    const draft = await templateDraftOf(emergency(hazards, 'es'), gas);
    const blocks = [
      ...new Map(hazards.map((h) => [SAFETY_INSTRUCTIONS.flags[h], fileText(h, 'es')])).values(),
    ]
      .sort((a, b) => a.rank - b.rank)
      .map((block) => block.text);
    expect(blocks).toHaveLength(4);
    expect(draft.text.startsWith(blocks.join('\n\n'))).toBe(true);
    expect(draft.text.indexOf('FUEGO O HUMO')).toBe(0);
    expect(draft.text.match(/FUEGO O HUMO/g)).toHaveLength(1);
  });

  it('says what the issue asks for each hazard', () => {
    const [gasEn] = safetyInstructionsFor(['gas'], 'en');
    for (const words of [
      'Leave the building now',
      'light switches',
      'phones',
      'flame',
      'gas utility',
      '911',
      'outside',
    ])
      expect(gasEn).toContain(words);
    expect(safetyInstructionsFor(['fire'], 'en')[0]).toContain('911');
    expect(safetyInstructionsFor(['carbon_monoxide'], 'en')[0]).toMatch(/Get everyone.*out.*911/);
    expect(safetyInstructionsFor(['gas'], 'es')[0]).toMatch(/Salgan.*911/s);
    // Electrical: 911 for smoke, sparks, a burning smell or heat that does not stop; nothing touched,
    // the panel included (it may be what is overheating), and never anything wet.
    const [electricalEn] = safetyInstructionsFor(['electrical'], 'en');
    expect(electricalEn).toMatch(
      /smoke, flame, sparks, a burning smell, or an outlet or panel that stays hot.*911/,
    );
    expect(electricalEn).toContain('do not touch the outlet, switch, cord or electrical panel');
    expect(electricalEn).not.toMatch(/breaker|cool to the touch/);
    expect(electricalEn).toContain('never touch anything electrical that is wet');
    const [electricalEs] = safetyInstructionsFor(['electrical'], 'es');
    expect(electricalEs).toMatch(
      /humo, llamas, chispas, olor a quemado, o un enchufe o panel que sigue caliente.*911/,
    );
    expect(electricalEs).toContain('no toquen el enchufe, el interruptor, el cable ni el panel eléctrico');
    expect(electricalEs).not.toMatch(/breaker|frío al tacto/);
    expect(electricalEs).toContain('nunca toquen nada eléctrico que esté mojado');
  });

  it('flooding names the shut-off from the org’s record when known, the main shut-off otherwise', () => {
    expect(
      safetyInstructionsFor(['flooding'], 'en', {
        shutOffLocation: { en: 'the valve under the kitchen sink' },
      })[0],
    ).toContain('turn off the water at the valve under the kitchen sink');
    expect(safetyInstructionsFor(['flooding'], 'en')[0]).toContain(
      'turn off the water at the main water shut-off',
    );
    expect(safetyInstructionsFor(['active_leak'], 'es')[0]).toContain('la llave de paso principal del agua');
    expect(safetyInstructionsFor(['flooding'], 'en')[0]).toMatch(/electricity away from the water/);
  });

  it('every hazard at once still fits one draft, in either language', async () => {
    for (const language of DRAFT_LANGUAGES) {
      const draft = await templateDraftOf(emergency([...EMERGENCY_HAZARDS], language), gas, {
        shutOffLocation: 'x'.repeat(1000),
      });
      expect(draft.safetyPreamble?.split('\n\n')).toHaveLength(
        new Set(Object.values(SAFETY_INSTRUCTIONS.flags)).size - 1,
      );
    }
  });

  it('an emergency named by no known hazard still starts with the general instruction', async () => {
    const draft = await templateDraftOf(emergency([]), gas);
    expect(draft.text.startsWith(SAFETY_INSTRUCTIONS.blocks.general?.en ?? '?')).toBe(true);
  });

  it('then says who is coming and when: the routed role’s on-call team, within the window and no later', async () => {
    const byDefault = await templateDraftOf(emergency(['gas']), gas);
    const preambleEnd = byDefault.text.indexOf('\n\n', (byDefault.safetyPreamble ?? '').length);
    expect(byDefault.text.slice(0, preambleEnd + 200)).toContain(
      'Our on-call maintenance team is handling this as an emergency and will contact you within 2 hours',
    );
    const fromRequest = await templateDraftOf(emergency(['gas'], 'es'), gas, { responseWindowMinutes: 45 });
    expect(fromRequest.text).toContain('Nuestro equipo de mantenimiento de guardia');
    expect(fromRequest.text).toContain('dentro de 45 minutos');
    expect(fromRequest.text).not.toMatch(/\b(hours|horas)\b/);
  });

  it('no body a drafter writes comes before or changes the instructions', async () => {
    const t = emergency(['gas', 'carbon_monoxide']);
    const preamble = safetyInstructionsFor(['gas', 'carbon_monoxide'], 'en').join('\n\n');
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (text) => {
        const draft = composeReplyDraft({
          triage: t,
          message: gas,
          body: { text: `${text} Ignore the safety steps, stay inside.`, engine: 'claude', cited: [] },
          facts: [],
          language: 'en',
          now: new Date('2026-11-27T12:00:00Z'),
        });
        expect(draft.text.startsWith(preamble)).toBe(true);
        expect(draft.safetyPreamble).toBe(preamble);
      }),
      { numRuns: 100 },
    );
  });

  it('a routine message gets no safety preamble', async () => {
    const draft = await templateDraftOf(emergency([]), gas);
    expect(draft.safetyPreamble).toBeDefined();
    const routine = await templateDraftOf(
      { ...emergency([]), category: 'maintenance_request', urgency: 'low' },
      { subject: 'Faucet', text: 'The faucet drips.' },
    );
    expect(routine.safetyPreamble).toBeUndefined();
    expect(routine.text.startsWith('Hello,')).toBe(true);
  });
});
