import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { CorsConfig, readConfig } from '#platform/config.ts';
import { isCorsPath, preflightHeaders } from '#platform/http/cors.ts';
import { evaluatePolicy } from './authorizer-policy.ts';
import { toGatewayResponse, writeGatewayResponse, writeProblem } from './http-response.ts';
import type { LambdaInvoker, LoadedFunction } from './lambda.ts';
import { logError, logRequestWhenAnswered } from './log.ts';
import { methodArn, type ReceivedRequest, toAuthorizerEvent, toProxyEvent } from './proxy-event.ts';
import { RouteTable, type RouteTarget } from './routes.ts';

export interface ApiGateway {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface ApiGatewayOptions {
  /** Every function of the deployment: the http ones serve routes, the authorizer guards `apiKey` routes. */
  readonly functions: readonly LoadedFunction[];
  readonly invoker: LambdaInvoker;
  readonly port?: number;
  readonly host?: string;
  /** Origins whose CORS preflights are answered; by default CORS_ALLOWED_ORIGINS, as the functions read it. */
  readonly allowedOrigins?: readonly string[];
}

/** API Gateway's payload limit for REST APIs. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

type Authorizer = APIGatewayProxyEvent['requestContext']['authorizer'];

/** A REST (v1) API Gateway in front of the functions: Lambda proxy integration, REQUEST authorizer. */
export async function startApiGateway(opts: ApiGatewayOptions): Promise<ApiGateway> {
  const routes = new RouteTable(opts.functions.filter((fn) => fn.spec.kind === 'http'));
  const authorizer = opts.functions.find((fn) => fn.spec.kind === 'authorizer');
  const guarded = routes.targets.find((target) => target.route.auth === 'apiKey');
  if (guarded && !authorizer) {
    throw new Error(
      `${guarded.route.method} ${guarded.route.path} needs an authorizer function and there is none`,
    );
  }
  const allowedOrigins = opts.allowedOrigins ?? readConfig(CorsConfig).CORS_ALLOWED_ORIGINS;
  const inFlight = new Set<Promise<void>>();

  const server = createServer((req, res) => {
    logRequestWhenAnswered(req, res);
    const handling = handle(req, res).catch((error: unknown) => {
      logError('local API gateway failed to answer', { path: req.url }, error);
      if (!res.headersSent) writeProblem(res, 500, randomUUID());
      else res.destroy();
    });
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const receivedAt = new Date();
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const method = req.method ?? 'GET';
    const match = routes.match(method, url.pathname);
    const preflight = method === 'OPTIONS' && allowedOrigins.length > 0 && isCorsPath(url.pathname);
    if (preflight && match.kind === 'method-not-allowed') {
      req.resume();
      return answerPreflight(req, res, requestId, match.allow);
    }
    if (match.kind !== 'found') {
      req.resume();
      if (match.kind === 'not-found') return writeProblem(res, 404, requestId);
      return writeProblem(res, 405, requestId, { allow: match.allow.join(', ') });
    }
    const body = await readBody(req);
    if (!body) return writeProblem(res, 413, requestId, { connection: 'close' });

    const request: ReceivedRequest = {
      requestId,
      receivedAt,
      method,
      path: url.pathname,
      resource: match.target.route.path,
      rawHeaders: req.rawHeaders,
      query: url.searchParams,
      pathParameters: match.pathParameters,
      body,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      protocol: `HTTP/${req.httpVersion}`,
    };
    let context: Authorizer = null;
    if (match.target.route.auth === 'apiKey' && authorizer) {
      const outcome = await authorize(authorizer, request);
      if (typeof outcome === 'number') return writeProblem(res, outcome, requestId);
      context = outcome;
    }
    return invokeRoute(match.target, request, context, res);
  }

  async function invokeRoute(
    target: RouteTarget,
    request: ReceivedRequest,
    context: Authorizer,
    res: ServerResponse,
  ) {
    const log = { function: target.fn.spec.name, requestId: request.requestId, resource: request.resource };
    let result: unknown;
    try {
      result = await opts.invoker.invoke(target.fn, toProxyEvent(request, context));
    } catch (error) {
      logError('handler failed', log, error);
      return writeProblem(res, 502, request.requestId);
    }
    const response = toGatewayResponse(result);
    if (typeof response === 'string') {
      logError(response, log);
      return writeProblem(res, 502, request.requestId);
    }
    writeGatewayResponse(res, response, request.requestId);
  }

  /**
   * A CORS preflight, as API Gateway's mock OPTIONS method answers it in AWS (lib/aws/api.ts):
   * never reaching the authorizer or a function; an origin not allowed gets no allow header.
   */
  function answerPreflight(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    methods: readonly string[],
  ) {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    res.writeHead(204, { ...preflightHeaders(origin, allowedOrigins, methods), 'x-request-id': requestId });
    res.end();
  }

  /** The authorizer's verdict: a status to answer with, or the context the route's function sees. */
  async function authorize(fn: LoadedFunction, request: ReceivedRequest): Promise<Authorizer | number> {
    const log = { function: fn.spec.name, requestId: request.requestId, resource: request.resource };
    const started = Date.now();
    let result: unknown;
    try {
      result = await opts.invoker.invoke(fn, toAuthorizerEvent(request));
    } catch (error) {
      // The one error message API Gateway turns into a 401; any other failure is a 500.
      if (error instanceof Error && error.message === 'Unauthorized') return 401;
      logError('authorizer failed', log, error);
      return 500;
    }
    const decision = evaluatePolicy(result, methodArn(request));
    if (decision.effect === 'invalid') {
      logError(`malformed authorizer response: ${decision.reason}`, log);
      return 500;
    }
    if (decision.effect === 'deny') return 403;
    return {
      ...decision.context,
      principalId: decision.principalId,
      integrationLatency: Date.now() - started,
    };
  }

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async stop() {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The whole body, or undefined once it exceeds API Gateway's limit (the rest is drained unread). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
      else resolve(undefined);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
