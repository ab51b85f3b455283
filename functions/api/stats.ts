import { OrgStats } from '#domain/stats/org-stats.ts';
import {
  DEFAULT_STATS_DAYS,
  InvalidStatsPeriodError,
  MAX_STATS_DAYS,
  StatsQuery,
} from '#domain/stats/stats-period.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { validationError } from '#platform/http/validation.ts';
import { type ComputeStatsDeps, computeStats } from '#usecases/compute-stats.ts';

export function statsRoutes(deps: ComputeStatsDeps): Record<'getStats', Operation> {
  return {
    getStats: operation(
      {
        summary: "The org's activity in a period",
        description:
          `Emails by category, urgency and status, workflows by state, median time to classify, ` +
          `approvals pending, Claude vs rules share and token spend. Default period: the last ${DEFAULT_STATS_DAYS} days; ` +
          `at most ${MAX_STATS_DAYS} days.`,
        query: StatsQuery,
        responses: { 200: { description: 'The stats of the period', body: OrgStats } },
      },
      async (request) => {
        try {
          return jsonResponse(200, await computeStats(deps, orgOf(request), request.query));
        } catch (error) {
          if (!(error instanceof InvalidStatsPeriodError)) throw error;
          throw validationError('query', error.issues);
        }
      },
    ),
  };
}
