import type { z } from 'zod';
import { RequestError } from './request-error.ts';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Zod issues as `{path, message}`; an unknown key's issue sits at the root and names it in `keys`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], root: string): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.join('.') || ('keys' in issue ? issue.keys.join(',') : root),
    message: issue.message,
  }));
}

/** The 422 problem naming every failing field of one request part. */
export function validationError(part: 'body' | 'query', errors: readonly FieldError[]): RequestError {
  return new RequestError(422, 'validation', `the ${part} does not match the schema`, { errors });
}
