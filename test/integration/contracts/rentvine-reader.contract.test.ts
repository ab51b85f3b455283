import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EntitySnapshot,
  type RentvineReader,
  SYNC_RESOURCES,
  type SyncResource,
} from '#domain/rentvine/ports.ts';
import { snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { InMemoryRentvineAccount } from '#test/support/in-memory/rentvine-accounts.ts';
import { applyFaultMode, FAULT_MODES, type FaultMix } from '#test/support/rentvine-fault-mix.ts';
import { simulatorReader } from '#test/support/rentvine-simulator-reader.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The RentvineReader contract, on the real client against the simulator (clean, and again with
 * faults on) and on the in-memory twin holding the same records (small pages on the twin, so
 * paging is crossed there too).
 */
const CLEAN = 'real client on the simulator';
const FAULTY = `real client on the simulator, ${FAULT_MODES[1].name}`;
const TWIN = 'in-memory twin';
let stack: TestStack;
/** The simulator each reader reads; the twin's records came from the clean one. */
const simulators: Record<string, RentvineSimulator> = {};
const readers: Record<string, RentvineReader> = {};
let mix: FaultMix;

async function all(reader: RentvineReader, resource: SyncResource, modifiedSince?: string) {
  const records: EntitySnapshot[] = [];
  let filtered: boolean | undefined;
  for await (const page of reader.pages(resource, modifiedSince ? { modifiedSince } : {})) {
    records.push(...page.records);
    filtered = page.filtered;
  }
  return { records, filtered };
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const name of [CLEAN, FAULTY]) {
    const simulator = await startRentvineSimulator({ properties: 3, units: 12 });
    simulators[name] = simulator;
    readers[name] = await simulatorReader(simulator, stack.resources.tables.main);
  }
  mix = applyFaultMode(simulators[FAULTY] as RentvineSimulator, FAULT_MODES[1]);
  const twin = new InMemoryRentvineAccount(7);
  for (const resource of SYNC_RESOURCES)
    for (const record of (await all(readers[CLEAN] as RentvineReader, resource)).records)
      twin.set(resource, record);
  simulators[TWIN] = simulators[CLEAN] as RentvineSimulator;
  readers[TWIN] = twin;
});
afterAll(async () => {
  await simulators[CLEAN]?.close();
  await simulators[FAULTY]?.close();
  await stack?.stop();
});

describe.each([CLEAN, FAULTY, TWIN])('RentvineReader contract: %s', (name) => {
  const reader = () => readers[name] as RentvineReader;
  const simulator = () => simulators[name] as RentvineSimulator;

  it('lists every resource once per id, as snapshots of its kind', async () => {
    for (const resource of SYNC_RESOURCES) {
      const { records } = await all(reader(), resource);
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      if (resource === 'units') expect(records.every((r) => r.kind === 'unit')).toBe(true);
    }
    expect((await all(reader(), 'units')).records).toHaveLength(12);
  });

  it('filters the exports by modified time and reads the other lists whole', async () => {
    simulator().portfolio.changeLeases(2, { webhook: false });
    // The twin holds what the client read before: it is given the same edits.
    if (name === TWIN) {
      const client = readers[CLEAN] as RentvineReader;
      for (const record of (await all(client, 'leases')).records)
        (reader() as InMemoryRentvineAccount).set('leases', record);
    }
    const everything = await all(reader(), 'leases');
    const latest = Math.max(...everything.records.map((r) => snapshotVersion(r.dateTimeModified)));
    const since = new Date(latest - 1000).toISOString();
    const recent = await all(reader(), 'leases', since);
    expect(recent.filtered).toBe(true);
    expect(recent.records.length).toBeGreaterThanOrEqual(1);
    expect(recent.records.length).toBeLessThan(everything.records.length);
    for (const record of recent.records)
      expect(snapshotVersion(record.dateTimeModified)).toBeGreaterThanOrEqual(latest - 1000);
    const tenants = await all(reader(), 'tenants', since);
    expect(tenants.filtered).toBe(false);
    expect(tenants.records.length).toBe((await all(reader(), 'tenants')).records.length);
  });

  it('reads one record fresh, and answers none for an id Rentvine does not have', async () => {
    const [property] = (await all(reader(), 'properties')).records;
    if (!property) throw new Error('no property listed');
    expect(await reader().read({ kind: 'property', id: property.id })).toMatchObject({
      kind: 'property',
      id: property.id,
    });
    expect(
      await reader().read({ kind: 'property', id: simulator().portfolio.unusedId('property') }),
    ).toBeUndefined();
  });
});

it('ran the faulty client through failed requests, which it absorbed', () => {
  expect(mix.injected).toBeGreaterThan(0);
});
