import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import type { RentvineAccount, RentvineAccounts } from '#domain/rentvine/ports.ts';
import type { CircuitRecorder } from '#platform/resilience/circuit.ts';
import { ResilientCalls } from '#platform/resilience/resilient-calls.ts';
import { RentvineClient } from './account.ts';
import { countsAsFailure, isRetryable, retryAfter } from './http.ts';
import type { RentvineSessions } from './sessions.ts';
import type { WorkOrderWriterOptions } from './work-orders.ts';

/** The name every org's Rentvine breaker is recorded under: `rentvine:<orgId>`. */
export const RENTVINE_CIRCUIT = 'rentvine';

export interface RentvineCallPolicy {
  /** Whole-call budget per request, retries and backoff included. */
  readonly timeoutMs: number;
  /** Attempts after the first on 429/5xx/no answer (reads; writes only when provably not taken). */
  readonly retries: number;
  readonly backoff?: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  /** Consecutive failed calls that open an org's circuit, and how long it stays open. */
  readonly failuresToOpen: number;
  readonly halfOpenAfterMs: number;
  /** Requests one instance sends to one org's account at once, and how many more may wait. */
  readonly maxConcurrentPerOrg: number;
  readonly maxQueuedPerOrg: number;
  readonly recorder?: CircuitRecorder;
}

/** For sync and writes: patient (readiness probes run apart, with a short deadline and no retries). */
export const DEFAULT_CALL_POLICY: RentvineCallPolicy = {
  timeoutMs: 30_000,
  retries: 4,
  backoff: { initialDelayMs: 250, maxDelayMs: 8_000 },
  failuresToOpen: 5,
  halfOpenAfterMs: 30_000,
  maxConcurrentPerOrg: 4,
  maxQueuedPerOrg: 1_000,
};

/** The resilience every org's calls run under, one breaker and concurrency cap per org. */
export function rentvineCalls(policy: RentvineCallPolicy = DEFAULT_CALL_POLICY): ResilientCalls {
  return new ResilientCalls({
    name: RENTVINE_CIRCUIT,
    timeoutMs: policy.timeoutMs,
    retries: policy.retries,
    backoff: policy.backoff,
    isRetryable,
    retryAfterMs: retryAfter,
    countsAsFailure,
    failuresToOpen: policy.failuresToOpen,
    halfOpenAfterMs: policy.halfOpenAfterMs,
    concurrency: { maxCalls: policy.maxConcurrentPerOrg, maxQueued: policy.maxQueuedPerOrg },
    recorder: policy.recorder,
  });
}

/** Every org's Rentvine account, writes keyed through the idempotency ledger. */
export class ConnectedRentvineAccounts implements RentvineAccounts {
  constructor(
    private readonly sessions: RentvineSessions,
    private readonly ledger: IdempotencyLedger,
    private readonly options: WorkOrderWriterOptions = {},
  ) {}

  async forOrg(orgId: string): Promise<RentvineAccount | undefined> {
    const session = await this.sessions.session(orgId);
    return session ? new RentvineClient(session, this.ledger, this.options) : undefined;
  }

  connectedOrgs(): Promise<readonly string[]> {
    return this.sessions.connectedOrgs();
  }
}
