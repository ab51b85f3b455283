import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '#adapters/dynamodb/store-unavailable.ts';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('DynamoDB unavailable (fail open) versus everything else', () => {
  it.each([
    ['throttled', named('ProvisionedThroughputExceededException', { $fault: 'client' })],
    ['throttled (on-demand)', named('ThrottlingException')],
    [
      'an internal error',
      named('InternalServerError', { $fault: 'server', $metadata: { httpStatusCode: 500 } }),
    ],
    ['a 503 without a fault', named('ServiceUnavailable', { $metadata: { httpStatusCode: 503 } })],
    ['refused connections', named('Error', { code: 'ECONNREFUSED' })],
    ['an unknown host', named('Error', { code: 'ENOTFOUND' })],
  ])('is unavailable when %s', (_name, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['our own time budget running out', named('AbortError')],
    ["the SDK's request timeout", named('TimeoutError')],
    ['a refused condition', named('ConditionalCheckFailedException', { $fault: 'client' })],
    ['a request rejected as wrong', named('ValidationException', { $metadata: { httpStatusCode: 400 } })],
    ['something not an error', 'ECONNREFUSED'],
  ])('is not unavailable for %s', (_name, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });
});
