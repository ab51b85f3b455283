import { describe, expect, it } from 'vitest';
import { type RateLimitDecision, rateLimitWindow, refused, undecided } from '#domain/access/rate-limit.ts';
import { admission } from '#functions/api/admission.ts';

const NOW = new Date(Date.UTC(2026, 10, 21, 10, 0, 15));
const principal = {
  orgId: 'acme',
  keyId: 'abcdefghijklmnop',
  scopes: ['events:read'],
  rateLimitPerMinute: 5,
};

const admit = (decision: RateLimitDecision) =>
  admission({
    limiter: { consume: async () => decision },
    recordUse: async () => undefined,
    clock: { now: () => NOW },
    defaultLimitPerMinute: 600,
  })(principal, 'req-1');

describe('admission', () => {
  it('answers 429 with Retry-After at the end of the window past the limit', async () => {
    const { refused: answer, headers } = await admit(refused(5, rateLimitWindow(NOW)));
    expect(answer?.statusCode).toBe(429);
    expect(headers?.['retry-after']).toBe('45');
  });

  it('answers 503, retry in a second, when the count could not be taken in time', async () => {
    const { refused: answer, headers } = await admit(undecided(5, rateLimitWindow(NOW)));
    expect(answer?.statusCode).toBe(503);
    expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({
      type: 'urn:aictive:problem:unavailable',
      detail: 'the rate limit of this key could not be counted in time; retry in a second',
    });
    expect(headers?.['retry-after']).toBe('1');
  });
});
