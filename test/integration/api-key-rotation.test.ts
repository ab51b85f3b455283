import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import type { Clock } from '#domain/clock.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { authorizeApiKey } from '#usecases/authorize-api-key.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';
import { rotateApiKey } from '#usecases/rotate-api-key.ts';

let stack: TestStack;
let deps: (clock: Clock) => Parameters<typeof createApiKey>[0];

beforeAll(async () => {
  stack = await startTestStack();
  const apiKeys = new DynamoApiKeyStore(stack.resources.tables.main);
  const pepper = environmentPepper();
  deps = (clock) => ({ apiKeys, pepper, clock });
});
afterAll(async () => stack?.stop());

const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const at = (ms: number): Clock => ({ now: () => new Date(T0 + ms) });
const HOUR = 3_600_000;
let orgCount = 0;

async function issue(changes: { expiresAt?: string } = {}) {
  const orgId = `rotation-org-${++orgCount}`;
  const { key, record } = await createApiKey(deps(at(0)), {
    orgId,
    name: 'integration',
    scopes: ['events:read'],
    env: 'test',
    by: 'operator',
    ...changes,
  });
  return { orgId, keyId: record.keyId, key };
}

const accepted = async (key: string, clock: Clock) =>
  (await authorizeApiKey(deps(clock), `Bearer ${key}`)) !== undefined;

describe('rotation', () => {
  it('keeps the old secret valid for 24 hours by default, then only the new one', async () => {
    const { orgId, keyId, key: old } = await issue();
    const rotated = await rotateApiKey(deps(at(HOUR)), { orgId, keyId, env: 'test', by: 'operator' });
    expect(rotated?.previousSecretValidUntil).toBe('2026-11-02T01:00:00.000Z');
    const fresh = rotated?.key ?? '';
    expect(fresh).toMatch(new RegExp(`^ak_test_${keyId}_`));
    expect(fresh).not.toBe(old);

    expect(await accepted(old, at(HOUR + 24 * HOUR - 1))).toBe(true);
    expect(await accepted(old, at(HOUR + 24 * HOUR))).toBe(false);
    expect(await accepted(fresh, at(HOUR + 24 * HOUR))).toBe(true);
  });

  it('honours the grace asked for, down to none', async () => {
    const { orgId, keyId, key: old } = await issue();
    const rotated = await rotateApiKey(deps(at(0)), {
      orgId,
      keyId,
      env: 'test',
      graceSeconds: 0,
      by: 'operator',
    });
    expect(await accepted(old, at(0))).toBe(false);
    expect(await accepted(rotated?.key ?? '', at(0))).toBe(true);
  });

  it('ends the older secret at once when rotated again within the grace', async () => {
    const { orgId, keyId, key: first } = await issue();
    const second = await rotateApiKey(deps(at(0)), { orgId, keyId, env: 'test', by: 'operator' });
    const third = await rotateApiKey(deps(at(HOUR)), { orgId, keyId, env: 'test', by: 'operator' });
    expect(await accepted(first, at(HOUR))).toBe(false);
    expect(await accepted(second?.key ?? '', at(HOUR))).toBe(true);
    expect(await accepted(third?.key ?? '', at(HOUR))).toBe(true);
  });

  it('finds no key of another org, and none that is revoked or expired', async () => {
    const { orgId, keyId, key } = await issue();
    expect(
      await rotateApiKey(deps(at(0)), { orgId: 'someone-else', keyId, env: 'test', by: 'operator' }),
    ).toBeUndefined();
    expect(await accepted(key, at(0))).toBe(true);

    const expiring = await issue({ expiresAt: new Date(T0 + HOUR).toISOString() });
    expect(
      await rotateApiKey(deps(at(HOUR)), {
        orgId: expiring.orgId,
        keyId: expiring.keyId,
        env: 'test',
        by: 'operator',
      }),
    ).toBeUndefined();

    expect(await revokeApiKey(deps(at(0)), orgId, keyId)).toBe(true);
    expect(await rotateApiKey(deps(at(0)), { orgId, keyId, env: 'test', by: 'operator' })).toBeUndefined();
  });

  it('revoking ends both secrets, the one in its grace included', async () => {
    const { orgId, keyId, key: old } = await issue();
    const rotated = await rotateApiKey(deps(at(0)), { orgId, keyId, env: 'test', by: 'operator' });
    await revokeApiKey(deps(at(0)), orgId, keyId);
    expect(await accepted(old, at(1))).toBe(false);
    expect(await accepted(rotated?.key ?? '', at(1))).toBe(false);
  });
});
