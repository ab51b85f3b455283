/**
 * Rentvine sync against its floors.
 *   npm run bench:sync
 * Against the Rentvine simulator (a 1,000-unit portfolio) through the real client, into the real
 * stores on dynalite:
 * 1. A full (first) sync: requests sent against the minimum (each resource's rows at its largest
 *    page size, at least one request) — aim ≤ 1.05× — and seconds taken.
 * 2. Incremental syncs after k changed records (leases, units and work orders, no webhooks):
 *    requests against one page per resource plus ⌈k / pageSize⌉; items written against items changed.
 * 3. The floor of the full sync's writes: as many plain PutItems on the same emulator.
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { RESOURCES } from '#adapters/rentvine/resources.ts';
import { SYNC_RESOURCES } from '#domain/rentvine/ports.ts';
import { startEmulators } from '#lib/local/emulators.ts';
import { localPlatformEnv } from '#lib/local/local-deployment.ts';
import { provision } from '#lib/local/provision.ts';
import { startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { rentvineSyncDependencies } from '#lib/rentvine-sync-dependencies.ts';
import { simulatorReader } from '#test/support/rentvine-simulator-reader.ts';
import { type ResourceSync, syncRentvine } from '#usecases/sync-rentvine.ts';

const UNITS = 1_000;
const CHANGES = [10, 100];
const AIM_FULL = 1.05;
/** The sync's writes in flight (shared/usecases/sync-rentvine.ts). */
const FLOOR_CONCURRENCY = 32;
/** The org a RENTVINE_* connection belongs to (npm start's). */
const ORG = 'demo';

const total = (results: readonly ResourceSync[], pick: (r: ResourceSync) => number) =>
  results.reduce((sum, r) => sum + pick(r), 0);
const written = (r: ResourceSync) => r.created + r.updated + r.refreshed;

async function main(): Promise<void> {
  const emulators = await startEmulators();
  const simulator = await startRentvineSimulator({ properties: 60, units: UNITS });
  try {
    Object.assign(process.env, localPlatformEnv(emulators));
    const resources = await provision(emulators, { prefix: 'bench-sync' });
    const table = resources.tables.main;
    const deps = rentvineSyncDependencies(table, {
      events: resources.queues.events.url,
      workflow: resources.queues.workflow.url,
    });
    const reader = await simulatorReader(simulator, table);
    const sync = async () => {
      simulator.requests.length = 0;
      const started = performance.now();
      const results = await syncRentvine(deps, ORG, reader);
      return { results, seconds: (performance.now() - started) / 1000, requests: simulator.requests.length };
    };

    const full = await sync();
    const minimum = SYNC_RESOURCES.reduce((sum, resource) => {
      const rows = full.results.find((r) => r.resource === resource)?.fetched ?? 0;
      return sum + Math.max(1, Math.ceil(rows / RESOURCES[resource].pageSize));
    }, 0);
    const failed = full.results.filter((r) => !r.ok).map((r) => r.resource);
    console.log(`Full sync of a ${UNITS}-unit portfolio (${total(full.results, (r) => r.fetched)} records)`);
    console.log(
      `  ${full.seconds.toFixed(2)} s; ${total(full.results, written)} items written${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`,
    );
    console.log(
      `  requests ${full.requests} vs minimum ${minimum}: ${(full.requests / minimum).toFixed(3)}× (aim ≤ ${AIM_FULL}×)`,
    );
    for (const r of full.results)
      console.log(
        `    ${r.resource.padEnd(12)} ${String(r.fetched).padStart(6)} rows, page size ${RESOURCES[r.resource].pageSize}`,
      );

    // The floor: the same number of items put unconditionally, as many at a time, on the same emulator.
    const items = total(full.results, written);
    const floorStarted = performance.now();
    for (let i = 0; i < items; i += FLOOR_CONCURRENCY) {
      const batch = Array.from({ length: Math.min(FLOOR_CONCURRENCY, items - i) }, (_, j) =>
        documentClient().send(
          new PutCommand({
            TableName: table,
            Item: { PK: 'ORG#bench-floor', SK: `ITEM#${i + j}`, snapshot: { n: i + j }, modifiedAt: 0 },
          }),
        ),
      );
      await Promise.all(batch);
    }
    console.log(
      `  floor: ${items} plain PutItems on the same emulator, ${((performance.now() - floorStarted) / 1000).toFixed(2)} s`,
    );

    const quiet = await sync();
    console.log(
      `\nIncremental sync, nothing changed: ${quiet.requests} requests, ${total(quiet.results, written)} items written, ${quiet.seconds.toFixed(2)} s`,
    );

    for (const k of CHANGES) {
      const changed = {
        leases: simulator.portfolio.changeLeases(k, { webhook: false }).length,
        units: simulator.portfolio.changeUnits(k).length,
        work_orders: simulator.portfolio.changeWorkOrders(k, { webhook: false }).length,
      };
      const run = await sync();
      // Filtered exports: one page plus ⌈k/pageSize⌉; the others are read whole at their page size.
      const aim = SYNC_RESOURCES.reduce((sum, resource) => {
        const spec = RESOURCES[resource];
        const kr = (changed as Record<string, number>)[resource] ?? 0;
        return sum + 1 + Math.ceil(kr / spec.pageSize);
      }, 0);
      const changedTotal = Object.values(changed).reduce((a, b) => a + b, 0);
      console.log(
        `\nIncremental sync after ${k} leases, ${k} units and ${k} work orders changed (no webhooks)`,
      );
      console.log(`  requests ${run.requests} vs aim ${aim} (one page per resource + ⌈k/pageSize⌉)`);
      console.log(
        `  items written ${total(run.results, written)} vs items changed ${changedTotal}; missed by webhook ${total(run.results, (r) => r.missedByWebhook)}; ${run.seconds.toFixed(2)} s`,
      );
    }
  } finally {
    await simulator.close();
    await emulators.stop();
  }
}

await main();
