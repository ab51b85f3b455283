import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import type { ApiKeyRecord } from '#domain/access/key-record.ts';
import { generateApiKey } from '#platform/security/api-key.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { apiKeyUseRecorder } from '#usecases/record-api-key-use.ts';

let stack: TestStack;
let store: DynamoApiKeyStore;

beforeAll(async () => {
  stack = await startTestStack();
  store = new DynamoApiKeyStore(stack.resources.tables.main);
});
afterAll(async () => stack?.stop());

let orgCount = 0;
const newOrg = () => `store-org-${++orgCount}`;

async function putKey(orgId: string, createdAt: string, changes: Partial<ApiKeyRecord> = {}) {
  const record: ApiKeyRecord = {
    keyId: generateApiKey('test').keyId,
    orgId,
    name: `key of ${orgId}`,
    scopes: ['emails:read'],
    secretHash: 'a'.repeat(64),
    createdAt,
    ...changes,
  };
  await store.put(record);
  return record;
}

describe('listing', () => {
  it("lists an org's keys oldest first, and nothing of any other org", async () => {
    const [acme, other] = [newOrg(), newOrg()];
    const second = await putKey(acme, '2026-11-02T00:00:00.000Z');
    const first = await putKey(acme, '2026-11-01T00:00:00.000Z');
    const foreign = await putKey(other, '2026-11-01T12:00:00.000Z');
    expect(await store.list(acme)).toEqual([first, second]);
    expect(await store.list(other)).toEqual([foreign]);
    expect(await store.list(newOrg())).toEqual([]);
  });

  it('never lets a put take over a key id of another org', async () => {
    const key = await putKey(newOrg(), '2026-11-01T00:00:00.000Z');
    await expect(store.put({ ...key, orgId: newOrg() })).rejects.toThrow(/conditional/i);
    expect(await store.findByKeyId(key.keyId)).toEqual(key);
  });
});

describe('revocation', () => {
  it('applies only to a key of the org, and keeps the first revocation time', async () => {
    const orgId = newOrg();
    const key = await putKey(orgId, '2026-11-01T00:00:00.000Z');
    expect(await store.revoke(newOrg(), key.keyId, '2026-11-05T00:00:00.000Z')).toBe(false);
    expect(await store.revoke(orgId, generateApiKey('test').keyId, '2026-11-05T00:00:00.000Z')).toBe(false);
    expect((await store.findByKeyId(key.keyId))?.revokedAt).toBeUndefined();

    expect(await store.revoke(orgId, key.keyId, '2026-11-05T00:00:00.000Z')).toBe(true);
    expect(await store.revoke(orgId, key.keyId, '2026-11-06T00:00:00.000Z')).toBe(true);
    expect((await store.findByKeyId(key.keyId))?.revokedAt).toBe('2026-11-05T00:00:00.000Z');
  });

  it('creates nothing for an unknown key id', async () => {
    const keyId = generateApiKey('test').keyId;
    expect(await store.revoke(newOrg(), keyId, '2026-11-05T00:00:00.000Z')).toBe(false);
    expect(await store.findByKeyId(keyId)).toBeUndefined();
  });
});

describe('rotation', () => {
  const rotation = (expectedSecretHash: string) => ({
    expectedSecretHash,
    secretHash: 'b'.repeat(64),
    previousValidUntil: '2026-11-02T00:00:00.000Z',
    at: '2026-11-01T00:00:00.000Z',
  });

  it('keeps the replaced hash as the previous one, until the given time', async () => {
    const orgId = newOrg();
    const key = await putKey(orgId, '2026-10-01T00:00:00.000Z');
    expect(await store.rotate(orgId, key.keyId, rotation(key.secretHash))).toBe(true);
    expect(await store.findByKeyId(key.keyId)).toEqual({
      ...key,
      secretHash: 'b'.repeat(64),
      previousSecretHash: key.secretHash,
      previousSecretExpiresAt: '2026-11-02T00:00:00.000Z',
      rotatedAt: '2026-11-01T00:00:00.000Z',
    });
  });

  it('refuses another org, a revoked key, and a secret that changed since it was read', async () => {
    const orgId = newOrg();
    const key = await putKey(orgId, '2026-10-01T00:00:00.000Z');
    expect(await store.rotate(newOrg(), key.keyId, rotation(key.secretHash))).toBe(false);
    expect(await store.rotate(orgId, key.keyId, rotation('c'.repeat(64)))).toBe(false);
    expect(await store.findByKeyId(key.keyId)).toEqual(key);
    const revoked = await putKey(orgId, '2026-10-01T00:00:00.000Z', {
      revokedAt: '2026-10-02T00:00:00.000Z',
    });
    expect(await store.rotate(orgId, revoked.keyId, rotation(revoked.secretHash))).toBe(false);
  });
});

describe('last used', () => {
  it('is written about once a minute per key, however many instances record it', async () => {
    const key = await putKey(newOrg(), '2026-11-01T00:00:00.000Z');
    let now = Date.parse('2026-11-01T10:00:00.000Z');
    const clock = { now: () => new Date(now) };
    // Two Lambda instances: each its own store client and its own memo.
    const [storeA, storeB] = [
      new DynamoApiKeyStore(stack.resources.tables.main),
      new DynamoApiKeyStore(stack.resources.tables.main),
    ];
    const [writesA, writesB] = [vi.spyOn(storeA, 'recordUse'), vi.spyOn(storeB, 'recordUse')];
    const [instanceA, instanceB] = [
      apiKeyUseRecorder({ apiKeys: storeA, clock }),
      apiKeyUseRecorder({ apiKeys: storeB, clock }),
    ];
    const lastUsed = async () => (await store.findByKeyId(key.keyId))?.lastUsedAt;

    await instanceA(key.keyId);
    expect(await lastUsed()).toBe('2026-11-01T10:00:00.000Z');

    now += 30_000;
    await instanceA(key.keyId); // remembered by A: no call at all
    await instanceB(key.keyId); // B tries; the table's condition refuses
    expect([writesA.mock.calls.length, writesB.mock.calls.length]).toEqual([1, 1]);
    expect(await writesB.mock.results[0]?.value).toBe(false);
    expect(await lastUsed()).toBe('2026-11-01T10:00:00.000Z');

    now += 31_000;
    await instanceA(key.keyId);
    expect(await lastUsed()).toBe('2026-11-01T10:01:01.000Z');
    await instanceB(key.keyId); // B's memo expired too, but A just wrote
    expect(await lastUsed()).toBe('2026-11-01T10:01:01.000Z');
  });

  it('never fails the request when the write fails', async () => {
    const broken = new DynamoApiKeyStore('no-such-table');
    const writes = vi.spyOn(broken, 'recordUse');
    await expect(
      apiKeyUseRecorder({ apiKeys: broken, clock: { now: () => new Date() } })('abcdefghijklmnop'),
    ).resolves.toBeUndefined();
    await expect(writes.mock.results[0]?.value).rejects.toThrow();
  });

  it('does not create an item for an unknown key', async () => {
    const keyId = generateApiKey('test').keyId;
    expect(await store.recordUse(keyId, '2026-11-01T10:00:00.000Z', '2026-11-01T09:59:00.000Z')).toBe(false);
    expect(await store.findByKeyId(keyId)).toBeUndefined();
  });
});
