import { createHash } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import type { Principal } from '#domain/access/principal.ts';
import { apiKeyRoutes } from '#functions/api/api-keys.ts';
import { systemClock } from '#platform/clock.ts';
import type { Operation } from '#platform/http/operation.ts';
import { RequestError } from '#platform/http/request-error.ts';
import { apiEvent } from '#test/support/lambda-events.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { authorizeApiKey } from '#usecases/authorize-api-key.ts';
import { storeApiKey } from '#usecases/create-api-key.ts';

let stack: TestStack;
let routes: ReturnType<typeof apiKeyRoutes>;
let deps: Parameters<typeof apiKeyRoutes>[0];

beforeAll(async () => {
  stack = await startTestStack();
  deps = {
    apiKeys: new DynamoApiKeyStore(stack.resources.tables.main),
    pepper: environmentPepper(),
    clock: systemClock,
    env: 'test',
    defaultRateLimitPerMinute: DEFAULT_LIMIT,
  };
  routes = apiKeyRoutes(deps, audit());
  // The callers' own keys: a key issues and rotates only as its stored record allows.
  for (const orgId of ADMIN_ORGS)
    await storeApiKey(deps, {
      orgId,
      keyId: adminKeyId(orgId),
      secret: 'unused',
      name: 'org admin',
      scopes: ['admin'],
    });
});
afterAll(async () => stack?.stop());

const DEFAULT_LIMIT = 600;
/** The trail the routes write their audit lines to (the audit's own tests read them). */
const audit = () => ({ trail: new DynamoAuditTrail(stack.resources.tables.main), clock: systemClock });
const ADMIN_ORGS = [
  'admin-acme',
  'admin-listing',
  'admin-elsewhere',
  'admin-revoke',
  'admin-intruder',
  'admin-rotate',
  'admin-rotate-default',
];
/** One admin key per org (key ids are global, so each org's differs). */
const adminKeyId = (orgId: string) =>
  createHash('sha256')
    .update(orgId)
    .digest('hex')
    .replace(/[^a-z]/g, '')
    .padEnd(16, 'a')
    .slice(0, 16);
const admin = (orgId: string): Principal => ({ orgId, keyId: adminKeyId(orgId), scopes: ['admin'] });
/** An org's keys as listed, without the caller's own. */
const issuedKeys = (orgId: string, listed: unknown) =>
  (listed as { keyId: string }[]).filter((key) => key.keyId !== adminKeyId(orgId));

/** As the router calls an operation: parts already validated against the contract. */
async function call(
  op: Operation,
  principal: Principal,
  parts: { params?: unknown; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined; raw: APIGatewayProxyResult }> {
  const contract = op.contract;
  const params = contract.params ? contract.params.parse(parts.params) : undefined;
  const body = contract.body ? contract.body.parse(parts.body) : undefined;
  const raw = await op.handle({
    params,
    query: undefined,
    body,
    principal,
    requestId: 'req-test',
    event: apiEvent({ method: 'POST', resource: '/v1/admin/api-keys' }),
  });
  return { status: raw.statusCode, body: raw.body ? JSON.parse(raw.body) : undefined, raw };
}

const create = (orgId: string, body: Record<string, unknown> = {}) =>
  call(routes.createApiKey, admin(orgId), { body: { name: 'dashboard', scopes: ['emails:read'], ...body } });
const authorized = (apiKey: unknown) => authorizeApiKey(deps, `Bearer ${String(apiKey)}`);

describe('POST /v1/admin/api-keys', () => {
  it("issues a key of the caller's org, shown once, that the authorizer accepts", async () => {
    const created = await create('admin-acme', {
      role: 'leasing_agent',
      agentId: 'dana',
      rateLimitPerMinute: 30,
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      keyId: expect.stringMatching(/^[a-z0-9]{16}$/),
      apiKey: expect.stringMatching(/^ak_test_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/),
      name: 'dashboard',
      scopes: ['emails:read'],
      role: 'leasing_agent',
      agentId: 'dana',
      rateLimitPerMinute: 30,
      expiresAt: '2099-01-01T00:00:00.000Z',
      createdAt: expect.any(String),
    });
    expect(await authorized(created.body?.apiKey)).toEqual({
      orgId: 'admin-acme',
      keyId: created.body?.keyId,
      scopes: ['emails:read'],
      role: 'leasing_agent',
      agentId: 'dana',
      rateLimitPerMinute: 30,
    });
  });

  it('refuses an expiry in the past with a 422 naming the field', async () => {
    const error = await create('admin-acme', { expiresAt: '2020-01-01T00:00:00Z' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ status: 422, extensions: { errors: [{ path: 'expiresAt' }] } });
  });

  it('cannot be pointed at another org, nor grant unknown scopes (the contract refuses both)', () => {
    const body = routes.createApiKey.contract.body;
    expect(body?.safeParse({ name: 'n', scopes: ['admin'], orgId: 'other' }).success).toBe(false);
    expect(body?.safeParse({ name: 'n', scopes: ['root'] }).success).toBe(false);
  });
});

it('refuses to be built with an env segment no key could carry', () => {
  expect(() => apiKeyRoutes({ ...deps, env: 'pr-12' }, audit())).toThrow(/lower-case letters or digits/);
});

describe('GET /v1/admin/api-keys', () => {
  it("lists only the caller's org's keys, never a secret or hash", async () => {
    const mine = await create('admin-listing');
    await create('admin-elsewhere');
    const listed = await call(routes.listApiKeys, admin('admin-listing'));
    expect(listed.status).toBe(200);
    expect(issuedKeys('admin-listing', listed.body?.apiKeys)).toEqual([
      {
        keyId: mine.body?.keyId,
        name: 'dashboard',
        scopes: ['emails:read'],
        createdAt: mine.body?.createdAt,
      },
    ]);
    expect(listed.raw.body).not.toMatch(/hash|apiKey"|ak_test/i);
    expect(routes.listApiKeys.contract.responses[200]?.body?.safeParse(listed.body).success).toBe(true);
  });
});

describe('DELETE /v1/admin/api-keys/{keyId}', () => {
  it('revokes (idempotently) a key of the org; another org gets 404 and the key keeps working', async () => {
    const { body } = await create('admin-revoke');
    const params = { keyId: body?.keyId };
    const foreign = await call(routes.revokeApiKey, admin('admin-intruder'), { params });
    expect([foreign.status, foreign.body?.type]).toEqual([404, 'urn:aictive:problem:not-found']);
    expect(await authorized(body?.apiKey)).toBeDefined();

    const revoked = await call(routes.revokeApiKey, admin('admin-revoke'), { params });
    expect([revoked.status, revoked.raw.body]).toEqual([204, '']);
    expect(await authorized(body?.apiKey)).toBeUndefined();
    expect((await call(routes.revokeApiKey, admin('admin-revoke'), { params })).status).toBe(204);

    const listed = await call(routes.listApiKeys, admin('admin-revoke'));
    expect(issuedKeys('admin-revoke', listed.body?.apiKeys)).toEqual([
      expect.objectContaining({ revokedAt: expect.any(String) }),
    ]);
  });

  it('answers 404 for an unknown key id', async () => {
    const unknown = await call(routes.revokeApiKey, admin('admin-revoke'), {
      params: { keyId: 'zzzzzzzzzzzzzzzz' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('POST /v1/admin/api-keys/{keyId}/rotate', () => {
  it('returns a new key once; the old one keeps working until the grace ends', async () => {
    const { body } = await create('admin-rotate');
    const before = Date.now();
    const rotated = await call(routes.rotateApiKey, admin('admin-rotate'), {
      params: { keyId: body?.keyId },
      body: { graceSeconds: 3600 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({
      keyId: body?.keyId,
      apiKey: expect.stringMatching(new RegExp(`^ak_test_${String(body?.keyId)}_`)),
      previousSecretValidUntil: expect.any(String),
    });
    const until = Date.parse(String(rotated.body?.previousSecretValidUntil));
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(await authorized(body?.apiKey)).toBeDefined();
    expect(await authorized(rotated.body?.apiKey)).toBeDefined();

    const listed = await call(routes.listApiKeys, admin('admin-rotate'));
    expect(issuedKeys('admin-rotate', listed.body?.apiKeys)).toEqual([
      expect.objectContaining({ previousSecretValidUntil: rotated.body?.previousSecretValidUntil }),
    ]);
  });

  it('uses the default grace without a body, and answers 404 to another org and for a revoked key', async () => {
    const { body } = await create('admin-rotate-default');
    const params = { keyId: body?.keyId };
    const rotated = await call(routes.rotateApiKey, admin('admin-rotate-default'), {
      params,
      body: undefined,
    });
    const grace = Date.parse(String(rotated.body?.previousSecretValidUntil)) - Date.now();
    expect(grace).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(grace).toBeLessThanOrEqual(24 * 3_600_000);

    expect((await call(routes.rotateApiKey, admin('admin-intruder'), { params })).status).toBe(404);
    await call(routes.revokeApiKey, admin('admin-rotate-default'), { params });
    expect((await call(routes.rotateApiKey, admin('admin-rotate-default'), { params })).status).toBe(404);
  });
});
