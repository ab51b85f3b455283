import { CallTimeoutError } from '#platform/resilience/errors.ts';
import { retryAfterMs } from '#platform/resilience/retry-after.ts';
import type { RentvineConnection } from './connection.ts';
import {
  RentvineAnswerError,
  RentvineHttpError,
  RentvineNetworkError,
  WriteOutcomeUnknownError,
} from './http-errors.ts';

export interface RentvineAnswer {
  readonly headers: Headers;
  /** The parsed JSON body; undefined for an empty one. */
  readonly body: unknown;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/**
 * What runs each exchange: ResilientCalls (timeout, retries, breaker and concurrency per org) for
 * sync and writes; a plain deadline for readiness probes, which must not carry cockatiel.
 */
export interface CallRunner {
  execute<T>(call: (signal: AbortSignal) => Promise<T>, key: string): Promise<T>;
}

/** Connection errors that prove the request never left this machine: safe to send again. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Worth another attempt: rate limited, a server error, or no answer (reads; writes decide apart). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RentvineNetworkError) return true;
  return (
    error instanceof RentvineHttpError &&
    (error.status === 408 || error.status === 429 || error.status >= 500)
  );
}

/**
 * A 4xx answer other than a timeout or rate limit proves Rentvine is up and only refused this
 * request (a wrong id, a rejected field): it must not open the org's circuit.
 */
export function countsAsFailure(error: unknown): boolean {
  if (!(error instanceof RentvineHttpError)) return true;
  return !(error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429);
}

export const retryAfter = (error: unknown): number | undefined =>
  error instanceof RentvineHttpError ? error.retryAfterMs : undefined;

/**
 * One org's HTTP session with Rentvine: Node's fetch with the org's Basic credentials, every call
 * under the shared resilience policy keyed by the org (timeout, retries honouring Retry-After, the
 * org's breaker and concurrency cap). Reads are retried; writes only when Rentvine provably did
 * not take them (429, or a connection never made): any other failure of a write is an unknown
 * outcome, never re-sent here.
 */
export class RentvineHttp {
  /** A private field: never serialised with the object, so a logged session shows no credentials. */
  readonly #authorization: string;
  readonly baseUrl: string;

  constructor(
    readonly orgId: string,
    connection: RentvineConnection,
    private readonly resilience: CallRunner,
  ) {
    this.baseUrl = connection.baseUrl;
    this.#authorization = `Basic ${Buffer.from(`${connection.accessKey}:${connection.secret}`).toString('base64')}`;
  }

  get(path: string, query: Query = {}): Promise<RentvineAnswer> {
    return this.resilience.execute(
      (signal) => this.exchange('GET', path, query, undefined, signal),
      this.orgId,
    );
  }

  /** A POST whose failure after it may have reached Rentvine surfaces as WriteOutcomeUnknownError. */
  async post(path: string, body: object): Promise<RentvineAnswer> {
    const request = `POST ${path}`;
    try {
      return await this.resilience.execute(
        (signal) =>
          this.exchange('POST', path, {}, body, signal).catch((error: unknown) => {
            // Only a 4xx answer or a connection never made proves the write was not taken; a
            // 5xx, a lost connection or a 2xx that is not JSON may have been.
            const refused = error instanceof RentvineHttpError && error.status < 500;
            const neverSent = error instanceof RentvineNetworkError && !error.maybeReceived;
            throw refused || neverSent ? error : new WriteOutcomeUnknownError(request, { cause: error });
          }),
        this.orgId,
      );
    } catch (error) {
      if (error instanceof CallTimeoutError) throw new WriteOutcomeUnknownError(request, { cause: error });
      throw error;
    }
  }

  private async exchange(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body: object | undefined,
    signal: AbortSignal,
  ): Promise<RentvineAnswer> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const request = `${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        signal,
        // A redirect could carry the credentials elsewhere: Rentvine's API does not redirect.
        redirect: 'error',
        headers: {
          authorization: this.#authorization,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      const code = networkCode(error);
      throw new RentvineNetworkError(request, !(code && NEVER_SENT.has(code)), { cause: error });
    }
    const parsed = await parseBody(response, request);
    if (!response.ok)
      throw new RentvineHttpError(response.status, request, parsed, retryAfterMs(response.headers));
    return { headers: response.headers, body: parsed };
  }
}

async function parseBody(response: Response, request: string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The answer was cut off mid-body: as good as none.
    throw new RentvineNetworkError(request, true, { cause: error });
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Error pages are often HTML or plain text; a 2xx must be JSON.
    if (response.ok)
      throw new RentvineAnswerError(`Rentvine answered ${request} with a body that is not JSON`);
    return text.slice(0, 500);
  }
}
