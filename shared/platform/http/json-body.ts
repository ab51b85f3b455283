import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { header, rawBody } from './request.ts';
import { RequestError } from './request-error.ts';
import { fieldErrors, validationError } from './validation.ts';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Whether an operation may be called without a body: its schema accepts none. */
export function bodyIsOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/**
 * Reads and validates a JSON body: 413, 415, 400 (malformed) or 422 (with field paths). No body
 * at all is `undefined`, which only a schema that makes the body optional accepts.
 */
export function parseJsonBody<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.output<S> {
  if (!event.body && bodyIsOptional(schema)) return schema.parse(undefined);
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType.trim())) {
    throw new RequestError(415, 'unsupported-media-type', 'send Content-Type: application/json');
  }
  const bytes = rawBody(event);
  if (bytes.length > MAX_JSON_BODY_BYTES) {
    throw new RequestError(413, 'payload-too-large', `the body may be at most ${MAX_JSON_BODY_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RequestError(400, 'invalid-json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError('body', fieldErrors(parsed.error.issues, '(body)'));
}
