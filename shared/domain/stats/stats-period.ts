import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS } from '#vocabulary/stats.ts';

const DAY_MS = 86_400_000;
/**
 * The periods that can be counted: stored times sort as `toISOString` strings, which holds for
 * four-digit years only (`+010000-…` sorts before `2026-…`).
 */
const EARLIEST_START_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_END_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** The period bounds as asked (ISO-8601 dates or date-times with their zone; validated at the edge). */
export interface StatsQuery {
  readonly from?: string;
  readonly to?: string;
}

/** A half-open period [from, to) as the `toISOString` form stored listings sort by. */
export interface StatsPeriod {
  readonly from: string;
  readonly to: string;
}

export interface PeriodIssue {
  readonly path: 'from' | 'to';
  readonly message: string;
}

export class InvalidStatsPeriodError extends Error {
  constructor(readonly issues: readonly PeriodIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'InvalidStatsPeriodError';
  }
}

const isDateOnly = (value: string) => !value.includes('T');

/** The query's period with its defaults filled in; throws InvalidStatsPeriodError when unusable. */
export function resolveStatsPeriod(query: StatsQuery, now: Date): StatsPeriod {
  const to = query.to
    ? new Date(Date.parse(query.to) + (isDateOnly(query.to) ? DAY_MS : 0))
    : new Date(now.getTime());
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_STATS_DAYS * DAY_MS);
  if (to.getTime() > LATEST_END_MS) {
    throw new InvalidStatsPeriodError([{ path: 'to', message: 'the period must end before the year 10000' }]);
  }
  if (from.getTime() < EARLIEST_START_MS) {
    throw new InvalidStatsPeriodError([
      { path: 'from', message: 'the period must begin in the year 0 or later' },
    ]);
  }
  if (from.getTime() >= to.getTime()) {
    throw new InvalidStatsPeriodError([{ path: 'from', message: 'must be before `to`' }]);
  }
  if (to.getTime() - from.getTime() > MAX_STATS_DAYS * DAY_MS) {
    // Only a given `from` can stretch it: a default `from` is always DEFAULT_STATS_DAYS back.
    throw new InvalidStatsPeriodError([
      { path: 'from', message: `the period may span at most ${MAX_STATS_DAYS} days` },
    ]);
  }
  return { from: from.toISOString(), to: to.toISOString() };
}
