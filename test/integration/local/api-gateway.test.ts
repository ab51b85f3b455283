import { type IncomingHttpHeaders, request } from 'node:http';
import {
  APIGatewayProxyEventSchema,
  APIGatewayRequestAuthorizerEventSchema,
} from '@aws-lambda-powertools/parser/schemas';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES } from '#lib/local/api-gateway.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { GATEWAY_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';
import { fixtureAuthorizer, fixtureHttp } from '#test/support/local-fixture-handlers/functions.ts';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** node:http rather than fetch: it sends header names with the casing we give it. */
function send(
  runtime: LocalRuntime,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${runtime.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    // The gateway may answer (413) before it has read the whole body; the reply still arrives.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    req.end(body);
  });
}

function echoed(reply: Reply): {
  event: APIGatewayProxyEvent;
  context: { functionName: string; remainingMs: number };
} {
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body.toString('utf8'));
}

const TITLES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  // What API Gateway's DEFAULT_5XX answers (lib/aws/problem-responses.ts).
  500: 'Server Error',
  502: 'Server Error',
};

function expectProblem(reply: Reply, status: number, slug: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/problem+json');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(reply.headers[name]).toBe(value);
  const detail = GATEWAY_PROBLEM_DETAILS[status];
  expect(JSON.parse(reply.body.toString('utf8'))).toEqual({
    type: `urn:aictive:problem:${slug}`,
    title: TITLES[status],
    status,
    ...(detail ? { detail } : {}),
    instance: reply.headers['x-request-id'],
  });
}

describe('local API gateway', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startLocalRuntime({ functions: [fixtureHttp, fixtureAuthorizer], schedules: false });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('request event', () => {
    it('carries resource, path parameters, query, original header names and request context', async () => {
      const reply = await send(runtime, 'GET', '/items/blue%20chair?tag=a&tag=b&unit=12', {
        'X-Correlation-Id': 'corr-1',
        Accept: 'application/json',
      });
      const { event, context } = echoed(reply);

      expect(() => APIGatewayProxyEventSchema.parse(event)).not.toThrow();
      expect(event.resource).toBe('/items/{itemId}');
      expect(event.path).toBe('/items/blue%20chair');
      expect(event.httpMethod).toBe('GET');
      expect(event.pathParameters).toEqual({ itemId: 'blue chair' });
      expect(event.queryStringParameters).toEqual({ tag: 'b', unit: '12' });
      expect(event.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'], unit: ['12'] });
      expect(event.headers['X-Correlation-Id']).toBe('corr-1');
      expect(event.multiValueHeaders['X-Correlation-Id']).toEqual(['corr-1']);
      expect(event.stageVariables).toBeNull();
      expect(event.body).toBeNull();
      expect(event.isBase64Encoded).toBe(false);
      expect(event.requestContext).toMatchObject({
        stage: 'local',
        httpMethod: 'GET',
        resourcePath: '/items/{itemId}',
        requestId: reply.headers['x-request-id'],
        identity: { sourceIp: '127.0.0.1' },
        authorizer: null,
      });
      expect(event.requestContext.requestTime).toMatch(
        /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
      );
      expect(Math.abs(event.requestContext.requestTimeEpoch - Date.now())).toBeLessThan(10_000);
      expect(context.functionName).toBe('fixture-http');
      expect(context.remainingMs).toBeGreaterThan(0);
      expect(context.remainingMs).toBeLessThanOrEqual(1000);
    });

    it('has null query and path parameters when there are none, and prefers literal resources', async () => {
      const { event } = echoed(await send(runtime, 'GET', '/items/special'));
      expect(event.resource).toBe('/items/special');
      expect(event.pathParameters).toBeNull();
      expect(event.queryStringParameters).toBeNull();
      expect(event.multiValueQueryStringParameters).toBeNull();
    });

    it('passes a text body as received', async () => {
      const body = JSON.stringify({ note: 'Leak under the sink – unit 4B' });
      const { event } = echoed(
        await send(
          runtime,
          'POST',
          '/items/sink',
          { 'Content-Type': 'application/json; charset=utf-8' },
          body,
        ),
      );
      expect(event.body).toBe(body);
      expect(event.isBase64Encoded).toBe(false);
    });

    it('base64-encodes a binary body', async () => {
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
      const { event } = echoed(
        await send(runtime, 'POST', '/upload', { 'Content-Type': 'image/png' }, bytes),
      );
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
    });
  });

  describe('response mapping', () => {
    it('writes status, headers, multi-value headers and body, plus x-request-id', async () => {
      const reply = await send(runtime, 'GET', '/items/1');
      expect(reply.headers['x-fixture']).toBe('echo');
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.headers['set-cookie']).toEqual(['first=1', 'second=2']);
      expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('decodes a base64 response body', async () => {
      const reply = await send(runtime, 'GET', '/binary');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.body).toEqual(Buffer.from([0, 1, 2, 255]));
    });
  });

  describe('gateway errors', () => {
    it('answers 404 for an unknown path', async () => {
      expectProblem(await send(runtime, 'GET', '/nowhere'), 404, 'not-found');
    });

    it('answers 405 with Allow for a known path and another method', async () => {
      const reply = await send(runtime, 'DELETE', '/items/1');
      expectProblem(reply, 405, 'method-not-allowed');
      expect(reply.headers.allow).toBe('GET, POST');
      // The most specific resource decides, even when a parameterised one has the method.
      expect((await send(runtime, 'POST', '/items/special')).headers.allow).toBe('GET');
    });

    it('answers 413 above the 10 MB payload limit', async () => {
      const reply = await send(
        runtime,
        'POST',
        '/upload',
        { 'Content-Type': 'text/plain' },
        Buffer.alloc(MAX_REQUEST_BYTES + 1),
      );
      expectProblem(reply, 413, 'payload-too-large');
    });

    it('answers 502 without internals when the handler throws, and logs the error to stderr', async () => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const reply = await send(runtime, 'GET', '/throws');
      expectProblem(reply, 502, 'server-error');
      expect(reply.body.toString('utf8')).not.toContain('internal detail');
      expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toContain(
        'fixture failure with internal detail',
      );
    });

    it('answers 502 when the handler returns something that is not a proxy response', async () => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      expectProblem(await send(runtime, 'GET', '/garbage'), 502, 'server-error');
    });

    it('answers 502 when the handler outlives its timeout', async () => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const started = Date.now();
      expectProblem(await send(runtime, 'GET', '/slow'), 502, 'server-error');
      expect(Date.now() - started).toBeLessThan(1500);
    });
  });

  describe('REQUEST authorizer', () => {
    it('answers 401 when the authorizer says Unauthorized', async () => {
      expectProblem(await send(runtime, 'GET', '/private/1'), 401, 'unauthorized');
    });

    it('answers 403 for an explicit Deny and for a policy that does not cover the method', async () => {
      expectProblem(
        await send(runtime, 'GET', '/private/1', { Authorization: 'Bearer deny-key' }),
        403,
        'forbidden',
      );
      expectProblem(
        await send(runtime, 'GET', '/private/1', { Authorization: 'Bearer other-resource-key' }),
        403,
        'forbidden',
      );
    });

    it('answers 500 when the authorizer fails or answers without a policy', async () => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      for (const token of ['broken-key', 'malformed-key']) {
        const reply = await send(runtime, 'GET', '/private/1', { Authorization: `Bearer ${token}` });
        expectProblem(reply, 500, 'server-error');
      }
    });

    it('passes the context and principal to the function on Allow', async () => {
      const { event } = echoed(
        await send(runtime, 'GET', '/private/42?view=full', { Authorization: 'Bearer allow-key' }),
      );
      expect(() => APIGatewayProxyEventSchema.parse(event)).not.toThrow();
      expect(event.requestContext.authorizer).toMatchObject({
        principalId: 'key-1',
        orgId: 'org-1',
        scopes: 'items:read',
        integrationLatency: expect.any(Number),
      });
      const authorizerEvent = JSON.parse(event.requestContext.authorizer?.authorizerEvent);
      expect(() => APIGatewayRequestAuthorizerEventSchema.parse(authorizerEvent)).not.toThrow();
      expect(authorizerEvent).toMatchObject({
        type: 'REQUEST',
        methodArn: 'arn:aws:execute-api:local:000000000000:local/local/GET/private/42',
        resource: '/private/{itemId}',
        path: '/private/42',
        httpMethod: 'GET',
        headers: { Authorization: 'Bearer allow-key' },
        queryStringParameters: { view: 'full' },
        pathParameters: { itemId: '42' },
      });
    });

    it('honours wildcards in the policy resource', async () => {
      const { event } = echoed(
        await send(runtime, 'GET', '/private/7', { Authorization: 'Bearer wildcard-key' }),
      );
      expect(event.requestContext.authorizer).toMatchObject({ principalId: 'key-2' });
    });
  });
});
