import { ResponseType, type RestApiBase } from 'aws-cdk-lib/aws-apigateway';
import { pascal } from './construct-ids.ts';

/** Errors API Gateway answers itself (before any function runs), in the same RFC 9457 shape the functions use. */
const problems: readonly {
  readonly types: readonly ResponseType[];
  readonly status: number;
  readonly slug: string;
  readonly title: string;
}[] = [
  { types: [ResponseType.UNAUTHORIZED], status: 401, slug: 'unauthorized', title: 'Unauthorized' },
  { types: [ResponseType.ACCESS_DENIED], status: 403, slug: 'forbidden', title: 'Forbidden' },
  // API Gateway answers an unknown path with 403 MISSING_AUTHENTICATION_TOKEN; it is a 404 to the caller.
  {
    types: [ResponseType.MISSING_AUTHENTICATION_TOKEN, ResponseType.RESOURCE_NOT_FOUND],
    status: 404,
    slug: 'not-found',
    title: 'Not Found',
  },
  { types: [ResponseType.THROTTLED], status: 429, slug: 'throttled', title: 'Too Many Requests' },
  { types: [ResponseType.DEFAULT_4XX], status: 400, slug: 'bad-request', title: 'Bad Request' },
  { types: [ResponseType.DEFAULT_5XX], status: 500, slug: 'internal', title: 'Internal Server Error' },
];

export function addProblemResponses(api: RestApiBase): void {
  for (const { types, status, slug, title } of problems) {
    const body = JSON.stringify({
      type: `urn:aictive:problem:${slug}`,
      title,
      status,
      instance: '$context.requestId',
    });
    for (const type of types) {
      api.addGatewayResponse(`Problem${pascal(type.responseType.toLowerCase())}`, {
        type,
        statusCode: String(status),
        responseHeaders: { 'Content-Type': "'application/problem+json'" },
        // Keyed by what the client accepts; both keys answer the same problem document.
        templates: { 'application/json': body, 'application/problem+json': body },
      });
    }
  }
}
