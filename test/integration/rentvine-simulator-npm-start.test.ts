import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { TableRentvineConnections } from '#adapters/secrets/rentvine-credentials.ts';
import { PartialRentvineConnectionError, startLocalRentvine } from '#lib/local/local-rentvine.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** How `npm start` gives org demo a Rentvine: the account in RENTVINE_*, or the simulator. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const target = (orgId: string) => ({
  apiUrl: 'http://127.0.0.1:9',
  orgId,
  webhookSecret: 'local-webhook-secret-for-tests',
  tableName: stack.resources.tables.main,
});

describe('startLocalRentvine', () => {
  it('starts the simulator without RENTVINE_*, hands its connection to the functions and the local table, and records its API user as the org’s own', async () => {
    const rentvine = await startLocalRentvine({ env: {}, activitySeconds: 0, webhookLatencyMs: 0 });
    try {
      const simulator = rentvine.simulator;
      expect(simulator).toBeDefined();
      expect(rentvine.env).toEqual({
        RENTVINE_BASE_URL: simulator?.baseUrl,
        RENTVINE_ACCESS_KEY: simulator?.credentials.accessKey,
        RENTVINE_SECRET: simulator?.credentials.secret,
      });
      expect(rentvine.description).toContain(simulator?.baseUrl);
      expect(rentvine.description).not.toContain(simulator?.credentials.secret);
      await rentvine.connect(target('sim-org'));
      const settings = await new DynamoOrgSettingsStore(stack.resources.tables.main).get('sim-org');
      expect(settings.rentvineUserId).toBe(simulator?.apiUserId);
      // What `aictive rentvine sync --org` reads from another terminal.
      expect(
        await new TableRentvineConnections(stack.resources.tables.main).connectionFor('sim-org'),
      ).toMatchObject({ baseUrl: simulator?.baseUrl, ...simulator?.credentials });
    } finally {
      await rentvine.stop();
    }
  });

  it('keeps a Rentvine user the operator already set', async () => {
    const store = new DynamoOrgSettingsStore(stack.resources.tables.main);
    await store.put({ orgId: 'set-org', allowTimestamplessSignature: false, rentvineUserId: '314' });
    const rentvine = await startLocalRentvine({ env: {}, activitySeconds: 0 });
    try {
      await rentvine.connect(target('set-org'));
      expect((await store.get('set-org')).rentvineUserId).toBe('314');
    } finally {
      await rentvine.stop();
    }
  });

  it('starts nothing when RENTVINE_* name an account, and refuses a partial one', async () => {
    const env = {
      RENTVINE_BASE_URL: 'https://example.rentvine.com/api/manager',
      RENTVINE_ACCESS_KEY: 'key',
      RENTVINE_SECRET: 'secret',
    };
    const account = await startLocalRentvine({ env, activitySeconds: 5 });
    expect(account.simulator).toBeUndefined();
    expect(account.env).toEqual({});
    expect(account.description).not.toContain('secret');
    await account.stop();
    await expect(
      startLocalRentvine({ env: { RENTVINE_SECRET: 'secret' }, activitySeconds: 0 }),
    ).rejects.toThrow(PartialRentvineConnectionError);
  });
});
