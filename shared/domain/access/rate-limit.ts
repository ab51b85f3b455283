/**
 * Per-key rate limits: a fixed one-minute window per API key, counted across Lambda instances
 * (the adapter keeps the counter in DynamoDB). A fixed window lets a client spend up to twice
 * its limit around a window boundary; that is accepted for one cheap write per request.
 */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** The window a moment falls in. */
export interface RateLimitWindow {
  /** Epoch seconds of the window's first second: the window's id. */
  readonly startSeconds: number;
  /** Whole seconds until the next window begins, rounded up: 1..60, never 0. */
  readonly resetSeconds: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /**
   * Refused because the count could not be taken in time (it may or may not have been spent): a
   * slow store is no reason to let a request through, and no proof the key is over its limit.
   */
  readonly undecided?: true;
  readonly limit: number;
  /** Requests still allowed in this window after this one. */
  readonly remaining: number;
  readonly resetSeconds: number;
}

/** Counts requests per API key; key ids are globally unique, so no org is needed. */
export interface RateLimiter {
  /** Spends one request of the key's window at `now`, unless the window is used up. */
  consume(keyId: string, limitPerMinute: number, now: Date): Promise<RateLimitDecision>;
}

export function rateLimitWindow(now: Date): RateLimitWindow {
  const windowMs = RATE_LIMIT_WINDOW_SECONDS * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    startSeconds: startMs / 1000,
    // Rounded up so a client that waits this long is in the next window, even mid-second.
    resetSeconds: Math.ceil((startMs + windowMs - now.getTime()) / 1000),
  };
}

/** `used`: requests counted in the window, this one included. */
export function admitted(limit: number, window: RateLimitWindow, used: number): RateLimitDecision {
  return { allowed: true, limit, remaining: Math.max(0, limit - used), resetSeconds: window.resetSeconds };
}

export function refused(limit: number, window: RateLimitWindow): RateLimitDecision {
  return { allowed: false, limit, remaining: 0, resetSeconds: window.resetSeconds };
}

export function undecided(limit: number, window: RateLimitWindow): RateLimitDecision {
  return { allowed: false, undecided: true, limit, remaining: 0, resetSeconds: window.resetSeconds };
}

/**
 * The RateLimit header fields of draft-ietf-httpapi-ratelimit-headers (the separate-fields form
 * most clients read), plus Retry-After (RFC 9110) on a refusal. Names are lower-case, as API
 * Gateway proxy results carry them here.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
    'ratelimit-policy': `${decision.limit};w=${RATE_LIMIT_WINDOW_SECONDS}`,
  };
  // At least 1: `Retry-After: 0` invites an immediate retry that would be refused again. An
  // undecided request may be retried at once: the window is not known to be used up.
  if (!decision.allowed)
    headers['retry-after'] = decision.undecided ? '1' : String(Math.max(1, decision.resetSeconds));
  return headers;
}
