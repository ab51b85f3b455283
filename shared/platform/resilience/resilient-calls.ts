import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  type IBackoffFactory,
  type IPolicy,
  type IRetryBackoffContext,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { type CircuitRecorder, type CircuitStatus, circuitName } from './circuit.ts';
import { CallTimeoutError, CircuitOpenError, ConcurrencyLimitError } from './errors.ts';

export { CallTimeoutError, CircuitOpenError, ConcurrencyLimitError };

export interface ResilienceOptions {
  /** The breaker's name; each key gets its own breaker, recorded as `name:key`. */
  readonly name: string;
  /** Whole-call budget, retries and backoff included; the attempt's signal aborts at the deadline. */
  readonly timeoutMs: number;
  /** Attempts after the first one, for errors `isRetryable` accepts (e.g. HTTP 429, 529, 5xx). */
  readonly retries: number;
  readonly isRetryable: (error: unknown) => boolean;
  /**
   * How long the dependency asked to be left alone after this error (HTTP Retry-After), if it
   * said: the next attempt waits at least that long, and none is made if that overruns the budget.
   */
  readonly retryAfterMs?: (error: unknown) => number | undefined;
  /** Exponential backoff between attempts, with decorrelated jitter so callers do not retry in step. */
  readonly backoff?: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  /**
   * Which errors count against the breaker; by default all. An answer that only says the request
   * was wrong (HTTP 400, 404) proves the dependency is up and must not open its circuit.
   */
  readonly countsAsFailure?: (error: unknown) => boolean;
  /**
   * At most `maxCalls` calls per key run at once, and `maxQueued` more wait for a slot (their
   * wait is outside the call's budget); beyond that a call fails with ConcurrencyLimitError.
   */
  readonly concurrency?: { readonly maxCalls: number; readonly maxQueued: number };
  /** Consecutive failed calls (after their retries) that open a breaker. */
  readonly failuresToOpen: number;
  /** How long a breaker stays open before one trial call is let through. */
  readonly halfOpenAfterMs: number;
  /** Told of every transition; a call that caused one returns only once it is recorded. */
  readonly recorder?: CircuitRecorder;
}

const STATUS: Readonly<Record<CircuitState, CircuitStatus>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

type RetryContext = IRetryBackoffContext<unknown>;

/** The backoff's delay, or the dependency's own hint when that is longer. */
function atLeastHinted(
  backoff: IBackoffFactory<RetryContext>,
  hintMs: (error: unknown) => number | undefined,
): IBackoffFactory<RetryContext> {
  return {
    next(context) {
      const next = backoff.next(context);
      const hint = 'error' in context.result ? hintMs(context.result.error) : undefined;
      return { duration: Math.max(next.duration, hint ?? 0), next: atLeastHinted(next, hintMs).next };
    },
  };
}

/**
 * Timeout, retry with backoff and jitter, and a circuit breaker around calls to one dependency
 * (Claude, Rentvine), with one breaker per key where a dependency fails per tenant (one org's
 * Rentvine account must not open every org's circuit). The breaker sits outside the timeout and
 * the retries, so one call that exhausted its budget counts as one failure.
 */
export class ResilientCalls {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly bulkheads = new Map<string, IPolicy>();
  private readonly backoff: IBackoffFactory<RetryContext>;
  private readonly timeoutPolicy;
  /** Transition recordings still under way; a call returns only once they are done. */
  private recording: Promise<void> = Promise.resolve();

  constructor(private readonly options: ResilienceOptions) {
    const { initialDelayMs, maxDelayMs } = options.backoff ?? { initialDelayMs: 200, maxDelayMs: 2_000 };
    const exponential = new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs });
    this.backoff = options.retryAfterMs ? atLeastHinted(exponential, options.retryAfterMs) : exponential;
    this.timeoutPolicy = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  }

  /**
   * Runs `call` under the key's breaker (the unkeyed one without a key); cockatiel's errors become
   * ours. `budget` gives this call a whole-call budget of its own instead of the policy's (a kind
   * of call that needs longer, under the key's breaker and the same retries).
   */
  async execute<T>(
    call: (signal: AbortSignal) => Promise<T>,
    key?: string,
    budget?: { readonly timeoutMs: number },
  ): Promise<T> {
    const name = circuitName(this.options.name, key);
    const timeoutMs = budget?.timeoutMs ?? this.options.timeoutMs;
    const timeoutPolicy = budget ? timeout(timeoutMs, TimeoutStrategy.Aggressive) : this.timeoutPolicy;
    // The budget starts when the call gets its slot, not while it waits for one.
    const guarded = () =>
      wrap(this.breaker(name), timeoutPolicy, this.retriesUntil(Date.now() + timeoutMs)).execute(
        ({ signal }) => {
          // A retry's backoff can end after the deadline: no attempt starts once the call has timed out.
          signal.throwIfAborted();
          return call(signal);
        },
      );
    try {
      const slots = this.bulkhead(name);
      return await (slots ? slots.execute(guarded) : guarded());
    } catch (error) {
      // instanceof, not cockatiel's is…Error helpers: in 3.2.1 some test the wrong marker.
      if (error instanceof BulkheadRejectedError) throw new ConcurrencyLimitError(name);
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(name);
      if (error instanceof TaskCancelledError) throw new CallTimeoutError(name, timeoutMs);
      throw error;
    } finally {
      // Inside the invocation: a frozen Lambda instance would otherwise hold the write back.
      await this.recording;
    }
  }

  /** The key's breaker as this instance sees it; `closed` for a key never called. */
  circuitState(key?: string): CircuitStatus {
    const breaker = this.breakers.get(circuitName(this.options.name, key));
    return breaker ? STATUS[breaker.state] : 'closed';
  }

  /** Retries of retryable errors, unless the dependency asked for a wait that ends past the deadline. */
  private retriesUntil(deadline: number) {
    const { isRetryable, retryAfterMs, retries } = this.options;
    const waitFits = (error: unknown) => (retryAfterMs?.(error) ?? 0) < deadline - Date.now();
    return retry(
      handleWhen((error) => isRetryable(error) && waitFits(error)),
      { maxAttempts: retries, backoff: this.backoff },
    );
  }

  private bulkhead(name: string): IPolicy | undefined {
    const { concurrency } = this.options;
    if (!concurrency) return undefined;
    let slots = this.bulkheads.get(name);
    if (!slots) {
      slots = bulkhead(concurrency.maxCalls, concurrency.maxQueued);
      this.bulkheads.set(name, slots);
    }
    return slots;
  }

  private breaker(name: string): CircuitBreakerPolicy {
    const existing = this.breakers.get(name);
    if (existing) return existing;
    // Every failure counts unless told otherwise, invalid answers included: a dependency that
    // keeps answering garbage is as unusable as one that is down.
    const counts = this.options.countsAsFailure;
    const breaker = circuitBreaker(counts ? handleWhen(counts) : handleAll, {
      halfOpenAfter: this.options.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(this.options.failuresToOpen),
    });
    const recorder = this.options.recorder;
    if (recorder) {
      breaker.onStateChange((state) => {
        const at = new Date();
        this.recording = Promise.allSettled([
          this.recording,
          Promise.resolve().then(() => recorder.record(name, STATUS[state], at)),
        ]).then(() => undefined);
      });
    }
    this.breakers.set(name, breaker);
    return breaker;
  }
}
