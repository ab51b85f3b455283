import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { hasScope, Principal } from '#domain/access/principal.ts';
import { logger } from '../observability.ts';
import { problem } from './problem.ts';
import { requestId } from './request.ts';
import { RequestError } from './request-error.ts';

/** The part of a topology route the router needs (lib/topology.ts RouteSpec fits it). */
export interface RouteBinding<Op extends string = string> {
  readonly method: string;
  readonly path: string;
  readonly auth: 'none' | 'apiKey';
  readonly scope?: string;
  readonly operation: Op;
}

export interface RouteRequest {
  readonly event: APIGatewayProxyEvent;
  readonly requestId: string;
  /** Present on every `apiKey` route: the caller, already checked for the route's scope. */
  readonly principal?: Principal;
}

export type RouteImplementation = (request: RouteRequest) => Promise<APIGatewayProxyResult>;

/** The principal the authorizer put in the request context (values there are strings). */
export function principalOf(event: APIGatewayProxyEvent): Principal | undefined {
  const context = event.requestContext?.authorizer;
  if (!context) return undefined;
  const parsed = Principal.safeParse({
    orgId: context.orgId,
    keyId: context.keyId,
    scopes: typeof context.scopes === 'string' ? context.scopes.split(' ').filter(Boolean) : [],
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * Dispatches an API Gateway event to the implementation of its route, enforcing the route's
 * scope (a cached authorizer policy covers the whole API, so each route checks its own), and
 * answers every failure as problem+json with the request id.
 */
export function createRouter<Op extends string>(
  routes: readonly RouteBinding<Op>[],
  implementations: Record<Op, RouteImplementation>,
) {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const id = requestId(event) ?? 'unknown';
    const result = await route(event, id).catch((error: unknown) => {
      if (error instanceof RequestError) {
        return problem(error.status, error.slug, {
          detail: error.detail,
          instance: id,
          extensions: error.extensions,
        });
      }
      logger.error('unhandled error in route', { error, resource: event.resource, method: event.httpMethod });
      return problem(500, 'internal', { instance: id });
    });
    return { ...result, headers: { ...result.headers, 'x-request-id': id } };
  };

  async function route(event: APIGatewayProxyEvent, id: string): Promise<APIGatewayProxyResult> {
    const samePath = routes.filter((r) => r.path === event.resource);
    const binding = samePath.find((r) => r.method === event.httpMethod);
    if (!binding) {
      if (samePath.length === 0) return problem(404, 'not-found', { instance: id });
      const answer = problem(405, 'method-not-allowed', { instance: id });
      return { ...answer, headers: { ...answer.headers, allow: samePath.map((r) => r.method).join(', ') } };
    }
    if (binding.auth === 'none') return implementations[binding.operation]({ event, requestId: id });
    const principal = principalOf(event);
    if (!principal) return problem(401, 'unauthorized', { instance: id });
    if (binding.scope && !hasScope(principal, binding.scope)) {
      return problem(403, 'forbidden', { detail: `this key lacks the scope ${binding.scope}`, instance: id });
    }
    return implementations[binding.operation]({ event, requestId: id, principal });
  }
}
