import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '#lib/local/emulators.ts';
import { localPlatformEnv } from '#lib/local/local-deployment.ts';
import { provision } from '#lib/local/provision.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { type FakeSecretsManager, startFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { removeDir } from '#test/support/local-process.ts';

const LINE_KEYS = ['resource', 'fetched', 'created', 'updated', 'unchanged', 'missedByWebhook'];
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
    for (const line of full) expect(Object.keys(line)).toEqual(LINE_KEYS);
    const units = full.find((line) => line.resource === 'units');
    expect(units).toMatchObject({ fetched: 30, created: 30, missedByWebhook: 0 });

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
    env = {
      ...localPlatformEnv(emulators),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      TABLE_NAME: resources.tables.main,
    };
  });
  afterAll(async () => {
    await secretsManager?.close();
    await emulators?.stop();
    await simulator?.close();
  });

  it("reads the org's connection from the stage's Secrets Manager and syncs into the stage's table", async () => {
    const result = await runAictive(['rentvine', 'sync', '--org', 'acme', '--stage', stage], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout).find((line) => line.resource === 'units')).toMatchObject({
      fetched: 6,
      created: 6,
    });
    expect(secretsManager.requests).toContain(`aictive/${stage}/rentvine/acme`);
  });

  it('asks for the table when neither --table nor TABLE_NAME gives it', async () => {
    const result = await runAictive(['rentvine', 'sync', '--org', 'acme', '--stage', stage], {
      ...env,
      TABLE_NAME: '',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--table \(or TABLE_NAME\) is required with --stage/);
  });
});
