import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DEV_ORG_ID, seedDevOrg } from '#lib/local/dev-org.ts';
import { systemClock } from '#platform/clock.ts';
import { presentedKey } from '#platform/security/api-key.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';

let stack: TestStack;
let dataDir: string;

beforeAll(async () => {
  stack = await startTestStack();
  dataDir = await mkdtemp(join(tmpdir(), 'aictive-dev-org-'));
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const apiKeys = () => new DynamoApiKeyStore(stack.resources.tables.main);
const seed = (apiKey?: string) =>
  seedDevOrg({ tableName: stack.resources.tables.main, pepper: environmentPepper(), dataDir, apiKey });
const keyIdOf = (key: string) => presentedKey(key)?.keyId as string;
const revokedAt = async (key: string) => (await apiKeys().findByKeyId(keyIdOf(key)))?.revokedAt;

describe('the dev org seeded by npm start', () => {
  it('has one dev key: the one named now; every earlier one is revoked', async () => {
    const first = 'dev-key-first-0123456789';
    const second = 'dev-key-second-0123456789';
    await seed(first);
    await seed(second);
    expect(await revokedAt(first)).toBeDefined();
    expect(await revokedAt(second)).toBeUndefined();
    // A restart with the same key changes nothing.
    await seed(second);
    expect(await revokedAt(second)).toBeUndefined();
  });

  it('never brings back a revoked dev key: the restart says what to do instead', async () => {
    const key = 'dev-key-to-revoke-0123456789';
    await seed(key);
    await revokeApiKey({ apiKeys: apiKeys(), clock: systemClock }, DEV_ORG_ID, keyIdOf(key));
    const refused = seed(key);
    await expect(refused).rejects.toThrow(
      /^AICTIVE_DEV_API_KEY names a key that was revoked: set another one/,
    );
    await expect(refused).rejects.not.toThrow(/\n/);
    expect(await revokedAt(key)).toBeDefined();
  });

  it('says how to get a new generated key when the saved one was revoked', async () => {
    const own = await mkdtemp(join(tmpdir(), 'aictive-dev-org-saved-'));
    try {
      const generated = await seedDevOrg({
        tableName: stack.resources.tables.main,
        pepper: environmentPepper(),
        dataDir: own,
      });
      await revokeApiKey({ apiKeys: apiKeys(), clock: systemClock }, DEV_ORG_ID, keyIdOf(generated.apiKey));
      await expect(
        seedDevOrg({ tableName: stack.resources.tables.main, pepper: environmentPepper(), dataDir: own }),
      ).rejects.toThrow(`the saved dev API key was revoked: delete ${join(own, 'dev-credentials.json')}`);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('refuses a key shorter than 16 characters', async () => {
    await expect(seed('short-key-12345')).rejects.toThrow('the API key must be 16 to 512 characters');
  });
});
