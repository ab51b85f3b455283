import { describe, expect, it } from 'vitest';
import {
  admitted,
  rateLimitHeaders,
  rateLimitWindow,
  refused,
  undecided,
} from '#domain/access/rate-limit.ts';

/** 10:00:00.000 UTC, a window boundary (epoch seconds divisible by 60). */
const WINDOW_START = Date.UTC(2026, 10, 21, 10, 0, 0);
const at = (offsetMs: number) => new Date(WINDOW_START + offsetMs);

describe('rate-limit windows', () => {
  it('starts a window on the minute, with the whole minute to go', () => {
    expect(rateLimitWindow(at(0))).toEqual({ startSeconds: WINDOW_START / 1000, resetSeconds: 60 });
  });

  it('rounds the time left up to whole seconds', () => {
    expect(rateLimitWindow(at(250))).toEqual({ startSeconds: WINDOW_START / 1000, resetSeconds: 60 });
    expect(rateLimitWindow(at(1_000)).resetSeconds).toBe(59);
    expect(rateLimitWindow(at(30_500)).resetSeconds).toBe(30);
  });

  it('keeps the last second in the same window with one second to go', () => {
    expect(rateLimitWindow(at(59_000))).toEqual({ startSeconds: WINDOW_START / 1000, resetSeconds: 1 });
    expect(rateLimitWindow(at(59_999))).toEqual({ startSeconds: WINDOW_START / 1000, resetSeconds: 1 });
  });

  it('moves the first second of the next minute into a new window', () => {
    expect(rateLimitWindow(at(60_000))).toEqual({ startSeconds: WINDOW_START / 1000 + 60, resetSeconds: 60 });
  });

  it('never says zero seconds are left, anywhere in a window', () => {
    for (let ms = 0; ms < 60_000; ms += 137) {
      const { resetSeconds } = rateLimitWindow(at(ms));
      expect(resetSeconds).toBeGreaterThanOrEqual(1);
      expect(resetSeconds).toBeLessThanOrEqual(60);
    }
  });
});

describe('rate-limit decisions', () => {
  const window = rateLimitWindow(at(45_000));

  it('counts what is left after the admitted request', () => {
    expect(admitted(10, window, 1)).toEqual({ allowed: true, limit: 10, remaining: 9, resetSeconds: 15 });
    expect(admitted(10, window, 10).remaining).toBe(0);
  });

  it('leaves nothing on a refusal', () => {
    expect(refused(10, window)).toEqual({ allowed: false, limit: 10, remaining: 0, resetSeconds: 15 });
  });
});

describe('RateLimit headers', () => {
  it('describes an admitted request without Retry-After', () => {
    expect(rateLimitHeaders(admitted(600, rateLimitWindow(at(12_000)), 42))).toEqual({
      'ratelimit-limit': '600',
      'ratelimit-remaining': '558',
      'ratelimit-reset': '48',
      'ratelimit-policy': '600;w=60',
    });
  });

  it('tells a refused client to retry when the window ends', () => {
    expect(rateLimitHeaders(refused(5, rateLimitWindow(at(20_000))))).toEqual({
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '40',
      'ratelimit-policy': '5;w=60',
      'retry-after': '40',
    });
  });

  it('asks an undecided client to retry in a second, not at the end of the window', () => {
    expect(rateLimitHeaders(undecided(5, rateLimitWindow(at(20_000))))).toEqual({
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '40',
      'ratelimit-policy': '5;w=60',
      'retry-after': '1',
    });
  });

  it('asks for at least one second in the last moment of a window', () => {
    const headers = rateLimitHeaders(refused(5, rateLimitWindow(at(59_999))));
    expect(headers['retry-after']).toBe('1');
    expect(headers['ratelimit-reset']).toBe('1');
  });

  it('keeps Retry-After at one second even for a decision claiming none are left', () => {
    const headers = rateLimitHeaders({ allowed: false, limit: 5, remaining: 0, resetSeconds: 0 });
    expect(headers['retry-after']).toBe('1');
  });

  it('uses lower-case names, as API Gateway proxy results carry them', () => {
    const names = Object.keys(rateLimitHeaders(refused(1, rateLimitWindow(at(0)))));
    expect(names.every((name) => name === name.toLowerCase())).toBe(true);
  });
});
