import { describe, expect, it } from 'vitest';
import { fieldErrors, toRentvineError } from '#adapters/rentvine/failures.ts';
import { countsAsFailure, isRetryable, retryAfter } from '#adapters/rentvine/http.ts';
import {
  RentvineHttpError,
  RentvineNetworkError,
  WriteOutcomeUnknownError,
} from '#adapters/rentvine/http-errors.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';
import { CallTimeoutError, CircuitOpenError } from '#platform/resilience/errors.ts';

const answered = (status: number, body: unknown = undefined, retryAfterMs?: number) =>
  new RentvineHttpError(status, 'POST /maintenance/work-orders', body, retryAfterMs);

describe('Rentvine failures in the terms callers act on', () => {
  it('turns a 400 with field errors into `rejected` carrying the field map', () => {
    const error = toRentvineError(
      answered(400, { 'workOrder.priorityID': ['must be 1, 2 or 3'], other: 'x' }),
    );
    expect(error).toBeInstanceOf(RentvineError);
    expect(error).toMatchObject({
      failure: 'rejected',
      fields: { 'workOrder.priorityID': ['must be 1, 2 or 3'] },
    });
    expect(error.message).toContain('workOrder.priorityID');
  });

  it('turns a plain-message 400 into `rejected` with no fields', () => {
    for (const body of ['Invalid request', { message: 'Invalid request' }, { error: 'Invalid request' }]) {
      const error = toRentvineError(answered(400, body));
      expect(error).toMatchObject({ failure: 'rejected', fields: {} });
      expect(error.message).toContain('Invalid request');
    }
    expect(fieldErrors(['not', 'a', 'map'])).toEqual({});
  });

  it('calls 401 and 403 `unauthorized`, and never names the credentials', () => {
    for (const status of [401, 403]) {
      const error = toRentvineError(answered(status));
      expect(error.failure).toBe('unauthorized');
      expect(error.message).not.toMatch(/basic|secret/i);
    }
  });

  it('calls everything that may pass `unavailable`: 429, 5xx, no answer, timeouts, an open circuit', () => {
    for (const cause of [
      answered(429),
      answered(503),
      new RentvineNetworkError('GET /tenants', true, { cause: new Error('reset') }),
      new CallTimeoutError('rentvine:demo', 1000),
      new CircuitOpenError('rentvine:demo'),
      new WriteOutcomeUnknownError('POST /maintenance/work-orders', { cause: answered(502) }),
    ])
      expect(toRentvineError(cause).failure).toBe('unavailable');
  });
});

describe('which failures are retried and which open the breaker', () => {
  it('retries 408, 429, 5xx and no answer; never another 4xx', () => {
    expect([408, 429, 500, 502, 503].map((status) => isRetryable(answered(status)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 409].map((status) => isRetryable(answered(status)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isRetryable(new RentvineNetworkError('GET /tenants', true, { cause: undefined }))).toBe(true);
    // A write whose outcome is unknown is never retried as such.
    expect(isRetryable(new WriteOutcomeUnknownError('POST /x', { cause: undefined }))).toBe(false);
  });

  it('counts outages against the breaker, not answers that refuse one request', () => {
    expect(countsAsFailure(answered(404))).toBe(false);
    expect(countsAsFailure(answered(400))).toBe(false);
    expect(countsAsFailure(answered(429))).toBe(true);
    expect(countsAsFailure(answered(500))).toBe(true);
    expect(countsAsFailure(new RentvineNetworkError('GET /x', true, { cause: undefined }))).toBe(true);
  });

  it('hands the Retry-After hint to the backoff', () => {
    expect(retryAfter(answered(429, undefined, 2_000))).toBe(2_000);
    expect(retryAfter(new Error('other'))).toBeUndefined();
  });
});
