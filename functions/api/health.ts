import { type HealthCheck, runReadinessChecks } from '#platform/health.ts';
import { jsonResponse } from '#platform/http/response.ts';
import type { RouteImplementation } from '#platform/http/router.ts';

export function healthRoutes(
  checks: Record<string, HealthCheck>,
): Record<'health' | 'ready', RouteImplementation> {
  return {
    // Liveness: this instance answers. Nothing else is checked, so it never flaps.
    health: async () => jsonResponse(200, { status: 'ok' }),
    ready: async () => {
      const report = await runReadinessChecks(checks);
      return jsonResponse(report.status === 'ok' ? 200 : 503, report);
    },
  };
}
