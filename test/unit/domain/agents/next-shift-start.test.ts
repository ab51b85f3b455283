import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Shift } from '#domain/agents/agent.ts';
import { nextShiftStart, withinShift } from '#domain/agents/shift.ts';
import { WEEKDAYS } from '#vocabulary/desk.ts';

const days: Shift = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
const nights: Shift = { days: ['mon'], start: '22:00', end: '06:00' };
const next = (shift: Shift, after: string, timeZone = 'UTC') =>
  nextShiftStart(shift, new Date(after), timeZone).toISOString();

describe('nextShiftStart', () => {
  it('is the start of the next listed day, strictly after the instant', () => {
    // 2026-11-28 is a Saturday, 2026-11-30 a Monday.
    expect(next(days, '2026-11-28T12:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
    expect(next(days, '2026-11-30T08:59:00Z')).toBe('2026-11-30T09:00:00.000Z');
    // At its start, or within it, the next one is tomorrow's.
    expect(next(days, '2026-11-30T09:00:00Z')).toBe('2026-12-01T09:00:00.000Z');
    expect(next(days, '2026-12-04T10:00:00Z')).toBe('2026-12-07T09:00:00.000Z');
  });

  it('starts an overnight shift on its evening; its morning after is no start; one day a week is a week on', () => {
    expect(next(nights, '2026-11-30T21:00:00Z')).toBe('2026-11-30T22:00:00.000Z');
    // Tuesday 03:00, within Monday's night: the next start is next Monday's evening.
    expect(next(nights, '2026-12-01T03:00:00Z')).toBe('2026-12-07T22:00:00.000Z');
    expect(next(nights, '2026-11-30T22:00:00Z')).toBe('2026-12-07T22:00:00.000Z');
  });

  it("counts days on the org's clock, not UTC's", () => {
    // Monday 02:00 UTC is Sunday 21:00 in New York: Monday 09:00 there is 14:00 UTC.
    expect(next(days, '2026-11-30T02:00:00Z', 'America/New_York')).toBe('2026-11-30T14:00:00.000Z');
    // Monday 23:59 UTC is Tuesday 08:59 in Tokyo: a minute before Tuesday's start there.
    expect(next(days, '2026-11-30T23:59:00Z', 'Asia/Tokyo')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('keeps the hours local across daylight-saving changes', () => {
    // New York: clocks go forward on Sunday 2027-03-14, back on Sunday 2026-11-01.
    const every: Shift = { days: [...WEEKDAYS], start: '09:00', end: '17:00' };
    expect(next(every, '2027-03-13T15:00:00Z', 'America/New_York')).toBe('2027-03-14T13:00:00.000Z');
    expect(next(every, '2026-10-31T14:00:00Z', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
    // 02:30 does not exist on 2027-03-14: the shift starts when the clock jumps to 03:00 (07:00 UTC).
    const skipped: Shift = { days: ['sun'], start: '02:30', end: '10:00' };
    expect(next(skipped, '2027-03-14T00:00:00Z', 'America/New_York')).toBe('2027-03-14T07:00:00.000Z');
    // 01:30 happens twice on 2026-11-01: the first (EDT, 05:30 UTC).
    const repeated: Shift = { days: ['sun'], start: '01:30', end: '10:00' };
    expect(next(repeated, '2026-11-01T00:00:00Z', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is always later, within eight days, and on shift at that instant', () => {
    const shift = fc
      .record({
        days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
        start: fc.integer({ min: 0, max: 1439 }),
        length: fc.integer({ min: 1, max: 1439 }),
      })
      .map(({ days: listed, start, length }) => {
        const time = (minute: number) =>
          `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        return { days: listed, start: time(start), end: time((start + length) % 1440) } satisfies Shift;
      });
    const zones = fc.constantFrom(
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Australia/Sydney',
    );
    const instant = fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2028-01-01T00:00:00Z'),
    });
    fc.assert(
      fc.property(shift, zones, instant, (s, timeZone, ms) => {
        const after = new Date(Math.floor(ms / 60_000) * 60_000);
        const start = nextShiftStart(s, after, timeZone);
        expect(start.getTime()).toBeGreaterThan(after.getTime());
        expect(start.getTime() - after.getTime()).toBeLessThanOrEqual(8 * 24 * 3_600_000);
        expect(withinShift(s, start, timeZone)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
