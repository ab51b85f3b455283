/** Time arithmetic of deadlines, in UTC (an org's own time zone is not known to the domain yet). */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY);
}

/** `days` business days later: Saturdays and Sundays do not count (a Friday offer ends on Monday). */
export function addBusinessDays(at: Date, days: number): Date {
  let result = at;
  let left = days;
  while (left > 0) {
    result = addDays(result, 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}

export function earliest(...instants: readonly (string | undefined)[]): string | undefined {
  const known = instants.filter((i): i is string => i !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => (a <= b ? a : b));
}
