import type { APIGatewayProxyResult } from 'aws-lambda';
import { jsonResponse } from './response.ts';

/** Stable problem types (RFC 9457). Clients switch on `type`; never change a slug's meaning. */
export const PROBLEM_TITLES = {
  'bad-request': 'Bad Request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not Found',
  'method-not-allowed': 'Method Not Allowed',
  conflict: 'Conflict',
  'payload-too-large': 'Payload Too Large',
  'unsupported-media-type': 'Unsupported Media Type',
  'invalid-json': 'Malformed JSON',
  validation: 'Validation Failed',
  'rate-limited': 'Too Many Requests',
  'compliance-blocked': 'Blocked by Compliance Review',
  // Why a workflow refused an input (shared/domain/workflow/transition.ts `Refusal`), one each.
  'workflow-closed': 'Workflow Closed',
  'step-not-waiting': 'Step Not Waiting',
  'already-decided': 'Already Decided',
  'not-your-step': 'Not Your Step',
  'own-request': 'Own Request',
  'invalid-outcome': 'Invalid Outcome',
  'missing-fact': 'Missing Fact',
  'not-applicable': 'Not Applicable',
  'offer-expired': 'Offer Expired',
  // On-call pages (/v1/pages/{pageId}/ack).
  'not-paged': 'Not Paged',
  'already-acknowledged': 'Already Acknowledged',
  // Response links (/v1/respond/{token}).
  'link-expired': 'Link Expired',
  'already-used': 'Link Already Used',
  // The desk: an agent's status is set by that person's own key or an admin.
  'not-this-agent': 'Not This Agent',
  // The desk's queue (/v1/queue).
  'queue-item-done': 'Queue Item Done',
  'unknown-agent': 'Unknown Agent',
  // Conversations (/v1/conversations): a resolved one takes no more; a reply needs a person's key.
  'conversation-resolved': 'Conversation Resolved',
  'person-required': 'Person Required',
  internal: 'Internal Server Error',
  unavailable: 'Service Unavailable',
  // Answered by the gateway itself (lib/aws/problem-responses.ts, lib/local/http-response.ts).
  throttled: 'Too Many Requests',
  timeout: 'Gateway Timeout',
  'client-error': 'Client Error',
  'server-error': 'Server Error',
} as const;
export type ProblemSlug = keyof typeof PROBLEM_TITLES;

export function problemType(slug: ProblemSlug): string {
  return `urn:aictive:problem:${slug}`;
}

/**
 * The problem a gateway answers for a status it produced itself, as API Gateway's gateway
 * responses do (lib/aws/problem-responses.ts): the named ones, else client- or server-error.
 */
export function gatewayProblemSlug(status: number): ProblemSlug {
  const named: Partial<Record<number, ProblemSlug>> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    429: 'throttled',
    504: 'timeout',
  };
  return named[status] ?? (status >= 500 ? 'server-error' : 'client-error');
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
