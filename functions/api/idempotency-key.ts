import type { APIGatewayProxyResult } from 'aws-lambda';
import type { OperationRequest } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { header } from '#platform/http/request.ts';

/** A client's `Idempotency-Key`: opaque, bounded, printable (a UUID fits). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The request's `Idempotency-Key`, when it sent one: the same key again is the same request, applied
 * once. A key outside its format is refused (422 naming the header) rather than ignored.
 */
export function idempotencyKey(request: Pick<OperationRequest, 'event'>): {
  value?: string;
  invalid?: APIGatewayProxyResult;
} {
  const value = header(request.event, 'idempotency-key');
  if (value === undefined) return {};
  if (IDEMPOTENCY_KEY.test(value)) return { value };
  return {
    invalid: problem(422, 'validation', {
      detail: 'the Idempotency-Key header does not match its format',
      extensions: {
        errors: [{ path: 'Idempotency-Key', message: 'expected 1 to 128 of A-Z a-z 0-9 _ . : -' }],
      },
    }),
  };
}
