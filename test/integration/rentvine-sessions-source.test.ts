import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import type { CallRunner } from '#adapters/rentvine/http.ts';
import { RentvineReachability } from '#adapters/rentvine/reachability.ts';
import { PROBE_PATH } from '#adapters/rentvine/sessions.ts';
import { rentvineSessionsFrom } from '#adapters/rentvine/sessions-source.ts';
import { saveLocalRentvineConnection } from '#adapters/secrets/rentvine-credentials.ts';
import { defaultOrgSettings } from '#domain/orgs/org-settings.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The one composition of Rentvine sessions that accounts, readers and readiness share: the org's
 * stored connection, its account setting when the connection names none, and the caller's runner
 * for every exchange (resilient calls, or readiness's single bounded attempt).
 */

let sim: RentvineSimulator;
let stack: TestStack;
const table = () => stack.resources.tables.main;
const local = { RENTVINE_CREDENTIALS_SOURCE: 'table' as const };

/** Runs each call once and remembers under which key: proves whose runner the sessions use. */
function recordingRunner() {
  const keys: string[] = [];
  const runner: CallRunner = {
    execute: (call, key) => {
      keys.push(key);
      return call(AbortSignal.timeout(5_000));
    },
  };
  return { runner, keys };
}

beforeAll(async () => {
  [sim, stack] = await Promise.all([startRentvineSimulator({ seed: 11 }), startTestStack()]);
});
afterAll(async () => {
  await sim?.close();
  await stack?.stop();
});

describe('rentvineSessionsFrom', () => {
  it('opens an org’s session from its stored connection and runs every exchange through the given runner', async () => {
    await saveLocalRentvineConnection(table(), 'sessions-a', { baseUrl: sim.baseUrl, ...sim.credentials });
    const { runner, keys } = recordingRunner();
    const sessions = rentvineSessionsFrom(local, table(), runner);

    expect(await sessions.connectedOrgs()).toContain('sessions-a');
    const session = await sessions.session('sessions-a');
    expect(session?.baseUrl).toBe(sim.baseUrl);
    await session?.get(PROBE_PATH);
    expect(keys).toEqual(['sessions-a']);
    expect(await sessions.session('sessions-none')).toBeUndefined();
  });

  it('takes the account from the org’s settings when the connection names none', async () => {
    await saveLocalRentvineConnection(table(), 'sessions-b', sim.credentials);
    await new DynamoOrgSettingsStore(table()).put({
      ...defaultOrgSettings('sessions-b'),
      rentvineAccount: 'acme',
    });
    const session = await rentvineSessionsFrom(local, table(), recordingRunner().runner).session(
      'sessions-b',
    );
    expect(session?.baseUrl).toBe('https://acme.rentvine.com/api/manager');
  });

  it('serves readiness: each connected org probed through the runner it is given', async () => {
    const { runner, keys } = recordingRunner();
    const { probed } = await new RentvineReachability(rentvineSessionsFrom(local, table(), runner)).check();
    expect(probed['sessions-a']).toBe('ok');
    expect(keys).toContain('sessions-a');
  });
});
