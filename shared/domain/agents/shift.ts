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
