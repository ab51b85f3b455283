/**
 * How a resilient call fails on its own account (not the dependency's error). Free of cockatiel,
 * like circuit.ts, so a caller that only recognises these (an HTTP client run without the policy,
 * as readiness runs its probes) does not bundle it.
 */

/** The call was not made: its circuit is open after repeated failures. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  constructor(readonly circuit: string) {
    super(`circuit ${circuit} is open`);
  }
}

/** The call was not made: its key already has as many calls running and waiting as it allows. */
export class ConcurrencyLimitError extends Error {
  override readonly name = 'ConcurrencyLimitError';
  constructor(readonly circuit: string) {
    super(`too many calls waiting on ${circuit}`);
  }
}

/** The call (retries and backoff included) did not finish within its budget. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  constructor(
    readonly circuit: string,
    readonly timeoutMs: number,
  ) {
    super(`call on circuit ${circuit} took longer than ${timeoutMs} ms`);
  }
}
