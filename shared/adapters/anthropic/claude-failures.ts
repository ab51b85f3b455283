import Anthropic from '@anthropic-ai/sdk';
import { logger } from '#platform/observability.ts';
import { CallTimeoutError, CircuitOpenError } from '#platform/resilience/resilient-calls.ts';
import { retryAfterMs } from '#platform/resilience/retry-after.ts';

// How a Claude call fails: what is worth another attempt, and the reason its caller is given.

/**
 * Claude gave no usable answer. `reason` is short, stable and safe to log or store (never the
 * prompt or the model's text): `circuit_open`, `timeout`, `invalid_output`, `refused` or
 * `claude_error: <name>`.
 */
export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  constructor(
    readonly reason: string,
    readonly status: number | undefined,
    options: { readonly cause: unknown },
  ) {
    super(`Claude call failed: ${reason}`, options);
  }
}

/** The model answered, but not in the requested shape. */
export class InvalidOutputError extends Error {
  override readonly name = 'InvalidOutputError';
}

/**
 * The model's safety classifiers declined (`stop_reason: "refusal"`); Haiku 5.5 has no
 * server-side fallback and the same request usually refuses again
 * (https://platform.claude.com/docs/en/build-with-claude/prompt-engineering/prompting-claude-haiku-5-5#safeguard-refusals).
 */
export class RefusalError extends Error {
  override readonly name = 'RefusalError';
}

export function failureReason(error: unknown): string {
  if (error instanceof CircuitOpenError) return 'circuit_open';
  if (error instanceof CallTimeoutError) return 'timeout';
  if (error instanceof InvalidOutputError) return 'invalid_output';
  if (error instanceof RefusalError) return 'refused';
  if (error instanceof Anthropic.APIError) return `claude_error: ${error.name}`;
  // What remains from the SDK is the structured-output parser rejecting the text.
  if (error instanceof Anthropic.AnthropicError) return 'invalid_output';
  return 'claude_error: unexpected';
}

/** Rate limited (429), overloaded (529), a server error or no connection: worth another attempt. */
export function isTransient(error: unknown): boolean {
  if (error instanceof Anthropic.APIConnectionError) return true;
  return error instanceof Anthropic.APIError && (error.status === 429 || (error.status ?? 0) >= 500);
}

/** How long Anthropic asked us to wait (429, 529), when it said. */
export const retryAfter = (error: unknown): number | undefined =>
  error instanceof Anthropic.APIError && error.headers ? retryAfterMs(error.headers) : undefined;

/**
 * Why a model call did not answer, for the `fallbackReason` of the rules' answer given instead;
 * logged with the error's name and status, never the message or the error text (both can carry
 * the sender's words).
 */
export function fallbackReasonFor(error: unknown, what: string): string {
  const failure = error instanceof ModelCallError ? error : undefined;
  const fallbackReason = failure?.reason ?? 'claude_error: unexpected';
  const cause = failure ? failure.cause : error;
  logger.warn(`Claude ${what} unavailable, using the rules`, {
    fallbackReason,
    errorName: cause instanceof Error ? cause.name : typeof cause,
    status: failure?.status,
  });
  return fallbackReason;
}
