/** A named dependency check for `GET /health/ready`. */
export type HealthCheck = () => Promise<void>;

export interface ReadinessReport {
  status: 'ok' | 'degraded';
  checks: Record<string, { status: 'ok' | 'failing'; latencyMs: number; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Runs every check in parallel, each bounded, and reports each one's status and latency. */
export async function runReadinessChecks(checks: Record<string, HealthCheck>): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
          }),
        ]);
        return [name, { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        const message =
          error instanceof Error ? (error.name === 'Error' ? error.message : error.name) : 'failed';
        return [
          name,
          { status: 'failing' as const, latencyMs: Math.round(performance.now() - started), error: message },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report = Object.fromEntries(entries);
  return { status: entries.every(([, c]) => c.status === 'ok') ? 'ok' : 'degraded', checks: report };
}
