import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '#platform/resilience/retry-after.ts';

const now = Date.parse('2026-11-27T12:00:00Z');
const wait = (headers: Record<string, string>) => retryAfterMs(new Headers(headers), now);

describe('retryAfterMs', () => {
  it('reads milliseconds first, then seconds, then an HTTP date', () => {
    expect(wait({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(wait({ 'retry-after': '3' })).toBe(3_000);
    expect(wait({ 'retry-after': 'Fri, 27 Nov 2026 12:00:30 GMT' })).toBe(30_000);
  });

  it('is zero for a date already past, and undefined without a usable hint', () => {
    expect(wait({ 'retry-after': 'Fri, 27 Nov 2026 11:00:00 GMT' })).toBe(0);
    expect(wait({})).toBeUndefined();
    expect(wait({ 'retry-after': 'soon' })).toBeUndefined();
    expect(wait({ 'retry-after-ms': '', 'retry-after': '-4' })).toBeUndefined();
  });
});
