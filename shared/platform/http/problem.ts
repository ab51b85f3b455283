import type { APIGatewayProxyResult } from 'aws-lambda';
import { jsonResponse } from './response.ts';

/** Stable problem types (RFC 9457). Clients switch on `type`; never change a slug's meaning. */
export const PROBLEM_TITLES = {
  'bad-request': 'Bad Request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not Found',
  'method-not-allowed': 'Method Not Allowed',
  'payload-too-large': 'Payload Too Large',
  'unsupported-media-type': 'Unsupported Media Type',
  'invalid-json': 'Malformed JSON',
  validation: 'Validation Failed',
  'rate-limited': 'Too Many Requests',
  internal: 'Internal Server Error',
  unavailable: 'Service Unavailable',
} as const;
export type ProblemSlug = keyof typeof PROBLEM_TITLES;

export function problemType(slug: ProblemSlug): string {
  return `urn:aictive:problem:${slug}`;
}

export interface ProblemDetails {
  detail?: string;
  instance?: string;
  /** Extension members, e.g. `errors` with field paths on validation problems. */
  extensions?: Record<string, unknown>;
}

export function problem(
  status: number,
  slug: ProblemSlug,
  details: ProblemDetails = {},
): APIGatewayProxyResult {
  const body = {
    type: problemType(slug),
    title: PROBLEM_TITLES[slug],
    status,
    ...(details.detail ? { detail: details.detail } : {}),
    ...(details.instance ? { instance: details.instance } : {}),
    ...details.extensions,
  };
  return jsonResponse(status, body, { 'content-type': 'application/problem+json' });
}
