import { ResponseType, type RestApiBase } from 'aws-cdk-lib/aws-apigateway';
import { PROBLEM_TITLES, type ProblemSlug, problemType } from '#platform/http/problem.ts';
import { GATEWAY_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';
import { pascal } from './construct-ids.ts';

/** The functions' security headers on API Gateway's own answers too, as static values. */
const securityHeaders = Object.fromEntries(
  Object.entries(SECURITY_HEADERS).map(([name, value]) => [name, `'${value}'`]),
);

/** Errors API Gateway answers itself (before any function runs), in the same RFC 9457 shape the functions use. */
const problems: readonly {
  readonly types: readonly ResponseType[];
  /** Absent for the catch-all responses, which keep the status API Gateway chose. */
  readonly status?: number;
  readonly slug: ProblemSlug;
  /** The shared title of the slug unless given (the catch-alls name API Gateway's response type). */
  readonly title?: string;
}[] = [
  { types: [ResponseType.UNAUTHORIZED], status: 401, slug: 'unauthorized' },
  { types: [ResponseType.ACCESS_DENIED], status: 403, slug: 'forbidden' },
  // API Gateway answers an unknown path with 403 MISSING_AUTHENTICATION_TOKEN; it is a 404 to the caller.
  {
    types: [ResponseType.MISSING_AUTHENTICATION_TOKEN, ResponseType.RESOURCE_NOT_FOUND],
    status: 404,
    slug: 'not-found',
  },
  {
    types: [ResponseType.THROTTLED, ResponseType.QUOTA_EXCEEDED],
    status: 429,
    slug: 'throttled',
  },
  {
    types: [ResponseType.REQUEST_TOO_LARGE],
    status: 413,
    slug: 'payload-too-large',
  },
  {
    types: [ResponseType.UNSUPPORTED_MEDIA_TYPE],
    status: 415,
    slug: 'unsupported-media-type',
  },
  { types: [ResponseType.INTEGRATION_TIMEOUT], status: 504, slug: 'timeout' },
  // Everything else keeps API Gateway's own status; the body names what happened.
  { types: [ResponseType.DEFAULT_4XX], slug: 'client-error', title: '$context.error.responseType' },
  { types: [ResponseType.DEFAULT_5XX], slug: 'server-error', title: '$context.error.responseType' },
];

export function addProblemResponses(api: RestApiBase): void {
  for (const { types, status, slug, title } of problems) {
    // What to do next, as the local gateway says it (the texts hold no VTL `$` or `#`).
    const detail = status === undefined ? undefined : GATEWAY_PROBLEM_DETAILS[status];
    const body = JSON.stringify({
      type: problemType(slug),
      title: title ?? PROBLEM_TITLES[slug],
      ...(status === undefined ? {} : { status }),
      ...(detail ? { detail } : {}),
      instance: '$context.requestId',
    });
    for (const type of types) {
      api.addGatewayResponse(`Problem${pascal(type.responseType.toLowerCase())}`, {
        type,
        ...(status === undefined ? {} : { statusCode: String(status) }),
        responseHeaders: { 'Content-Type': "'application/problem+json'", ...securityHeaders },
        // Keyed by what the client accepts; both keys answer the same problem document.
        templates: { 'application/json': body, 'application/problem+json': body },
      });
    }
  }
}
