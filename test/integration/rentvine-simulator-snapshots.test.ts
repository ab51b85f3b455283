import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES, type EntityKind } from '#domain/rentvine/event-types.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';

/**
 * What the simulator serves is what the platform's snapshot schemas read (docs/RENTVINE.md shapes):
 * every exported or listed row parses, and the personal data it carries is dropped.
 */
let sim: RentvineSimulator;

beforeAll(async () => {
  sim = await startRentvineSimulator({ seed: 11, properties: 12, units: 120 });
});
afterAll(async () => sim?.close());

async function rows(path: string): Promise<Record<string, unknown>[]> {
  const auth = Buffer.from(`${sim.credentials.accessKey}:${sim.credentials.secret}`).toString('base64');
  const response = await fetch(`${sim.baseUrl}${path}`, { headers: { authorization: `Basic ${auth}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>[];
}

function readAll(kind: EntityKind, list: unknown[]) {
  return list.map((row) => {
    const read = ENTITIES[kind].read(row);
    if (!read.ok) throw new Error(`${kind} did not parse: ${read.error.message}`);
    return read.snapshot;
  });
}

const PERSONAL = /birth|identification|bank|routing/i;

describe('simulator rows as platform snapshots', () => {
  it.each([
    ['property', '/properties/export?pageSize=500', 'property'],
    ['unit', '/properties/units/export?pageSize=500', 'unit'],
    ['work_order', '/maintenance/work-orders?pageSize=500', 'workOrder'],
  ] as const)('%s rows parse wrapped and bare', async (kind, path, wrapper) => {
    const list = await rows(path);
    expect(readAll(kind, list)).toHaveLength(list.length);
    expect(
      readAll(
        kind,
        list.map((row) => row[wrapper]),
      ),
    ).toHaveLength(list.length);
  });

  it('lease export rows parse with their balances moved onto the lease', async () => {
    const list = await rows('/leases/export?pageSize=2000');
    const leases = readAll(
      'lease',
      list.map((row) => ({ ...(row.lease as object), balances: row.balances })),
    ) as { balances?: { pastDueTotal: number }; tenants: unknown[] }[];
    expect(leases).toHaveLength(sim.portfolio.leases.length);
    expect(leases.some((l) => (l.balances?.pastDueTotal ?? 0) > 0)).toBe(true);
    expect(leases.every((l) => l.tenants.length > 0)).toBe(true);
  });

  it.each(['/tenants', '/owners', '/vendors'])(
    '%s contacts parse and lose their personal data',
    async (path) => {
      const list = await rows(`${path}?pageSize=500`);
      expect(list.some((row) => PERSONAL.test(JSON.stringify(row)))).toBe(true);
      const contacts = readAll('contact', list);
      expect(contacts).toHaveLength(list.length);
      for (const contact of contacts)
        expect(Object.keys(contact).filter((key) => PERSONAL.test(key))).toEqual([]);
    },
  );
});
