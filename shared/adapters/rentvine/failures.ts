import { RentvineError } from '#domain/rentvine/ports.ts';
import { CallTimeoutError, CircuitOpenError, ConcurrencyLimitError } from '#platform/resilience/errors.ts';
import { RentvineAnswerError, RentvineHttpError, RentvineNetworkError } from './http-errors.ts';

const MAX_FIELDS = 50;
const MAX_MESSAGE = 300;

/**
 * Rentvine's 400 body: `{ "field.path": ["message", …] }` when it names fields, a plain message
 * otherwise (a string, or `{message}` / `{error}`), which carries no field map.
 */
export function fieldErrors(body: unknown): Record<string, string[]> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const entries = Object.entries(body).filter(
    (entry): entry is [string, string[]] =>
      Array.isArray(entry[1]) && entry[1].length > 0 && entry[1].every((m) => typeof m === 'string'),
  );
  return Object.fromEntries(
    entries
      .slice(0, MAX_FIELDS)
      .map(([field, messages]) => [field, messages.map((m) => m.slice(0, MAX_MESSAGE))]),
  );
}

function plainMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, MAX_MESSAGE);
  if (body && typeof body === 'object') {
    const { message, error } = body as { message?: unknown; error?: unknown };
    const text = typeof message === 'string' ? message : typeof error === 'string' ? error : undefined;
    return text?.slice(0, MAX_MESSAGE);
  }
  return undefined;
}

/**
 * Any failure of a Rentvine call in the terms callers act on. Messages name the request and the
 * status, never the credentials or the request body.
 */
export function toRentvineError(error: unknown): RentvineError {
  if (error instanceof RentvineError) return error;
  if (error instanceof RentvineHttpError) {
    if (error.status === 401 || error.status === 403)
      return new RentvineError(
        'unauthorized',
        `${error.message}: check the org's Rentvine API key and its role`,
      );
    if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
      const fields = fieldErrors(error.body);
      const detail =
        Object.keys(fields).length > 0 ? Object.keys(fields).join(', ') : plainMessage(error.body);
      return new RentvineError('rejected', detail ? `${error.message}: ${detail}` : error.message, fields);
    }
    return new RentvineError('unavailable', error.message);
  }
  if (error instanceof CircuitOpenError) return new RentvineError('unavailable', error.message);
  if (
    error instanceof CallTimeoutError ||
    error instanceof ConcurrencyLimitError ||
    error instanceof RentvineNetworkError ||
    error instanceof RentvineAnswerError
  )
    return new RentvineError('unavailable', error.message);
  return new RentvineError(
    'unavailable',
    error instanceof Error ? `${error.name}: ${error.message}` : 'failed',
  );
}
