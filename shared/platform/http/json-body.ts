import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { header, rawBody } from './request.ts';
import { RequestError } from './request-error.ts';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Reads and validates a JSON body: 413, 415, 400 (malformed) or 422 (with field paths). */
export function parseJsonBody<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.infer<S> {
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
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    throw new RequestError(422, 'validation', 'the body does not match the schema', { errors });
  }
  return parsed.data;
}
