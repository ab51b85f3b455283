import { describe, expect, it } from 'vitest';
import { nextAfter, onCallAt, Rotation, turnAt } from '#domain/on-call/rotation.ts';

const CHICAGO = 'America/Chicago';
// Monday 2 March 2026, 09:00 in Chicago; daylight saving starts there on Sunday 8 March.
const rotation: Rotation = { agentIds: ['ana', 'ben', 'cy'], start: { date: '2026-03-02', time: '09:00' } };
const at = (iso: string) => new Date(iso);

describe('a weekly on-call rotation on the org clock', () => {
  it('gives each week to the next person, handing over at the local time, whatever daylight saving did', () => {
    expect(onCallAt(rotation, at('2026-03-02T15:00:00Z'), CHICAGO)).toBe('ana'); // 09:00 CST: the start
    expect(onCallAt(rotation, at('2026-03-02T14:59:00Z'), CHICAGO)).toBeUndefined(); // before it: nobody
    // The next Monday is on daylight time: 09:00 CDT is 14:00Z, an hour earlier in UTC than the start.
    expect(onCallAt(rotation, at('2026-03-09T13:59:00Z'), CHICAGO)).toBe('ana');
    expect(onCallAt(rotation, at('2026-03-09T14:00:00Z'), CHICAGO)).toBe('ben');
    expect(onCallAt(rotation, at('2026-03-18T03:00:00Z'), CHICAGO)).toBe('cy'); // Tuesday night, week 3
    expect(onCallAt(rotation, at('2026-03-23T14:00:00Z'), CHICAGO)).toBe('ana'); // round again
  });

  it('reads the same instant differently in another zone', () => {
    // 2026-03-09T14:30Z is Monday 09:30 in Chicago (ben's week) but Monday 07:30 in Los Angeles (still ana's).
    expect(turnAt(rotation, at('2026-03-09T14:30:00Z'), CHICAGO)).toBe('ben');
    expect(turnAt(rotation, at('2026-03-09T14:30:00Z'), 'America/Los_Angeles')).toBe('ana');
  });

  it('lets an override win over the week while it lasts (from inclusive, to exclusive; the last listed wins)', () => {
    const covered: Rotation = {
      ...rotation,
      overrides: [
        { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z', agentId: 'dee' },
        { from: '2026-03-10T06:00:00Z', to: '2026-03-10T12:00:00Z', agentId: 'eve' },
      ],
    };
    expect(onCallAt(covered, at('2026-03-09T23:59:59Z'), CHICAGO)).toBe('ben');
    expect(onCallAt(covered, at('2026-03-10T00:00:00Z'), CHICAGO)).toBe('dee');
    expect(onCallAt(covered, at('2026-03-10T07:00:00Z'), CHICAGO)).toBe('eve');
    expect(onCallAt(covered, at('2026-03-10T12:00:00Z'), CHICAGO)).toBe('dee');
    expect(onCallAt(covered, at('2026-03-11T00:00:00Z'), CHICAGO)).toBe('ben');
  });

  it('escalates to the next person in the order, and from a stand-in to the week’s own turn', () => {
    const monday = at('2026-03-09T15:00:00Z');
    expect(nextAfter(rotation, 'ana', monday, CHICAGO)).toBe('ben');
    expect(nextAfter(rotation, 'cy', monday, CHICAGO)).toBe('ana');
    expect(nextAfter(rotation, 'dee', monday, CHICAGO)).toBe('ben');
    const alone: Rotation = { ...rotation, agentIds: ['ana'] };
    expect(nextAfter(alone, 'ana', monday, CHICAGO)).toBeUndefined();
  });

  it('refuses what would page nobody or too many: empty, over 52 people, 101 overrides, an override ending first', () => {
    const check = (value: unknown) => Rotation.safeParse(value).success;
    expect(check(rotation)).toBe(true);
    expect(check({ ...rotation, agentIds: [] })).toBe(false);
    expect(check({ ...rotation, agentIds: Array.from({ length: 53 }, (_, i) => `p${i}`) })).toBe(false);
    expect(check({ ...rotation, agentIds: ['not an id!'] })).toBe(false);
    expect(check({ ...rotation, start: { date: '2026-13-01', time: '09:00' } })).toBe(false);
    const override = { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z', agentId: 'dee' };
    expect(check({ ...rotation, overrides: Array.from({ length: 100 }, () => override) })).toBe(true);
    expect(check({ ...rotation, overrides: Array.from({ length: 101 }, () => override) })).toBe(false);
    expect(check({ ...rotation, overrides: [{ ...override, to: override.from }] })).toBe(false);
  });
});
