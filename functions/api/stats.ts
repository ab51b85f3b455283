import { StatsQuery, StatsView } from '#contracts/stats.ts';
import { InvalidStatsPeriodError } from '#domain/stats/stats-period.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { validationError } from '#platform/http/validation.ts';
import { type ComputeStatsDeps, computeStats } from '#usecases/compute-stats.ts';
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS } from '#vocabulary/stats.ts';

export function statsRoutes(deps: ComputeStatsDeps): Record<'getStats', Operation> {
  return {
    getStats: operation(
      {
        summary: "The org's activity in a period",
        description:
          `Emails by category, urgency and status, workflows by type and status with their service levels ` +
          `(median times to first response, vendor acceptance and completion, reopen rate, SLA breaches, ` +
          `routine jobs closed by troubleshooting), median time to classify, ` +
          `approvals pending, Claude vs rules share and token spend. Default period: the last ${DEFAULT_STATS_DAYS} days; ` +
          `at most ${MAX_STATS_DAYS} days.`,
        query: StatsQuery,
        responses: { 200: { description: 'The stats of the period', body: StatsView } },
      },
      async (request) => {
        try {
          // Typed by the contract: the domain's figures are published as they are.
          const stats: StatsView = await computeStats(deps, orgOf(request), request.query);
          return jsonResponse(200, stats);
        } catch (error) {
          if (!(error instanceof InvalidStatsPeriodError)) throw error;
          throw validationError('query', error.issues);
        }
      },
    ),
  };
}
