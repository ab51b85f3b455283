import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Principal } from '#domain/access/principal.ts';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import { type OperationRequest, operation } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { createRouter, type RouteBinding, type RouterOptions } from '#platform/http/router.ts';
import { apiEvent } from '#test/support/lambda-events.ts';

const routes = [
  { method: 'GET', path: '/health', auth: 'none', operation: 'health' },
  { method: 'POST', path: '/v1/leases', auth: 'apiKey', scope: 'leases:write', operation: 'createLease' },
  {
    method: 'GET',
    path: '/v1/leases/{leaseId}',
    auth: 'apiKey',
    scope: 'leases:read',
    operation: 'getLease',
  },
  { method: 'GET', path: '/v1/leases', auth: 'apiKey', scope: 'leases:read', operation: 'listLeases' },
] as const satisfies readonly RouteBinding[];

const seen: OperationRequest[] = [];
const operations = {
  health: operation({ summary: 'liveness', responses: { 200: { description: 'ok' } } }, async () =>
    jsonResponse(200, { status: 'ok' }, { 'cache-control': 'public, max-age=60' }),
  ),
  createLease: operation(
    {
      summary: 'create',
      body: z.strictObject({ unitId: z.string().min(1), rent: z.object({ cents: z.number().int() }) }),
      responses: { 201: { description: 'created' } },
    },
    async (request) => {
      seen.push(request);
      return jsonResponse(201, { unitId: request.body.unitId }, { Location: '/v1/leases/l1' });
    },
  ),
  getLease: operation(
    {
      summary: 'read',
      params: z.object({ leaseId: z.string().regex(/^ls_[a-z0-9]{4}$/) }),
      responses: { 200: { description: 'the lease' } },
    },
    async (request) => {
      seen.push(request);
      if (request.params.leaseId === 'ls_boom') throw new Error('table exploded: secret internals');
      if (request.params.leaseId === 'ls_audt')
        throw new AuditWriteFailed(
          {
            orgId: 'org-a',
            action: 'api_key.revoked',
            actor: { kind: 'key', keyId: 'key-r' },
            target: { kind: 'api_key', id: 'k2' },
          },
          { cause: new Error('table exploded: secret internals') },
        );
      return jsonResponse(200, { leaseId: request.params.leaseId });
    },
  ),
  listLeases: operation(
    {
      summary: 'list',
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(10).default(5) }),
      responses: { 200: { description: 'a page' } },
    },
    async (request) => jsonResponse(200, { limit: request.query.limit }),
  ),
};

const reader = { orgId: 'org-a', keyId: 'key-r', scopes: ['leases:read'] };
const writer = { orgId: 'org-a', keyId: 'key-w', scopes: ['leases:write'] };

function router(options?: RouterOptions) {
  return createRouter(routes, operations, options);
}

function withQuery(event: APIGatewayProxyEvent, query: Record<string, string[]>): APIGatewayProxyEvent {
  return {
    ...event,
    queryStringParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.at(-1) ?? ''])),
    multiValueQueryStringParameters: query,
  };
}

const createLease = (body: string, principal = writer, contentType = 'application/json') =>
  apiEvent({
    method: 'POST',
    resource: '/v1/leases',
    headers: { 'Content-Type': contentType },
    body,
    principal,
  });

/** `null`: no principal, as when the authorizer context is missing. */
const getLease = (leaseId: string, principal: typeof reader | null = reader) =>
  apiEvent({
    method: 'GET',
    resource: '/v1/leases/{leaseId}',
    pathParameters: { leaseId },
    principal: principal ?? undefined,
  });

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('createRouter', () => {
  it('runs the operation with the parsed parts and the principal, and echoes the request id', async () => {
    const event = createLease('{"unitId":"u-4","rent":{"cents":120000}}');
    const response = await router()(event);
    expect(response.statusCode).toBe(201);
    expect(response.headers?.location).toBe('/v1/leases/l1');
    expect(response.headers?.['x-request-id']).toBe(event.requestContext.requestId);
    const request = seen.at(-1);
    expect(request?.body).toEqual({ unitId: 'u-4', rent: { cents: 120000 } });
    expect(request?.principal).toMatchObject(writer);
    expect(request?.requestId).toBe(event.requestContext.requestId);
  });

  it('answers an unknown resource 404 and a wrong method 405 with Allow', async () => {
    const missing = await router()(apiEvent({ method: 'GET', resource: '/v1/tenants' }));
    expect([missing.statusCode, json(missing.body).type]).toEqual([404, 'urn:aictive:problem:not-found']);
    const wrong = await router()(apiEvent({ method: 'DELETE', resource: '/v1/leases', principal: writer }));
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers?.allow).toBe('POST, GET');
  });

  it('answers 401 without a principal and 403 without the scope, before the operation runs', async () => {
    const before = seen.length;
    expect((await router()(getLease('ls_abcd', null))).statusCode).toBe(401);
    const forbidden = await router()(getLease('ls_abcd', writer));
    expect(forbidden.statusCode).toBe(403);
    expect(json(forbidden.body).detail).toContain('leases:read');
    expect(seen.length).toBe(before);
    // admin holds every scope of its org
    expect((await router()(getLease('ls_abcd', { ...reader, scopes: ['admin'] }))).statusCode).toBe(200);
  });

  it('answers a path parameter no resource could have with 404, never reaching the operation', async () => {
    const before = seen.length;
    for (const id of ['x'.repeat(5000), '../etc', '']) {
      expect((await router()(getLease(id))).statusCode).toBe(404);
    }
    expect(seen.length).toBe(before);
    expect(json((await router()(getLease('ls_abcd'))).body)).toEqual({ leaseId: 'ls_abcd' });
  });

  it('validates the query: defaults, 422 naming the field, an unknown one, or a repeated one', async () => {
    const list = (query: Record<string, string[]>) =>
      router()(withQuery(apiEvent({ method: 'GET', resource: '/v1/leases', principal: reader }), query));
    expect(json((await list({})).body)).toEqual({ limit: 5 });
    expect(json((await list({ limit: ['7'] })).body)).toEqual({ limit: 7 });
    const invalid: [Record<string, string[]>, string, unknown][] = [
      [{ limit: ['11'] }, 'limit', expect.any(String)],
      [{ limt: ['1'] }, 'limt', expect.any(String)],
      [{ limit: ['1', '2'] }, 'limit', 'given more than once'],
    ];
    for (const [query, path, message] of invalid) {
      const response = await list(query);
      expect(response.statusCode).toBe(422);
      expect(json(response.body).errors).toEqual([{ path, message }]);
    }
  });

  it.each([
    ['malformed JSON', '{"unitId":', 'application/json', 400, 'invalid-json'],
    ['a form body', 'unitId=u', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
    [
      'a body over 256 KB',
      JSON.stringify({ unitId: 'x'.repeat(300_000) }),
      'application/json',
      413,
      'payload-too-large',
    ],
  ])('answers %s with %i', async (_name, body, contentType, status, slug) => {
    const response = await router()(createLease(body, writer, contentType));
    expect([response.statusCode, json(response.body).type]).toEqual([status, `urn:aictive:problem:${slug}`]);
  });

  it('names every invalid body field by its path on 422, unknown fields included', async () => {
    const response = await router()(createLease('{"rent":{"cents":1.5},"admin":true}'));
    expect(response.statusCode).toBe(422);
    expect((json(response.body).errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'admin',
      'rent.cents',
      'unitId',
    ]);
  });

  it('answers an unexpected failure 500 without its detail', async () => {
    const response = await router()(getLease('ls_boom'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('exploded');
    expect(json(response.body)).toMatchObject({ type: 'urn:aictive:problem:internal', status: 500 });
  });

  it('answers an audit line that could not be written 503, saying the change was made and must not be repeated', async () => {
    const response = await router()(getLease('ls_audt'));
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('exploded');
    expect(json(response.body)).toMatchObject({
      type: 'urn:aictive:problem:unavailable',
      status: 503,
      detail:
        'the change was made (api_key.revoked), but its audit line could not be written: do not repeat it; ask an operator',
    });
  });

  it('never lets an authenticated answer be cached; a public one keeps its own cache policy', async () => {
    expect((await router()(getLease('ls_abcd'))).headers?.['cache-control']).toBe('no-store');
    const health = await router()(apiEvent({ method: 'GET', resource: '/health' }));
    expect(health.headers?.['cache-control']).toBe('public, max-age=60');
    expect(health.headers?.['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('admission', () => {
  it('runs after auth and scope, before validation, and its headers reach every answer', async () => {
    const admitted: [Principal, string][] = [];
    const admit = vi.fn(async (principal: Principal, requestId: string) => {
      admitted.push([principal, requestId]);
      return { headers: { 'RateLimit-Remaining': '41' } };
    });
    const withAdmission = router({ admit });

    expect((await withAdmission(getLease('ls_abcd', null))).statusCode).toBe(401);
    expect((await withAdmission(getLease('ls_abcd', writer))).statusCode).toBe(403);
    expect((await withAdmission(apiEvent({ method: 'GET', resource: '/health' }))).statusCode).toBe(200);
    expect(admit).not.toHaveBeenCalled();

    const ok = getLease('ls_abcd');
    const answered = await withAdmission(ok);
    expect(answered.headers?.['ratelimit-remaining']).toBe('41');
    expect(admitted).toEqual([[expect.objectContaining(reader), ok.requestContext.requestId]]);

    // A request that fails validation was still admitted (it counts against the limit).
    const invalid = await withAdmission(createLease('{}', { ...writer, scopes: ['admin'] }));
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers?.['ratelimit-remaining']).toBe('41');
  });

  it('answers a refusal in place of the operation, with the admission headers', async () => {
    const before = seen.length;
    const refusing = router({
      admit: async (_principal, requestId) => ({
        refused: problem(429, 'rate-limited', { detail: 'over 600 requests a minute', instance: requestId }),
        headers: { 'Retry-After': '12' },
      }),
    });
    const event = getLease('ls_abcd');
    const response = await refusing(event);
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('12');
    expect(response.headers?.['x-request-id']).toBe(event.requestContext.requestId);
    expect(json(response.body)).toMatchObject({
      type: 'urn:aictive:problem:rate-limited',
      title: 'Too Many Requests',
      instance: event.requestContext.requestId,
    });
    expect(seen.length).toBe(before);
  });
});

describe('CORS on responses', () => {
  const origins = ['https://app.example.com', 'http://localhost:5173'];

  it('names an allowed origin, exposes the headers scripts read, and varies on Origin', async () => {
    const event = getLease('ls_abcd');
    event.headers = { Origin: 'http://localhost:5173' };
    const response = await router({ allowedOrigins: origins })(event);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      vary: 'Origin',
    });
    const exposed = String(response.headers?.['access-control-expose-headers']).toLowerCase().split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after', 'location', 'ratelimit-remaining']),
    );
  });

  it('also on problem answers, so a browser can read the error', async () => {
    const event = getLease('ls_abcd', null);
    event.headers = { origin: 'https://app.example.com' };
    const response = await router({ allowedOrigins: origins })(event);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it.each([
    ['another origin', origins, 'https://evil.example.com'],
    ['a prefix of an allowed one', origins, 'https://app.example.co'],
    ['no CORS configured', [], 'https://app.example.com'],
  ])('gives %s no CORS headers', async (_name, allowed, origin) => {
    const event = getLease('ls_abcd');
    event.headers = { Origin: origin };
    const response = await router({ allowedOrigins: allowed })(event);
    expect(Object.keys(response.headers ?? {}).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
