import { describe, expect, it } from 'vitest';
import type { Shift } from '#domain/agents/agent.ts';
import { isTimeZone, localTime, onShift, withinShift } from '#domain/agents/shift.ts';

const nights: Shift = { days: ['mon'], start: '22:00', end: '06:00' };
const days: Shift = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
const utc = (iso: string) => new Date(iso);

describe('withinShift', () => {
  it('covers a day shift from its start, up to (not at) its end, on its days only', () => {
    // 2026-11-30 is a Monday, 2026-11-28 a Saturday.
    expect(withinShift(days, utc('2026-11-30T08:59:00Z'), 'UTC')).toBe(false);
    expect(withinShift(days, utc('2026-11-30T09:00:00Z'), 'UTC')).toBe(true);
    expect(withinShift(days, utc('2026-11-30T16:59:00Z'), 'UTC')).toBe(true);
    expect(withinShift(days, utc('2026-11-30T17:00:00Z'), 'UTC')).toBe(false);
    expect(withinShift(days, utc('2026-11-28T12:00:00Z'), 'UTC')).toBe(false);
  });

  it('runs an overnight shift from its day’s evening into the next morning, and not the morning of its own day', () => {
    expect(withinShift(nights, utc('2026-11-30T21:59:00Z'), 'UTC')).toBe(false);
    expect(withinShift(nights, utc('2026-11-30T22:00:00Z'), 'UTC')).toBe(true);
    expect(withinShift(nights, utc('2026-11-30T23:59:00Z'), 'UTC')).toBe(true);
    // Tuesday morning belongs to Monday night's shift.
    expect(withinShift(nights, utc('2026-12-01T00:00:00Z'), 'UTC')).toBe(true);
    expect(withinShift(nights, utc('2026-12-01T05:59:00Z'), 'UTC')).toBe(true);
    expect(withinShift(nights, utc('2026-12-01T06:00:00Z'), 'UTC')).toBe(false);
    // Monday morning follows Sunday night, which is no shift day.
    expect(withinShift(nights, utc('2026-11-30T02:00:00Z'), 'UTC')).toBe(false);
    // Tuesday evening is no shift either.
    expect(withinShift(nights, utc('2026-12-01T23:00:00Z'), 'UTC')).toBe(false);
  });

  it("reads the hours on the org's clock: 09:00 in Chicago is 15:00 UTC in winter, 14:00 in summer", () => {
    expect(withinShift(days, utc('2026-11-30T14:30:00Z'), 'America/Chicago')).toBe(false);
    expect(withinShift(days, utc('2026-11-30T15:00:00Z'), 'America/Chicago')).toBe(true);
    expect(withinShift(days, utc('2026-06-01T14:00:00Z'), 'America/Chicago')).toBe(true);
    // A Friday 20:00 in Chicago is already Saturday in UTC: the org's weekday decides.
    expect(withinShift(days, utc('2026-12-05T01:30:00Z'), 'America/Chicago')).toBe(false);
    expect(withinShift(days, utc('2026-12-04T22:30:00Z'), 'America/Chicago')).toBe(true);
  });

  it('keeps a night shift to local hours across the change to daylight saving time', () => {
    // US clocks jump from 02:00 to 03:00 on Sunday 2026-03-08 (06:00 UTC was 00:00 CST, 08:00 UTC is 03:00 CDT).
    const saturdayNights: Shift = { days: ['sat'], start: '22:00', end: '06:00' };
    const zone = 'America/Chicago';
    expect(localTime(utc('2026-03-08T07:59:00Z'), zone)).toEqual({ weekday: 'sun', minute: 1 * 60 + 59 });
    expect(localTime(utc('2026-03-08T08:00:00Z'), zone)).toEqual({ weekday: 'sun', minute: 3 * 60 });
    expect(withinShift(saturdayNights, utc('2026-03-08T04:00:00Z'), zone)).toBe(true); // 22:00 CST
    expect(withinShift(saturdayNights, utc('2026-03-08T10:59:00Z'), zone)).toBe(true); // 05:59 CDT
    // 06:00 local is 11:00 UTC after the change (it was 12:00 UTC the night before).
    expect(withinShift(saturdayNights, utc('2026-03-08T11:00:00Z'), zone)).toBe(false);
  });

  it('and back to standard time: the repeated hour is within the shift both times', () => {
    // 2026-11-01: 02:00 CDT becomes 01:00 CST; 06:30 and 07:30 UTC are both 01:30 local.
    const saturdayNights: Shift = { days: ['sat'], start: '22:00', end: '06:00' };
    const zone = 'America/Chicago';
    for (const at of ['2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z'])
      expect(withinShift(saturdayNights, utc(at), zone)).toBe(true);
    expect(withinShift(saturdayNights, utc('2026-11-01T11:59:00Z'), zone)).toBe(true); // 05:59 CST
    expect(withinShift(saturdayNights, utc('2026-11-01T12:00:00Z'), zone)).toBe(false); // 06:00 CST
  });
});

describe('onShift and isTimeZone', () => {
  it('counts an agent without set hours always on shift', () => {
    expect(onShift({}, utc('2026-11-28T03:00:00Z'), 'UTC')).toBe(true);
    expect(onShift({ shift: days }, utc('2026-11-28T03:00:00Z'), 'UTC')).toBe(false);
  });

  it('knows IANA zones and refuses names the runtime does not know', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
