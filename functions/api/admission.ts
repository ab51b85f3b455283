import { type RateLimiter, rateLimitHeaders } from '#domain/access/rate-limit.ts';
import type { Clock } from '#domain/clock.ts';
import { problem } from '#platform/http/problem.ts';
import type { Admission, RouterOptions } from '#platform/http/router.ts';

export interface AdmissionDeps {
  readonly limiter: RateLimiter;
  /** Records the key's last use (at most once a minute; never throws). */
  readonly recordUse: (keyId: string) => Promise<void>;
  readonly clock: Clock;
  /** For keys that set no limit of their own. */
  readonly defaultLimitPerMinute: number;
}

/**
 * What every authenticated request passes before its operation runs: the key's per-minute
 * limit (429 with Retry-After past it, 503 when it could not be counted in time; RateLimit-*
 * headers on every answer) and its last-use
 * time. Both here rather than in the authorizer, whose answers API Gateway caches for 300 s.
 */
export function admission(deps: AdmissionDeps): NonNullable<RouterOptions['admit']> {
  return async (principal, requestId): Promise<Admission> => {
    const [decision] = await Promise.all([
      deps.limiter.consume(
        principal.keyId,
        principal.rateLimitPerMinute ?? deps.defaultLimitPerMinute,
        deps.clock.now(),
      ),
      deps.recordUse(principal.keyId),
    ]);
    const headers = rateLimitHeaders(decision);
    if (decision.allowed) return { headers };
    if (decision.undecided)
      return {
        headers,
        refused: problem(503, 'unavailable', {
          detail: 'the rate limit of this key could not be counted in time; retry in a second',
          instance: requestId,
        }),
      };
    return {
      headers,
      refused: problem(429, 'rate-limited', {
        detail: `this key may make ${decision.limit} requests a minute; retry after ${headers['retry-after']} s`,
        instance: requestId,
      }),
    };
  };
}
