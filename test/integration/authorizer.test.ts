import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { fixedApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { principalFromAuthorizerContext } from '#domain/access/principal.ts';
import type { Role } from '#domain/access/roles.ts';
import { systemClock } from '#platform/clock.ts';
import { metrics } from '#platform/observability.ts';
import { generateApiKey, hashApiKeySecret } from '#platform/security/api-key.ts';
import { type AuthorizerHandler, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';
import { rotateApiKey } from '#usecases/rotate-api-key.ts';

let stack: TestStack;
let authorizer: AuthorizerHandler;
let deps: Parameters<typeof createApiKey>[0];

beforeAll(async () => {
  stack = await startTestStack();
  deps = {
    apiKeys: new DynamoApiKeyStore(stack.resources.tables.main),
    pepper: environmentPepper(),
    clock: systemClock,
  };
  authorizer = await loadHandler<AuthorizerHandler>('authorizer');
});
afterAll(async () => stack?.stop());

const methodArn = 'arn:aws:execute-api:us-east-1:000000000000:api123/prod/POST/v1/admin/api-keys';
const authorize = (apiKey: string) =>
  authorizer(
    { type: 'REQUEST', methodArn, headers: { Authorization: `Bearer ${apiKey}` } },
    lambdaContext('authorizer'),
  );

const issue = (orgId: string, changes: Partial<Parameters<typeof createApiKey>[1]> = {}) =>
  createApiKey(deps, {
    orgId,
    name: 'authorizer test',
    scopes: ['emails:read', 'admin'],
    env: 'test',
    by: 'operator',
    ...changes,
  });

describe('authorizer', () => {
  it('keeps a key stored with a role name from before the roles registry working, read as its equivalent', async () => {
    const { key, keyId, secret } = generateApiKey('test');
    // As an earlier version stored it: `accounting` is now `accountant`.
    await deps.apiKeys.put({
      keyId,
      orgId: 'auth-legacy',
      name: 'issued before the registry',
      scopes: ['stats:read'],
      role: 'accounting' as Role,
      secretHash: hashApiKeySecret(await deps.pepper.pepper(), secret),
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    const result = await authorize(key);
    expect(result.context).toMatchObject({ orgId: 'auth-legacy', keyId, role: 'accountant' });
    expect(principalFromAuthorizerContext(result.context)).toMatchObject({ role: 'accountant' });
    expect(await deps.apiKeys.list('auth-legacy')).toEqual([
      expect.objectContaining({ keyId, role: 'accountant' }),
    ]);
  });

  it("puts the key's org, scopes, role, agent and rate limit in the context", async () => {
    const { key, record } = await issue('auth-people', {
      role: 'property_manager',
      agentId: 'agent-7',
      rateLimitPerMinute: 90,
    });
    const result = await authorize(key);
    expect(result.principalId).toBe(record.keyId);
    expect(result.context).toEqual({
      orgId: 'auth-people',
      keyId: record.keyId,
      scopes: 'emails:read admin',
      role: 'property_manager',
      agentId: 'agent-7',
      rateLimitPerMinute: 90,
    });
    expect(principalFromAuthorizerContext(result.context)).toMatchObject({ role: 'property_manager' });
    expect(result.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: 'arn:aws:execute-api:us-east-1:000000000000:api123/prod/*',
      },
    ]);
  });

  it('accepts both secrets of a rotated key during the grace, and only the new one without a grace', async () => {
    const { key: old, record } = await issue('auth-rotation');
    const rotated = await rotateApiKey(deps, {
      orgId: 'auth-rotation',
      keyId: record.keyId,
      env: 'test',
      by: 'operator',
    });
    expect((await authorize(old)).context?.keyId).toBe(record.keyId);
    expect((await authorize(rotated?.key ?? '')).context?.keyId).toBe(record.keyId);

    const again = await rotateApiKey(deps, {
      orgId: 'auth-rotation',
      keyId: record.keyId,
      env: 'test',
      graceSeconds: 0,
      by: 'operator',
    });
    await expect(authorize(rotated?.key ?? '')).rejects.toThrow('Unauthorized');
    expect((await authorize(again?.key ?? '')).context?.keyId).toBe(record.keyId);
  });

  it('refuses a revoked key at once, an expired one, and one hashed with another pepper, counting each', async () => {
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const revoked = await issue('auth-refusals');
    await revokeApiKey(deps, 'auth-refusals', revoked.record.keyId);
    // Issued two hours ago, expired an hour ago.
    const expired = await createApiKey(
      { ...deps, clock: { now: () => new Date(Date.now() - 7_200_000) } },
      {
        orgId: 'auth-refusals',
        name: 'expired',
        scopes: ['admin'],
        env: 'test',
        by: 'operator',
        expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    );
    const otherPepper = await createApiKey(
      { ...deps, pepper: fixedApiKeyPepper('another-test-pepper-not-real-0123456789') },
      { orgId: 'auth-refusals', name: 'wrong pepper', scopes: ['admin'], env: 'test', by: 'operator' },
    );

    for (const key of [revoked.key, expired.key, otherPepper.key])
      await expect(authorize(key)).rejects.toThrow('Unauthorized');
    expect(addMetric.mock.calls.filter(([name]) => name === 'ApiKeyRejected')).toHaveLength(3);
    addMetric.mockRestore();
  });
});
