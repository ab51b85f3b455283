import { wallClock } from '#domain/wall-clock.ts';
import type { Weekday } from '#vocabulary/desk.ts';
import type { Agent, Shift } from './agent.ts';

/** The org's clock when none is set: UTC. */
export const DEFAULT_TIME_ZONE = 'UTC';

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};
const ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The weekday and minute of the day an instant is, on a time zone's clock. */
export function localTime(at: Date, timeZone: string): { weekday: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAY_OF[part('weekday')];
  if (!weekday) throw new Error(`no weekday for ${at.toISOString()} in ${timeZone}`);
  return { weekday, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function dayBefore(day: Weekday): Weekday {
  return ORDER[(ORDER.indexOf(day) + 6) % 7] as Weekday;
}

/** Whether an instant falls in a shift: a day's shift that runs past midnight covers the next morning. */
export function withinShift(shift: Shift, at: Date, timeZone: string): boolean {
  const { weekday, minute } = localTime(at, timeZone);
  const start = minutesOf(shift.start);
  const end = minutesOf(shift.end);
  if (start < end) return shift.days.includes(weekday) && minute >= start && minute < end;
  // Overnight: the evening of a shift day, or the morning after one.
  return (
    (shift.days.includes(weekday) && minute >= start) ||
    (shift.days.includes(dayBefore(weekday)) && minute < end)
  );
}

/** On shift: no set hours, or now within them. */
export function onShift(agent: Pick<Agent, 'shift'>, at: Date, timeZone: string): boolean {
  return agent.shift === undefined || withinShift(agent.shift, at, timeZone);
}

/** Whether a name is a time zone this runtime knows (org settings are checked with it). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** JavaScript's `getUTCDay` order (Sunday first). */
const BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The first instant the wall clock of `timeZone` reads `wall` (local fields as UTC ms): of two
 * (the hour repeated when clocks go back) the earlier; of none (the hour skipped when they go
 * forward) the moment the clock jumps past it, when the shift is on by `withinShift`'s reading.
 */
function instantOfWallClock(wall: number, timeZone: string): number {
  // The offsets around it: a day either side holds both sides of any change.
  const offsets = [wall - DAY_MS, wall + DAY_MS].map((t) => wallClock(new Date(t), timeZone) - t);
  const candidates = [...new Set(offsets)].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallClock(new Date(t), timeZone) === wall);
  if (exact !== undefined) return exact;
  // Skipped: before the earlier candidate the clock reads less, at the later one more; the jump is between.
  let before = candidates[0] ?? wall;
  let after = candidates.at(-1) ?? wall;
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (wallClock(new Date(middle), timeZone) >= wall) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * When the shift next starts after `after` (strictly), on the org's clock: the start time of the
 * next listed day, an overnight shift counting from its evening. The hours stay local across
 * daylight-saving changes. Within eight days, since a shift has at least one day.
 */
export function nextShiftStart(shift: Shift, after: Date, timeZone: string): Date {
  const today = Math.floor(wallClock(after, timeZone) / DAY_MS) * DAY_MS;
  const start = minutesOf(shift.start) * MINUTE_MS;
  for (let day = 0; day <= 8; day += 1) {
    const date = today + day * DAY_MS;
    if (!shift.days.includes(BY_UTC_DAY[new Date(date).getUTCDay()] as Weekday)) continue;
    const instant = instantOfWallClock(date + start, timeZone);
    if (instant > after.getTime()) return new Date(instant);
  }
  throw new Error(`shift ${JSON.stringify(shift)} has no start within eight days of ${after.toISOString()}`);
}
