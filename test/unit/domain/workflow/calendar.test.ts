import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, addMinutes, earliest } from '#domain/workflow/calendar.ts';

const at = (iso: string) => new Date(iso);

describe('deadline arithmetic (UTC)', () => {
  it('one business day after a Friday is the Monday, same time', () => {
    expect(addBusinessDays(at('2026-12-04T15:30:00Z'), 1).toISOString()).toBe('2026-12-07T15:30:00.000Z');
  });

  it('one business day after a Saturday or a Sunday is the Monday', () => {
    expect(addBusinessDays(at('2026-12-05T09:00:00Z'), 1).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(addBusinessDays(at('2026-12-06T09:00:00Z'), 1).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('one business day after a Tuesday is the Wednesday; five is a week later', () => {
    expect(addBusinessDays(at('2026-12-01T09:00:00Z'), 1).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(addBusinessDays(at('2026-12-01T09:00:00Z'), 5).toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });

  it('zero business days is the same instant', () => {
    expect(addBusinessDays(at('2026-12-05T09:00:00Z'), 0).toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });

  it('adds minutes and days, and a negative number of days goes back', () => {
    expect(addMinutes(at('2026-12-01T23:50:00Z'), 15).toISOString()).toBe('2026-12-02T00:05:00.000Z');
    expect(addDays(at('2026-12-01T10:00:00Z'), -3).toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });

  it('earliest of instants ignores the unknown ones', () => {
    expect(earliest('2026-12-02T00:00:00.000Z', undefined, '2026-12-01T00:00:00.000Z')).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(earliest(undefined)).toBeUndefined();
  });
});
