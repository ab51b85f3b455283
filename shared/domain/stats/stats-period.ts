import { z } from 'zod';
import { IsoInstant } from '../iso-instant.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_STATS_DAYS = 30;
/** A quarter: long enough for a quarterly review, short enough to keep one request's reads bounded. */
export const MAX_STATS_DAYS = 92;

/**
 * `GET /v1/stats` query. Strict, so a misspelt bound is an error rather than a silent default.
 * Cross-field rules (order, length, defaults) need the current time: `resolveStatsPeriod`.
 */
export const StatsQuery = z.strictObject({
  from: IsoInstant.optional().meta({
    description: `Start of the period, inclusive (a date means 00:00 UTC). Default: ${DEFAULT_STATS_DAYS} days before \`to\`.`,
  }),
  to: IsoInstant.optional().meta({
    description: `End of the period, exclusive; a date includes that whole day (UTC). Default: now. At most ${MAX_STATS_DAYS} days after \`from\`.`,
  }),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

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
