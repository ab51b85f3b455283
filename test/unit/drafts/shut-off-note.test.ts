import { describe, expect, it } from 'vitest';
import {
  SAFETY_INSTRUCTIONS,
  safetyInstructionsFor,
  shutOffTextFor,
} from '#domain/drafts/safety-instructions.ts';

/**
 * Where the water shut-off is, in the reply's language: the note in that language inside the
 * flooding sentence; an English-only note never inside a Spanish sentence (the generic phrase
 * there, the English note quoted apart after the block); a plain note, as older orgs wrote it,
 * has no known language: never inside a sentence in either language, quoted apart and labelled.
 */
const en = 'the blue valve under the kitchen sink';
const es = 'la llave azul debajo del fregadero de la cocina';
const generic = SAFETY_INSTRUCTIONS.shutOffDefault;

describe('shutOffTextFor', () => {
  it('uses the note in the reply’s language', () => {
    expect(shutOffTextFor({ en, es }, 'en')).toEqual({ inSentence: en });
    expect(shutOffTextFor({ en, es }, 'es')).toEqual({ inSentence: es });
    expect(shutOffTextFor({ en }, 'en')).toEqual({ inSentence: en });
  });

  it('keeps an English-only note out of a Spanish sentence and quotes it apart, marked as English', () => {
    const text = shutOffTextFor({ en }, 'es');
    expect(text.inSentence).toBe(generic.es);
    expect(text.apart).toBe(`La administración indica dónde está la llave de paso, en inglés: «${en}».`);
  });

  it('keeps a plain note (no known language) out of every sentence: the generic phrase, the note quoted apart', () => {
    for (const plain of [en, es]) {
      expect(shutOffTextFor(plain, 'en')).toEqual({
        inSentence: generic.en,
        apart: `Shut-off location, as your manager wrote it: «${plain}».`,
      });
      expect(shutOffTextFor(plain, 'es')).toEqual({
        inSentence: generic.es,
        apart: `Ubicación de la llave de paso, tal como la escribió la administración: «${plain}».`,
      });
    }
  });

  it('falls back to the generic phrase when the org said nothing', () => {
    expect(shutOffTextFor(undefined, 'en')).toEqual({ inSentence: generic.en });
    expect(shutOffTextFor(undefined, 'es')).toEqual({ inSentence: generic.es });
  });

  it('bounds each text to 200 characters', () => {
    expect(shutOffTextFor({ en: 'x'.repeat(1000) }, 'es').apart).toContain(`«${'x'.repeat(200)}»`);
    expect(shutOffTextFor({ en, es: 'y'.repeat(1000) }, 'es').inSentence).toHaveLength(200);
    expect(shutOffTextFor('z'.repeat(1000), 'en').apart).toContain(`«${'z'.repeat(200)}»`);
  });
});

describe('the flooding instructions with a note per language', () => {
  it('English: the English note in the sentence', () => {
    const [block] = safetyInstructionsFor(['flooding'], 'en', { shutOffLocation: { en, es } });
    expect(block).toContain(`turn off the water at ${en}.`);
    expect(block).not.toContain(es);
  });

  it('Spanish: the Spanish note in the sentence, no English anywhere', () => {
    const [block] = safetyInstructionsFor(['active_leak'], 'es', { shutOffLocation: { en, es } });
    expect(block).toContain(`cierren el agua en ${es}.`);
    expect(block).not.toContain(en);
  });

  it('Spanish with an English-only note: a whole Spanish sentence, then the English note quoted apart', () => {
    const [block] = safetyInstructionsFor(['flooding'], 'es', { shutOffLocation: { en } });
    expect(block).toContain(`cierren el agua en ${generic.es}.`);
    expect(block).not.toContain(`en ${en}`);
    expect(block?.endsWith(`en inglés: «${en}».`)).toBe(true);
  });

  it('the quoted note goes only after the block that names the shut-off', () => {
    const blocks = safetyInstructionsFor(['gas', 'flooding', 'no_heat'], 'es', { shutOffLocation: { en } });
    expect(blocks.filter((block) => block.includes(en))).toHaveLength(1);
    expect(blocks.find((block) => block.includes(en))).toMatch(/^FUGA DE AGUA/);
  });
});

describe('the flooding instructions with a plain note (no known language)', () => {
  it('English: the generic phrase in the sentence, then the note quoted and labelled', () => {
    for (const plain of [en, es]) {
      const [block] = safetyInstructionsFor(['flooding'], 'en', { shutOffLocation: plain });
      expect(block).toContain(`turn off the water at ${generic.en}.`);
      expect(block).not.toContain(`at ${plain}`);
      expect(block?.endsWith(`Shut-off location, as your manager wrote it: «${plain}».`)).toBe(true);
    }
  });

  it('Spanish: the generic phrase in the sentence, then the note quoted and labelled', () => {
    for (const plain of [en, es]) {
      const [block] = safetyInstructionsFor(['active_leak'], 'es', { shutOffLocation: plain });
      expect(block).toContain(`cierren el agua en ${generic.es}.`);
      expect(block).not.toContain(`en ${plain}`);
      expect(block?.endsWith(`tal como la escribió la administración: «${plain}».`)).toBe(true);
    }
  });
});
