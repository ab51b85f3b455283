import { z } from 'zod';
import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { Problem } from '#contracts/problem.ts';
import { bodyIsOptional } from './json-body.ts';
import type { Operation, OperationContract } from './operation.ts';
import type { RouteBinding } from './router.ts';

const SECURITY_SCHEME = 'apiKey';

/** What the router itself answers before or around an operation (see router.ts). */
const ROUTER_PROBLEMS = {
  400: 'The body is not valid JSON',
  401: 'No API key, or not a valid one',
  403: 'The key lacks the required scope',
  404: 'No such resource in the caller’s org',
  405: 'The resource does not serve this method (see `Allow`)',
  413: 'The body is larger than 256 KB',
  415: 'The body is not `application/json`',
  422: 'A field does not match the schema (see `errors`)',
  429: 'The key is over its rate limit (see `Retry-After`)',
  500: 'An unexpected failure; quote `instance` when reporting it',
  503: 'The key’s rate limit could not be counted in time; retry in a second (see `Retry-After`)',
} as const;
type RouterStatus = keyof typeof ROUTER_PROBLEMS;

function routerStatuses(route: RouteBinding, contract: OperationContract): RouterStatus[] {
  return [
    404,
    405,
    ...(route.auth === 'apiKey' ? ([401, 403, 429, 503] as const) : []),
    ...(contract.body ? ([400, 413, 415, 422] as const) : contract.query ? ([422] as const) : []),
    500,
  ];
}

function problemResponse(description: string, status: number): ZodOpenApiResponseObject {
  const headers =
    status === 429 || status === 503
      ? { headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait' }) }) }
      : status === 405
        ? {
            headers: z.object({ Allow: z.string().meta({ description: 'The methods the resource serves' }) }),
          }
        : {};
  return { description, content: { 'application/problem+json': { schema: Problem } }, ...headers };
}

function responsesOf(route: RouteBinding, contract: OperationContract): ZodOpenApiResponsesObject {
  const responses: Record<`${number}`, ZodOpenApiResponseObject> = {};
  for (const status of routerStatuses(route, contract)) {
    responses[`${status}`] = problemResponse(ROUTER_PROBLEMS[status], status);
  }
  for (const [status, { description, body }] of Object.entries(contract.responses)) {
    responses[status as `${number}`] =
      Number(status) >= 400
        ? problemResponse(description, Number(status))
        : { description, ...(body ? { content: { 'application/json': { schema: body } } } : {}) };
  }
  return responses;
}

function operationObject(route: RouteBinding, contract: OperationContract): ZodOpenApiOperationObject {
  const { summary, description, params, query, body } = contract;
  const requirement = route.auth === 'apiKey' ? `Requires an API key with the scope \`${route.scope}\`.` : '';
  return {
    operationId: route.operation,
    summary,
    ...(description || requirement
      ? { description: [description, requirement].filter(Boolean).join('\n\n') }
      : {}),
    ...(params || query
      ? {
          requestParams: {
            ...(params ? { path: params as z.ZodObject } : {}),
            ...(query ? { query: query as z.ZodObject } : {}),
          },
        }
      : {}),
    ...(body
      ? {
          requestBody: { required: !bodyIsOptional(body), content: { 'application/json': { schema: body } } },
        }
      : {}),
    responses: responsesOf(route, contract),
    // OpenAPI 3.1 lets a non-OAuth requirement list role names: here, the scope.
    ...(route.auth === 'apiKey'
      ? {
          security: [{ [SECURITY_SCHEME]: route.scope ? [route.scope] : [] }],
          ...(route.scope ? { 'x-required-scope': route.scope } : {}),
        }
      : { security: [] }),
  };
}

/**
 * The OpenAPI 3.1 document of `routes`, generated from the same contracts the router enforces,
 * with the router's own problem answers on every operation: a route cannot be missing or wrong.
 */
export function buildOpenApiDocument<Op extends string>(
  routes: readonly RouteBinding<Op>[],
  operations: Record<Op, Operation>,
  { info, servers }: Pick<oas31.OpenAPIObject, 'info' | 'servers'>,
): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    paths[route.path] = {
      ...paths[route.path],
      [method]: operationObject(route, operations[route.operation].contract),
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info,
    ...(servers ? { servers } : {}),
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key, `ak_<env>_<keyId>_<secret>`, belonging to one org and carrying scopes.',
        },
      },
    },
  });
}
