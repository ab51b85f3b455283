import { Liveness, Readiness } from '#contracts/health.ts';
import { type ReadinessChecks, runReadinessChecks } from '#platform/health.ts';
import { type Operation, operation } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';

export function healthOperations(checks: ReadinessChecks): Record<'health' | 'ready', Operation> {
  return {
    // Liveness: this instance answers. Nothing else is checked, so it never flaps.
    health: operation(
      { summary: 'Liveness', responses: { 200: { description: 'This instance answers', body: Liveness } } },
      async () => jsonResponse(200, { status: 'ok' }),
    ),
    ready: operation(
      {
        summary: 'Readiness: each dependency check with its status and latency',
        responses: {
          200: { description: 'Every dependency answers', body: Readiness },
          503: { description: 'A required check is failing; `checks` has every check' },
        },
      },
      async ({ requestId }) => {
        const report = await runReadinessChecks(checks);
        if (report.status === 'ok') return jsonResponse(200, report);
        return problem(503, 'unavailable', {
          detail: 'a required dependency check is failing',
          instance: requestId,
          extensions: { checks: report.checks },
        });
      },
    ),
  };
}
