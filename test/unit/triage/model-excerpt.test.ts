import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_EXCERPT_CHARS, modelExcerpt } from '#domain/triage/model-excerpt.ts';

describe('modelExcerpt', () => {
  it('leaves a message that fits as it is', () => {
    expect(modelExcerpt('The faucet drips.')).toBe('The faucet drips.');
  });

  it('keeps the beginning and the end of a long message around one marked cut', () => {
    const opening = 'Hi, this is Dana in 4B writing about my renewal. ';
    const ending = 'Also the outlet by the bed is black and hot.';
    const text = `${opening}${'Some history about the lease. '.repeat(500)}${ending}`;

    const excerpt = modelExcerpt(text);

    expect(excerpt.length).toBeLessThanOrEqual(MODEL_EXCERPT_CHARS);
    expect(excerpt.startsWith(opening.trim())).toBe(true);
    expect(excerpt.endsWith(ending)).toBe(true);
    expect(excerpt.match(/characters omitted/g)).toHaveLength(1);
  });

  it('never exceeds its bound: shorter text is untouched, longer text is marked where it was cut', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 3_000 }),
        fc.integer({ min: 80, max: 1_000 }),
        (text, max) => {
          const excerpt = modelExcerpt(text, max);
          expect(excerpt.length).toBeLessThanOrEqual(Math.max(max, 0));
          if (text.length <= max) expect(excerpt).toBe(text);
          else expect(excerpt).toContain('characters omitted');
        },
      ),
    );
  });
});
