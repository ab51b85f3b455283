import type { ProblemSlug } from './problem.ts';

/** A client error with its problem type; thrown by parsing helpers, answered by the router. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? slug);
    this.name = 'RequestError';
  }
}
