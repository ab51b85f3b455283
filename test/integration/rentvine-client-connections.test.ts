import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { rentvineReachabilityCheck } from '#adapters/health-checks.ts';
import { rentvineCalls } from '#adapters/rentvine/accounts.ts';
import { rentvineAccountsFrom } from '#adapters/rentvine/accounts-source.ts';
import { RentvineReachability } from '#adapters/rentvine/reachability.ts';
import { RentvineSessions } from '#adapters/rentvine/sessions.ts';
import {
  SecretsManagerRentvineConnections,
  saveLocalRentvineConnection,
} from '#adapters/secrets/rentvine-credentials.ts';
import { rentvineConnectionsFrom } from '#adapters/secrets/rentvine-credentials-source.ts';
import { defaultOrgSettings } from '#domain/orgs/org-settings.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { runReadinessChecks } from '#platform/health.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { InMemoryIdempotencyLedger } from '#test/support/in-memory/idempotency-ledger.ts';
import { simulatorSource, TEST_CALL_POLICY } from '#test/support/rentvine-client.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** Where orgs' connections come from, and readiness's view of each connected org. */

const secretsManager = useFakeSecretsManager();
let sim: RentvineSimulator;
let stack: TestStack;
const table = () => stack.resources.tables.main;
/** Local config with org demo's connection in RENTVINE_*, pointing at the simulator. */
const demoFromEnvironment = () => ({
  RENTVINE_CREDENTIALS_SOURCE: 'table' as const,
  RENTVINE_BASE_URL: sim.baseUrl,
  RENTVINE_ACCESS_KEY: sim.credentials.accessKey,
  RENTVINE_SECRET: sim.credentials.secret,
});

beforeAll(async () => {
  [sim, stack] = await Promise.all([startRentvineSimulator({ seed: 2 }), startTestStack()]);
});
afterAll(async () => {
  await sim?.close();
  await stack?.stop();
});
afterEach(() => {
  sim.requests.length = 0;
});

describe('connections kept locally', () => {
  it('stores an org’s connection in the table, where the functions read it', async () => {
    await saveLocalRentvineConnection(table(), 'acme', { baseUrl: sim.baseUrl, ...sim.credentials });
    const source = rentvineConnectionsFrom({ RENTVINE_CREDENTIALS_SOURCE: 'table' }, table());

    expect(await source.connectionFor('acme')).toEqual({ baseUrl: sim.baseUrl, ...sim.credentials });
    expect(await source.connectionFor('nobody')).toBeUndefined();
    expect(await source.orgs()).toContain('acme');
  });

  it('takes org demo’s from RENTVINE_BASE_URL, RENTVINE_ACCESS_KEY and RENTVINE_SECRET when all are set', async () => {
    const source = rentvineConnectionsFrom(demoFromEnvironment(), table());
    expect(await source.connectionFor('demo')).toEqual({ baseUrl: sim.baseUrl, ...sim.credentials });
    expect(await source.orgs()).toEqual(expect.arrayContaining(['acme', 'demo']));
  });

  it('gives a function every connected org’s account, as rentvineAccountsFrom builds them', async () => {
    const accounts = rentvineAccountsFrom(demoFromEnvironment(), table(), new InMemoryIdempotencyLedger());
    expect(await accounts.connectedOrgs()).toEqual(expect.arrayContaining(['acme', 'demo']));
    await (await accounts.forOrg('demo'))?.probe();
    await (await accounts.forOrg('acme'))?.probe();
    expect(await accounts.forOrg('nobody')).toBeUndefined();
    expect(sim.requests.map((r) => [r.path, r.authorized])).toEqual([
      ['/maintenance/work-order/statuses', true],
      ['/maintenance/work-order/statuses', true],
    ]);
  });

  it('refuses to store a connection that is not one', async () => {
    await expect(
      saveLocalRentvineConnection(table(), 'broken', {
        account: 'Not A Subdomain',
        accessKey: 'a',
        secret: 'b',
      }),
    ).rejects.toThrow();
  });

  it('names the account from the org’s setting when the connection names none', async () => {
    await saveLocalRentvineConnection(table(), 'named', { accessKey: 'test-key', secret: 'test-secret' });
    await saveLocalRentvineConnection(table(), 'unnamed', { accessKey: 'test-key', secret: 'test-secret' });
    const settings = new DynamoOrgSettingsStore(table());
    await settings.put({ ...defaultOrgSettings('named'), rentvineAccount: 'acme-homes' });
    const sessions = new RentvineSessions(
      rentvineConnectionsFrom({ RENTVINE_CREDENTIALS_SOURCE: 'table' }, table()),
      settings,
      rentvineCalls(TEST_CALL_POLICY),
    );

    expect((await sessions.session('named'))?.baseUrl).toBe('https://acme-homes.rentvine.com/api/manager');
    expect(await sessions.session('unnamed')).toBeUndefined();
  });
});

describe('connections in Secrets Manager', () => {
  const source = new SecretsManagerRentvineConnections('aictive/test/rentvine/');

  it('reads one JSON secret per org, and lists the orgs that have one', async () => {
    const stored = { account: 'acme', accessKey: 'test-access', secret: 'test-secret' };
    for (const org of ['acme', 'bravo', 'charlie'])
      secretsManager().put(`aictive/test/rentvine/${org}`, JSON.stringify({ ...stored, account: org }));
    secretsManager().put('aictive/test/webhook/acme', 'another family');

    expect(await source.connectionFor('acme')).toEqual(stored);
    expect(await source.connectionFor('nobody')).toBeUndefined();
    expect(await source.orgs()).toEqual(['acme', 'bravo', 'charlie']);
  });

  it('treats a malformed secret as no connection', async () => {
    secretsManager().put('aictive/test/rentvine/garbled', '{"account": "acme"');
    expect(await source.connectionFor('garbled')).toBeUndefined();
  });
});

describe('readiness', () => {
  const sessionsFor = (options: Parameters<typeof simulatorSource>[1] = {}) =>
    new RentvineSessions(
      simulatorSource(sim, options),
      { get: async (orgId) => defaultOrgSettings(orgId) },
      { execute: (call) => call(AbortSignal.timeout(1_500)) },
    );

  it('reports each connected org reachable, probing Rentvine once a minute at most', async () => {
    const check = rentvineReachabilityCheck(new RentvineReachability(sessionsFor()));
    const first = await runReadinessChecks({ rentvine: check });
    const second = await runReadinessChecks({ rentvine: check });

    expect(first).toMatchObject({
      status: 'ok',
      checks: { rentvine: { status: 'ok', required: false, detail: { orgs: 1, probed: 1, reachable: 1 } } },
    });
    expect(second.checks.rentvine?.detail).toEqual(first.checks.rentvine?.detail);
    // The answer is public: counts only, never which orgs exist.
    expect(JSON.stringify(first)).not.toContain('demo');
    expect(sim.requests.map((r) => [r.path, r.authorized])).toEqual([
      ['/maintenance/work-order/statuses', true],
    ]);
  });

  it('is failing, yet leaves the platform ready, when an org’s Rentvine refuses its key or is down', async () => {
    const refused = rentvineReachabilityCheck(
      new RentvineReachability(sessionsFor({ credentials: { accessKey: 'revoked', secret: 'revoked' } })),
    );
    const down = rentvineReachabilityCheck(
      new RentvineReachability(sessionsFor({ baseUrl: 'http://127.0.0.1:9/api/manager' })),
    );
    const report = await runReadinessChecks({ refused, down });

    // A Rentvine outage degrades that org's sync and writes; the API itself still serves.
    expect(report.status).toBe('ok');
    expect(report.checks.refused).toMatchObject({
      status: 'failing',
      detail: { unauthorized: 1, reachable: 0 },
    });
    expect(report.checks.down).toMatchObject({
      status: 'failing',
      detail: { unavailable: 1, reachable: 0 },
    });
  });
});
