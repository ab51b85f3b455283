import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { hasScope, type Principal, principalFromAuthorizerContext } from '#domain/access/principal.ts';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import { logger } from '../observability.ts';
import { corsHeaders } from './cors.ts';
import { parseJsonBody } from './json-body.ts';
import type { Operation, OperationRequest } from './operation.ts';
import { problem } from './problem.ts';
import { parseQuery } from './query.ts';
import { header, requestId } from './request.ts';
import { RequestError } from './request-error.ts';
import { SECURITY_HEADERS } from './response.ts';

/** The part of a topology route the router needs (lib/topology.ts RouteSpec fits it). */
export interface RouteBinding<Op extends string = string> {
  readonly method: string;
  readonly path: string;
  readonly auth: 'none' | 'apiKey';
  readonly scope?: string;
  readonly operation: Op;
}

/** What admission decided for one authenticated request (rate limit, last-used recording). */
export interface Admission {
  /** Answer this instead of running the operation (e.g. 429 with Retry-After). */
  readonly refused?: APIGatewayProxyResult;
  /** Put on every response of the request, success or problem (e.g. RateLimit-*). */
  readonly headers?: Record<string, string>;
}

export interface RouterOptions {
  /** Browser origins whose requests get CORS headers (exact match); none by default. */
  readonly allowedOrigins?: readonly string[];
  /** Called for apiKey routes after authentication and scope, before validation. */
  readonly admit?: (principal: Principal, requestId: string) => Promise<Admission>;
}

export type Router = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/**
 * Dispatches an API Gateway event to the operation of its route (by resource and method).
 * Before the operation runs: 404/405, 401 without a principal, 403 without the route's scope
 * (a cached authorizer policy covers the whole API, so each route checks its own), admission,
 * then the contract's path parameters, query and body. Every failure is problem+json with the
 * request id; every response carries the security headers, `x-request-id` and, for allowed
 * origins, CORS headers.
 */
export function createRouter<Op extends string>(
  routes: readonly RouteBinding<Op>[],
  operations: Record<Op, Operation>,
  options: RouterOptions = {},
): Router {
  const allowedOrigins = options.allowedOrigins ?? [];

  return async (event) => {
    const id = requestId(event) ?? 'unknown';
    const binding = routes.find((r) => r.path === event.resource && r.method === event.httpMethod);
    const extraHeaders: Record<string, string> = {};
    const result = withInstance(
      await dispatch(event, id, binding, extraHeaders).catch((error: unknown) =>
        answerError(error, event, id),
      ),
      id,
    );
    return {
      ...result,
      headers: {
        ...SECURITY_HEADERS,
        ...lowerCased(result.headers),
        // Authenticated answers are never cached, whatever the operation said.
        ...(binding?.auth === 'apiKey' ? { 'cache-control': 'no-store' } : {}),
        ...lowerCased(extraHeaders),
        ...corsHeaders(header(event, 'origin'), allowedOrigins),
        'x-request-id': id,
      },
    };
  };

  async function dispatch(
    event: APIGatewayProxyEvent,
    id: string,
    binding: RouteBinding<Op> | undefined,
    extraHeaders: Record<string, string>,
  ): Promise<APIGatewayProxyResult> {
    if (!binding) {
      const samePath = routes.filter((r) => r.path === event.resource);
      if (samePath.length === 0) return problem(404, 'not-found', { instance: id });
      const answer = problem(405, 'method-not-allowed', { instance: id });
      return { ...answer, headers: { ...answer.headers, allow: samePath.map((r) => r.method).join(', ') } };
    }
    let principal: Principal | undefined;
    if (binding.auth === 'apiKey') {
      principal = principalFromAuthorizerContext(event.requestContext?.authorizer);
      if (!principal) return problem(401, 'unauthorized', { instance: id });
      if (binding.scope && !hasScope(principal, binding.scope)) {
        return problem(403, 'forbidden', {
          detail: `this key lacks the scope ${binding.scope}`,
          instance: id,
        });
      }
      const admission = (await options.admit?.(principal, id)) ?? {};
      Object.assign(extraHeaders, admission.headers);
      if (admission.refused) return admission.refused;
    }
    const operation = operations[binding.operation];
    return operation.handle(validated(operation, event, id, principal));
  }
}

/** The request as the operation sees it, each part checked against the contract. */
function validated(
  operation: Operation,
  event: APIGatewayProxyEvent,
  id: string,
  principal: Principal | undefined,
): OperationRequest {
  const { params, query, body } = operation.contract;
  return {
    params: params ? pathParams(event, params) : undefined,
    query: query ? parseQuery(event, query) : undefined,
    body: body ? parseJsonBody(event, body) : undefined,
    principal,
    requestId: id,
    event,
  };
}

/** A path parameter no resource could have (not id-shaped) names nothing: 404, like an unknown id. */
function pathParams(event: APIGatewayProxyEvent, schema: NonNullable<Operation['contract']['params']>) {
  const parsed = schema.safeParse(event.pathParameters ?? {});
  if (parsed.success) return parsed.data;
  throw new RequestError(404, 'not-found');
}

function answerError(error: unknown, event: APIGatewayProxyEvent, id: string): APIGatewayProxyResult {
  // The change stands without its line (the trail counted and logged it): fail loudly, never 2xx
  // unaudited, and say the change must not be repeated. ApiServerErrors alarms on the 503.
  if (error instanceof AuditWriteFailed) {
    return problem(503, 'unavailable', {
      detail: `the change was made (${error.entry.action}), but its audit line could not be written: do not repeat it; ask an operator`,
      instance: id,
    });
  }
  if (error instanceof RequestError) {
    return problem(error.status, error.slug, {
      detail: error.detail,
      instance: id,
      extensions: error.extensions,
    });
  }
  // The cause is for the logs only: a client learns nothing of the internals.
  logger.error('unhandled error in route', { error, resource: event.resource, method: event.httpMethod });
  return problem(500, 'internal', { instance: id });
}

/** Every problem names its request, also one an operation or admission built without it. */
function withInstance(result: APIGatewayProxyResult, id: string): APIGatewayProxyResult {
  const contentType = lowerCased(result.headers)['content-type'];
  if (contentType !== 'application/problem+json') return result;
  const body = JSON.parse(result.body) as Record<string, unknown>;
  return body.instance === undefined
    ? { ...result, body: JSON.stringify({ ...body, instance: id }) }
    : result;
}

/** Header names are case-insensitive; one spelling, so a later value replaces an earlier one. */
function lowerCased(headers: APIGatewayProxyResult['headers'] = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
}
