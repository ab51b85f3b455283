import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '#lib/local/emulators.ts';
import { localPlatformEnv } from '#lib/local/local-deployment.ts';
import { provision } from '#lib/local/provision.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { type FakeCloudFormation, startFakeCloudFormation } from '#test/support/fake-cloudformation.ts';
import { type FakeSecretsManager, startFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { removeDir } from '#test/support/local-process.ts';

const LINE_KEYS = ['resource', 'fetched', 'created', 'updated', 'unchanged', 'missedByWebhook'];
/** The leases line adds what their balances did to the delinquency workflows. */
const LEASE_KEYS = [...LINE_KEYS, 'delinquenciesStarted', 'delinquenciesFed', 'delinquenciesPaid'];
const RESOURCES = ['properties', 'units', 'leases', 'tenants', 'owners', 'vendors', 'work_orders'];

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, number | string>);

describe('aictive rentvine sync, locally without npm start', () => {
  let simulator: RentvineSimulator;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    simulator = await startRentvineSimulator({ properties: 4, units: 30 });
    dataDir = mkdtempSync(join(tmpdir(), 'aictive-sync-cli-'));
    // Org `demo`'s connection from the environment, as npm start reads it.
    env = {
      AICTIVE_DATA_DIR: dataDir,
      RENTVINE_BASE_URL: simulator.baseUrl,
      RENTVINE_ACCESS_KEY: simulator.credentials.accessKey,
      RENTVINE_SECRET: simulator.credentials.secret,
    };
  });
  afterAll(async () => {
    await simulator?.close();
    if (dataDir) await removeDir(dataDir);
  });

  it('prints one line per resource, finds a change no webhook reported, and exits 0', async () => {
    const first = await runAictive(['rentvine', 'sync', '--org', 'demo'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const full = lines(first.stdout);
    expect(full.map((line) => line.resource)).toEqual(RESOURCES);
    for (const line of full)
      expect(Object.keys(line)).toEqual(line.resource === 'leases' ? LEASE_KEYS : LINE_KEYS);
    const units = full.find((line) => line.resource === 'units');
    expect(units).toMatchObject({ fetched: 30, created: 30, missedByWebhook: 0 });
    // The simulator seeds some active leases past due: the first sync starts their collections.
    const pastDue = simulator.portfolio.leases.filter(
      (lease) =>
        lease.primaryLeaseStatusID === '2' &&
        Number(simulator.portfolio.balances(lease.leaseID).pastDueTotalAmount) > 0,
    ).length;
    expect(full.find((line) => line.resource === 'leases')?.delinquenciesStarted).toBe(pastDue);

    // Same store (the data directory), second run: the filtered exports read nothing new.
    const [leaseId] = simulator.portfolio.changeLeases(1, { webhook: false });
    const second = await runAictive(['rentvine', 'sync', '--org', 'demo'], env);
    expect(second.code).toBe(0);
    const again = lines(second.stdout);
    // Only the overlap before the watermark is read again, compared and not rewritten.
    const unitsAgain = again.find((line) => line.resource === 'units');
    expect(unitsAgain).toMatchObject({ created: 0, updated: 0, missedByWebhook: 0 });
    expect(Number(unitsAgain?.fetched)).toBeLessThan(30);
    expect(unitsAgain?.unchanged).toBe(unitsAgain?.fetched);
    expect(leaseId).toBeDefined();
    // The changed lease, plus whatever the overlap re-reads (unchanged).
    expect(again.find((line) => line.resource === 'leases')).toMatchObject({
      created: 0,
      updated: 1,
      missedByWebhook: 1,
    });
  });

  it('exits 1 with one stderr line per resource that failed, still printing every resource', async () => {
    simulator.faults.add({ path: '/owners', status: 401, times: Number.POSITIVE_INFINITY });
    simulator.faults.add({ path: '/vendors', status: 401, times: Number.POSITIVE_INFINITY });
    try {
      const result = await runAictive(['rentvine', 'sync', '--org', 'demo'], env);
      expect(result.code).toBe(1);
      expect(lines(result.stdout).map((line) => line.resource)).toEqual(RESOURCES);
      const errors = result.stderr.trim().split('\n');
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/^aictive: owners: rentvine unauthorized/);
      expect(errors[1]).toMatch(/^aictive: vendors: rentvine unauthorized/);
    } finally {
      simulator.faults.clear();
    }
  });

  it('refuses an org with no Rentvine connection, and a wrong invocation', async () => {
    const unknown = await runAictive(['rentvine', 'sync', '--org', 'acme'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('aictive: org acme has no Rentvine connection\n');
    const wrong = await runAictive(['rentvine', 'sync', '--org', 'Not An Org'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--org is required/);
  });
});

describe('aictive rentvine sync --stage, with AWS credentials', () => {
  const stage = 'clisync';
  let simulator: RentvineSimulator;
  let emulators: Emulators;
  let secretsManager: FakeSecretsManager;
  let cloudFormation: FakeCloudFormation;
  let env: Record<string, string>;
  beforeAll(async () => {
    simulator = await startRentvineSimulator({ properties: 2, units: 6 });
    emulators = await startEmulators();
    // Named as a deployed stage names its queues (aictive-<stage>-events), found by that name.
    const resources = await provision(emulators, { prefix: `aictive-${stage}` });
    secretsManager = await startFakeSecretsManager();
    secretsManager.put(
      `aictive/${stage}/rentvine/acme`,
      JSON.stringify({
        baseUrl: simulator.baseUrl,
        accessKey: simulator.credentials.accessKey,
        secret: simulator.credentials.secret,
      }),
    );
    // The stage's table is found as `aictive org create --stage` finds it: its stack's output.
    cloudFormation = await startFakeCloudFormation({
      [`Aictive-${stage}-Stateful`]: { MainTableName: resources.tables.main },
    });
    env = {
      ...localPlatformEnv(emulators),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.endpoint,
      // Nothing names the table but the stage.
      TABLE_NAME: '',
    };
  });
  afterAll(async () => {
    await cloudFormation?.close();
    await secretsManager?.close();
    await emulators?.stop();
    await simulator?.close();
  });

  it("finds the stage's table in its stack, reads the org's connection from its Secrets Manager and syncs", async () => {
    const result = await runAictive(['rentvine', 'sync', '--org', 'acme', '--stage', stage], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout).find((line) => line.resource === 'units')).toMatchObject({
      fetched: 6,
      created: 6,
    });
    expect(secretsManager.requests).toContain(`aictive/${stage}/rentvine/acme`);
  });

  it('says, on one line, that a stage which is not deployed has no table to sync into', async () => {
    const result = await runAictive(['rentvine', 'sync', '--org', 'acme', '--stage', 'nostage'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^aictive: Stack with id Aictive-nostage-Stateful does not exist\n$/);
  });
});
