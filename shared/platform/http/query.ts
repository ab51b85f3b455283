import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { fieldErrors, validationError } from './validation.ts';

/** Reads the query string against its schema: 422 with the failing parameters' names. */
export function parseQuery<S extends z.ZodType>(
  event: Pick<APIGatewayProxyEvent, 'queryStringParameters' | 'multiValueQueryStringParameters'>,
  schema: S,
): z.output<S> {
  // A repeated parameter would silently keep only its last value: refuse it instead.
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {}).filter(
    ([, values]) => (values?.length ?? 0) > 1,
  );
  if (repeated.length > 0) {
    throw validationError(
      'query',
      repeated.map(([name]) => ({ path: name, message: 'given more than once' })),
    );
  }
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (parsed.success) return parsed.data;
  throw validationError('query', fieldErrors(parsed.error.issues, '(query)'));
}
