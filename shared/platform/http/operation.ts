import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import type { Principal } from '#domain/access/principal.ts';

/** One documented answer of an operation; `body` is the schema of its JSON body. */
export interface ResponseContract {
  readonly description: string;
  readonly body?: z.ZodType;
}

/**
 * What an operation accepts and answers. The router validates path parameters, query and body
 * against it before the implementation runs (422 with field paths otherwise), and GET
 * /v1/openapi.json is generated from the same schemas, so the two cannot disagree.
 * Error answers (problem+json) are documented by the router for every operation; list only
 * the successful ones and the errors particular to the operation (e.g. 404).
 */
export interface OperationContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  readonly summary: string;
  readonly description?: string;
  /** Path parameters, by the `{name}`s of the route's path. */
  readonly params?: P;
  readonly query?: Q;
  /** A JSON request body (Content-Type application/json). */
  readonly body?: B;
  readonly responses: Readonly<Record<number, ResponseContract>>;
}

type Parsed<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;

/** A request whose parts passed their schemas. */
export interface OperationRequest<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Present on every `apiKey` route, already checked for the route's scope. */
  readonly principal?: Principal;
  readonly requestId: string;
  readonly event: APIGatewayProxyEvent;
}

export interface Operation {
  readonly contract: OperationContract;
  readonly handle: (request: OperationRequest) => Promise<APIGatewayProxyResult>;
}

/** Binds a contract to its implementation, typing the request by the contract's schemas. */
export function operation<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  contract: OperationContract & { params?: P; query?: Q; body?: B },
  handle: (request: OperationRequest<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<APIGatewayProxyResult>,
): Operation {
  return { contract, handle: handle as Operation['handle'] };
}

/** The calling key: the router guarantees a principal on apiKey routes, already checked for the route's scope. */
export function principalOf(request: Pick<OperationRequest, 'principal'>): Principal {
  if (!request.principal) throw new Error('route declared without auth reached an org-scoped operation');
  return request.principal;
}

/** The caller's org: all data access is scoped to it. */
export function orgOf(request: Pick<OperationRequest, 'principal'>): string {
  return principalOf(request).orgId;
}
