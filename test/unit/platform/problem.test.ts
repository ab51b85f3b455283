import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { healthOperations } from '#functions/api/health.ts';
import { operation } from '#platform/http/operation.ts';
import { gatewayProblemSlug, PROBLEM_TITLES, problem, problemType } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { createRouter } from '#platform/http/router.ts';
import { apiEvent } from '#test/support/lambda-events.ts';

const routes = [
  { method: 'GET', path: '/health/ready', auth: 'none', operation: 'ready' },
  { method: 'POST', path: '/v1/work-orders', auth: 'apiKey', scope: 'queue:write', operation: 'open' },
  {
    method: 'GET',
    path: '/v1/work-orders/{workOrderId}',
    auth: 'apiKey',
    scope: 'queue:read',
    operation: 'read',
  },
] as const;

const operations = {
  // The real readiness operation, with a dependency that is down.
  ready: healthOperations({
    table: async () => {
      throw new Error('table unreachable');
    },
  }).ready,
  open: operation(
    {
      summary: 'open a work order',
      body: z.strictObject({ unitId: z.string() }),
      responses: { 202: { description: 'opened' } },
    },
    async () => jsonResponse(202, {}),
  ),
  read: operation(
    {
      summary: 'read a work order',
      params: z.object({ workOrderId: z.string() }),
      responses: { 200: { description: 'it' } },
    },
    async ({ params }) => {
      if (params.workOrderId === 'wo_fails') throw new Error('boom');
      return problem(404, 'not-found');
    },
  ),
};

const key = { orgId: 'org-a', keyId: 'key-a', scopes: ['queue:write', 'queue:read'] };
const limited = { ...key, keyId: 'key-limited' };
const router = createRouter(routes, operations, {
  allowedOrigins: ['https://app.example.com'],
  admit: async (principal, requestId) =>
    principal.keyId === limited.keyId
      ? { refused: problem(429, 'rate-limited', { instance: requestId }), headers: { 'retry-after': '30' } }
      : {},
});

const open = (body: string, contentType = 'application/json', principal = key) =>
  apiEvent({
    method: 'POST',
    resource: '/v1/work-orders',
    headers: { 'content-type': contentType },
    body,
    principal,
  });
const read = (workOrderId: string, principal = key) =>
  apiEvent({
    method: 'GET',
    resource: '/v1/work-orders/{workOrderId}',
    pathParameters: { workOrderId },
    principal,
  });

const cases: [number, string, APIGatewayProxyEvent][] = [
  [400, 'invalid-json', open('{')],
  [401, 'unauthorized', apiEvent({ method: 'GET', resource: '/v1/work-orders/{workOrderId}' })],
  [403, 'forbidden', read('wo_1', { ...key, scopes: ['queue:write'] })],
  [404, 'not-found', read('wo_1')],
  [404, 'not-found', apiEvent({ method: 'GET', resource: '/v1/nothing-here' })],
  [405, 'method-not-allowed', apiEvent({ method: 'DELETE', resource: '/v1/work-orders', principal: key })],
  [413, 'payload-too-large', open(JSON.stringify({ unitId: 'u'.repeat(300_000) }))],
  [415, 'unsupported-media-type', open('unitId=4', 'text/plain')],
  [422, 'validation', open('{"unit":4}')],
  [429, 'rate-limited', read('wo_1', limited)],
  [500, 'internal', read('wo_fails')],
  [503, 'unavailable', apiEvent({ method: 'GET', resource: '/health/ready' })],
];

describe('every error the API answers', () => {
  it.each(cases)(
    '%i is problem+json with a stable type (%s), the request id and the security headers',
    async (status, slug, event) => {
      event.headers = { ...event.headers, origin: 'https://app.example.com' };
      const response = await router(event);
      const id = event.requestContext.requestId;
      expect(response.statusCode).toBe(status);
      expect(response.headers).toMatchObject({
        'content-type': 'application/problem+json',
        'x-request-id': id,
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
        'access-control-allow-origin': 'https://app.example.com',
      });
      const body = JSON.parse(response.body);
      expect(body).toMatchObject({
        type: problemType(slug as keyof typeof PROBLEM_TITLES),
        title: PROBLEM_TITLES[slug as keyof typeof PROBLEM_TITLES],
        status,
        instance: id,
      });
      expect(body.type).toMatch(/^urn:aictive:problem:[a-z-]+$/);
    },
  );

  it('covers every status the issue names', () => {
    expect(new Set(cases.map(([status]) => status))).toEqual(
      new Set([400, 401, 403, 404, 405, 413, 415, 422, 429, 500, 503]),
    );
  });

  it('says which check failed on 503, and why', async () => {
    const response = await router(apiEvent({ method: 'GET', resource: '/health/ready' }));
    expect(JSON.parse(response.body).checks).toEqual({
      table: expect.objectContaining({ status: 'failing', error: 'table unreachable' }),
    });
  });
});

describe('problems the gateway answers itself', () => {
  // The same types as API Gateway's gateway responses (test/infra checks those), so a client sees
  // one type per failure locally and in AWS.
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'method-not-allowed'],
    [413, 'payload-too-large'],
    [415, 'unsupported-media-type'],
    [429, 'throttled'],
    [504, 'timeout'],
    [500, 'server-error'],
    [502, 'server-error'],
    [418, 'client-error'],
  ])('%i is %s', (status, slug) => {
    expect(gatewayProblemSlug(status)).toBe(slug);
  });
});
