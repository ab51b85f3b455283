import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationsIn, feeDayIn } from '#domain/compliance/quantities.ts';
import { plainText, sentencesOf, wordPattern } from '#domain/compliance/text.ts';

/** Any code points, lone surrogates and combining marks included (cheaper than fast-check's 'binary' unit). */
const anyText = fc
  .array(fc.oneof(fc.nat({ max: 0x2ff }), fc.nat({ max: 0x10ffff })), { maxLength: 40 })
  .map((points) => String.fromCodePoint(...points));

describe('plain text', () => {
  it("keeps one character for each of the original's, so findings quote the draft", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(plainText(text)).toHaveLength(text.length);
      }),
    );
    expect(plainText('Niños ÁRBOL don’t')).toBe("ninos arbol don't");
  });

  it('splits sentences at their ends, not inside amounts', () => {
    const plain = plainText('Rent is $1,200.50 a month. Fees apply!\nThanks');
    expect(sentencesOf(plain).map((sentence) => sentence.plain.trim())).toEqual([
      'rent is $1,200.50 a month.',
      'fees apply!',
      'thanks',
    ]);
  });

  it('matches whole words with any punctuation between them, character classes left alone', () => {
    expect(wordPattern('non refundable').test('a non-refundable fee')).toBe(true);
    expect(wordPattern('age').test('water damage')).toBe(false);
    expect(wordPattern('if[a-z ,]{0,20} we').test('if late, we')).toBe(true);
  });
});

describe('quantities', () => {
  it('reads durations in English and Spanish, business days apart', () => {
    expect(durationsIn('within two weeks or 14 business days').map((d) => [d.days, d.business])).toEqual([
      [14, false],
      [14, true],
    ]);
    expect(durationsIn('con 24 horas de anticipacion')[0]?.days).toBe(1);
    expect(durationsIn('dentro de cuarenta y ocho horas')[0]?.days).toBe(2);
  });

  it('reads the day a late fee starts, rent due on the 1st', () => {
    expect(feeDayIn('charged on the 3rd')?.day).toBe(3);
    expect(feeDayIn('if not paid by the 3rd')?.day).toBe(4);
    expect(feeDayIn('a partir del 5 de cada mes')?.day).toBe(5);
    expect(feeDayIn('no day here')).toBeUndefined();
  });
});
