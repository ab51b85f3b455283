import type { CheckStatus } from '#vocabulary/health.ts';

/** What a check found; a check that resolves without one passed, one that throws failed. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  /** Facts for operators, never secrets: e.g. a circuit's state and since when. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** A named dependency check for `GET /health/ready`. */
export type HealthCheck = () => Promise<CheckOutcome | undefined>;

/**
 * A check and whether readiness depends on it. Optional dependencies (Claude, whose outage the
 * rules absorb) are reported but do not make the instance unready.
 */
export interface ReadinessCheck {
  readonly run: HealthCheck;
  readonly required: boolean;
}

export interface CheckReport {
  status: CheckStatus;
  required: boolean;
  latencyMs: number;
  error?: string;
  detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface ReadinessReport {
  /** `ok` only when every required check is ok (answered 200); `degraded` otherwise (503). */
  status: 'ok' | 'degraded';
  checks: Record<string, CheckReport>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** A bare check is required. */
function asReadinessCheck(check: HealthCheck | ReadinessCheck): ReadinessCheck {
  return typeof check === 'function' ? { run: check, required: true } : check;
}

async function runOne(check: ReadinessCheck): Promise<CheckReport> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      check.run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return {
      status: outcome?.status ?? 'ok',
      required: check.required,
      latencyMs: latency(),
      ...(outcome?.detail ? { detail: outcome.detail } : {}),
    };
  } catch (error) {
    const message = error instanceof Error ? (error.name === 'Error' ? error.message : error.name) : 'failed';
    return { status: 'failing', required: check.required, latencyMs: latency(), error: message };
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessChecks = Readonly<Record<string, HealthCheck | ReadinessCheck>>;

/** Runs every check in parallel, each bounded, and reports each one's status and latency. */
export async function runReadinessChecks(checks: ReadinessChecks): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, check]) => [name, await runOne(asReadinessCheck(check))] as const,
    ),
  );
  const ready = entries.every(([, report]) => !report.required || report.status === 'ok');
  return { status: ready ? 'ok' : 'degraded', checks: Object.fromEntries(entries) };
}
