import type { Clock } from '#domain/clock.ts';
import type { OrgActivityReader } from '#domain/stats/org-activity.ts';
import { aggregateStats, type OrgStats } from '#domain/stats/org-stats.ts';
import { resolveStatsPeriod, type StatsQuery } from '#domain/stats/stats-period.ts';

/** Emails and workflows one request counts at most (each): bounded reads, `truncated` beyond. */
export const STATS_ITEM_LIMIT = 10_000;

export interface ComputeStatsDeps {
  readonly activity: OrgActivityReader;
  readonly clock: Clock;
  /** Defaults to STATS_ITEM_LIMIT. */
  readonly itemLimit?: number;
}

/** The org's stats for the query's period; throws InvalidStatsPeriodError for an unusable one. */
export async function computeStats(
  deps: ComputeStatsDeps,
  orgId: string,
  query: StatsQuery,
): Promise<OrgStats> {
  const period = resolveStatsPeriod(query, deps.clock.now());
  const activity = await deps.activity.read(orgId, period, deps.itemLimit ?? STATS_ITEM_LIMIT);
  return aggregateStats(period, activity);
}
