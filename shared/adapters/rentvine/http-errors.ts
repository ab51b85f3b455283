/** How one HTTP exchange with Rentvine failed, before it is turned into a RentvineError. */

/** Rentvine answered, with a status other than 2xx. `body` is its parsed JSON or text, never the request. */
export class RentvineHttpError extends Error {
  override readonly name = 'RentvineHttpError';
  constructor(
    readonly status: number,
    readonly request: string,
    readonly body: unknown,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Rentvine answered ${status} to ${request}`);
  }
}

/** No answer: the connection failed, was dropped or the attempt was aborted. */
export class RentvineNetworkError extends Error {
  override readonly name = 'RentvineNetworkError';
  constructor(
    readonly request: string,
    /** False only when the request provably never left (connection refused, unknown host). */
    readonly maybeReceived: boolean,
    options: { readonly cause: unknown },
  ) {
    super(`no answer from Rentvine to ${request}`, options);
  }
}

/** Rentvine answered 2xx with something that is not what the resource returns. */
export class RentvineAnswerError extends Error {
  override readonly name = 'RentvineAnswerError';
}

/**
 * A write that may have reached Rentvine, whose outcome is unknown (no answer, a 5xx, a timeout).
 * Never retried as such: the idempotency ledger and a re-read decide what happened.
 */
export class WriteOutcomeUnknownError extends Error {
  override readonly name = 'WriteOutcomeUnknownError';
  constructor(
    readonly request: string,
    options: { readonly cause: unknown },
  ) {
    super(`the outcome of ${request} is unknown`, options);
  }
}
