import { describe, expect, it } from 'vitest';
import { splitClauses } from '#domain/classification/clauses.ts';
import { isCold, isDangerouslyHot, temperaturesIn } from '#domain/classification/living-conditions.ts';
import { isNegatedAt } from '#domain/classification/negation.ts';
import { normalise } from '#domain/classification/normalise.ts';
import { separateChain } from '#domain/classification/quoted-chain.ts';
import {
  isAboutEquipmentWork,
  isForYourRecords,
  isHypothetical,
  isResolved,
} from '#domain/classification/statement-markers.ts';

describe('splitClauses', () => {
  it('cuts at sentence ends and contrast words, keeps commas as negation stops', () => {
    expect(splitClauses('No smoke, no sparks. But the outlet is HOT! Pero huele a quemado')).toEqual([
      'no smoke , no sparks',
      'the outlet is hot',
      'huele a quemado',
    ]);
  });

  it('does not cut inside numbers and times', () => {
    expect(splitClauses('It is 2.5 inches deep since 7:30')).toEqual(['it is 2 5 inches deep since 7 30']);
  });
});

describe('isNegatedAt', () => {
  const negated = (clause: string, phrase: string) => isNegatedAt(clause, clause.indexOf(phrase));

  it('denies a phrase a few words after a negation', () => {
    expect(negated('there is no sign of smoke', 'smoke')).toBe(true);
    expect(negated('i dont smell gas', 'smell gas')).toBe(true);
    expect(negated('no hay humo', 'humo')).toBe(true);
  });

  it('stops at a comma or a new statement', () => {
    expect(negated('no sparks , the outlet is hot', 'hot')).toBe(false);
    expect(negated('it doesnt work and smells like burning', 'smells like burning')).toBe(false);
  });
});

describe('statement markers', () => {
  it.each([
    ['what if the pipes freeze', isHypothetical],
    ['in case of a fire where do we go', isHypothetical],
    ['que hacemos si se inunda', isHypothetical],
    ['co detector installation next week', isAboutEquipmentWork],
    ['the gas line inspection is tuesday', isAboutEquipmentWork],
    ['the leak was fixed on monday', isResolved],
    ['ya lo arreglaron', isResolved],
    ['fyi for your records', isForYourRecords],
  ] as const)('%s', (clause, marker) => {
    expect(marker(clause)).toBe(true);
  });

  it('keeps a past event that is still happening', () => {
    expect(isResolved('it was fixed last month but it is leaking again')).toBe(false);
  });
});

describe('living conditions', () => {
  it('reads temperatures with where they were taken', () => {
    expect(temperaturesIn(normalise("thermostat says 55, it's -8 outside, 97 degrees"))).toEqual([
      { degrees: 55, where: 'inside' },
      { degrees: -8, where: 'outside' },
      { degrees: 97, where: 'unsaid' },
    ]);
  });

  it('does not read unit numbers or counts as temperatures', () => {
    expect(temperaturesIn(normalise("unit 12, it's 3 days now, $1,180 rent"))).toEqual([]);
  });

  it('tells cold and dangerous heat', () => {
    expect(isCold(normalise('it is 54 degrees inside'))).toBe(true);
    expect(isCold(normalise('it is 70 degrees inside'))).toBe(false);
    expect(isDangerouslyHot(normalise('it is 88 degrees inside'))).toBe(true);
    expect(isDangerouslyHot(normalise('it is 90 outside'))).toBe(false);
    expect(isDangerouslyHot(normalise('estamos a 110 afuera'))).toBe(true);
  });
});

describe('separateChain', () => {
  it('keeps a forwarded message apart from the sender’s note, without its headers', () => {
    expect(
      separateChain(
        'Please handle.\n---------- Forwarded message ---------\nFrom: A <a@example.com>\nDate: Mon\nSubject: x\n\nThe sink leaks.',
      ),
    ).toEqual({ newText: 'Please handle.', forwarded: 'The sink leaks.' });
  });

  it('treats a forward inside a reply’s quoted chain as history', () => {
    expect(
      separateChain('Thanks!\nOn Mon, Jan 6 Office wrote:\n> ---------- Forwarded message ---------\n> old'),
    ).toEqual({ newText: 'Thanks!', forwarded: '' });
  });
});
