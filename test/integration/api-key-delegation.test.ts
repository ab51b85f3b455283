import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { systemClock } from '#platform/clock.ts';
import { authorized, authorizerContextFor } from '#test/support/gateway-authorizer.ts';
import {
  type ApiHandler,
  type AuthorizerHandler,
  apiEvent,
  lambdaContext,
  loadHandler,
} from '#test/support/lambda-events.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';

/**
 * Delegation through the real authorizer and api handler: a key issues and rotates keys with at
 * most what it has (#domain/access/delegation.ts); the rest is a 403 saying what it holds.
 */

let stack: TestStack;
let api: ApiHandler;
let authorizer: AuthorizerHandler;
const ORG = 'delegation-org';
const IN_A_DAY = new Date(Date.now() + 86_400_000).toISOString();
const IN_A_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

const keyDeps = () => ({
  apiKeys: new DynamoApiKeyStore(stack.resources.tables.main),
  pepper: environmentPepper(),
  clock: systemClock,
});
/** A key put in place by an operator (the CLI), bound by nothing. */
const operatorKey = (extra: { expiresAt?: string; rateLimitPerMinute?: number; scopes?: ['admin'] } = {}) =>
  createApiKey(keyDeps(), {
    orgId: ORG,
    name: 'operator issued',
    scopes: ['admin'],
    env: 'test',
    by: 'operator',
    ...extra,
  });

/** A day-long admin key limited to 60 requests a minute: the caller of most cases. */
let limited: Awaited<ReturnType<typeof operatorKey>>;

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  authorizer = await loadHandler<AuthorizerHandler>('authorizer');
  limited = await operatorKey({ expiresAt: IN_A_DAY, rateLimitPerMinute: 60 });
});
afterAll(async () => stack?.stop());

/** Authorizer then API, as API Gateway chains them. */
async function post(
  apiKey: string,
  resource: string,
  body: unknown,
  pathParameters?: Record<string, string>,
) {
  const event = apiEvent({
    method: 'POST',
    resource,
    path: pathParameters ? resource.replace('{keyId}', pathParameters.keyId ?? '') : resource,
    ...(pathParameters ? { pathParameters } : {}),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await api(
    authorized(event, await authorizerContextFor(authorizer, apiKey)),
    lambdaContext('api'),
  );
  return {
    status: answer.statusCode,
    contentType: answer.headers?.['content-type'],
    body: JSON.parse(answer.body) as Record<string, unknown>,
  };
}
const issue = (apiKey: string, body: Record<string, unknown>) =>
  post(apiKey, '/v1/admin/api-keys', { name: 'delegated', ...body });
const rotate = (apiKey: string, keyId: string) =>
  post(apiKey, '/v1/admin/api-keys/{keyId}/rotate', {}, { keyId });

describe('POST /v1/admin/api-keys by a limited admin key', () => {
  it('refuses a later expiry with a 403 saying until when it may', async () => {
    const answer = await issue(limited.key, {
      scopes: ['events:read'],
      expiresAt: IN_A_YEAR,
      rateLimitPerMinute: 10,
    });
    expect(answer.status).toBe(403);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:aictive:problem:forbidden',
      detail: `this key expires at ${limited.record.keyExpiresAt}; a key it grants must expire by then`,
    });
  });

  it('refuses a higher rate limit with a 403 saying its own', async () => {
    const answer = await issue(limited.key, {
      scopes: ['events:read'],
      expiresAt: IN_A_DAY,
      rateLimitPerMinute: 6000,
    });
    expect([answer.status, answer.body.detail]).toEqual([
      403,
      'this key may make 60 requests a minute; a key it grants may make at most that many',
    ]);
  });

  it('gives a key that asks for neither its own expiry and limit', async () => {
    const answer = await issue(limited.key, { scopes: ['admin'] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      scopes: ['admin'],
      expiresAt: limited.record.keyExpiresAt,
      rateLimitPerMinute: 60,
    });
  });

  it('grants less than it has', async () => {
    const sooner = new Date(Date.now() + 3_600_000).toISOString();
    const answer = await issue(limited.key, {
      scopes: ['stats:read'],
      expiresAt: sooner,
      rateLimitPerMinute: 5,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ expiresAt: sooner, rateLimitPerMinute: 5 });
  });

  it('refuses a key above the default limit from a key that has none of its own', async () => {
    const unlimited = await operatorKey();
    const answer = await issue(unlimited.key, { scopes: ['events:read'], rateLimitPerMinute: 100_000 });
    expect([answer.status, answer.body.detail]).toEqual([
      403,
      'this key may make 600 requests a minute; a key it grants may make at most that many',
    ]);
  });
});

describe('POST /v1/admin/api-keys/{keyId}/rotate by a limited admin key', () => {
  it('refuses to rotate a key holding more than it does', async () => {
    const stronger = await operatorKey();
    const answer = await rotate(limited.key, stronger.record.keyId);
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toMatch(/^this key expires at /);
  });

  it('rotates a key holding no more than it does, and itself', async () => {
    const weaker = await issue(limited.key, { scopes: ['events:read'] });
    expect((await rotate(limited.key, String(weaker.body.keyId))).status).toBe(200);
    const self = await operatorKey({ expiresAt: IN_A_DAY, rateLimitPerMinute: 60 });
    expect((await rotate(self.key, self.record.keyId)).status).toBe(200);
  });
});

it('refuses to issue for a key revoked since the authorizer let it in (its answer is cached 300 s)', async () => {
  const revoked = await operatorKey();
  const context = await authorizerContextFor(authorizer, revoked.key);
  await revokeApiKey(keyDeps(), ORG, revoked.record.keyId);
  const event = apiEvent({
    method: 'POST',
    resource: '/v1/admin/api-keys',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'late', scopes: ['events:read'] }),
  });
  const answer = await api(authorized(event, context), lambdaContext('api'));
  expect([answer.statusCode, JSON.parse(answer.body).detail]).toEqual([
    403,
    'the key making this request is revoked or expired',
  ]);
});
