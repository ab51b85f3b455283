import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveLocalRentvineConnection } from '#adapters/secrets/rentvine-credentials.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { functionSpec } from '#lib/topology.ts';
import { emitted, type Handler, invoke, loadFunction } from '#test/support/emf-capture.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * SyncMissedByWebhook as the scheduled rentvine-sync function publishes it (EMF, as CloudWatch
 * reads it): after a first (full) sync, the changes Rentvine made without a webhook, exactly.
 */

let sim: RentvineSimulator;
let stack: TestStack;
const orgId = 'sync-metrics';

beforeAll(async () => {
  [sim, stack] = await Promise.all([startRentvineSimulator({ properties: 3, units: 12 }), startTestStack()]);
  await saveLocalRentvineConnection(stack.resources.tables.main, orgId, {
    baseUrl: sim.baseUrl,
    ...sim.credentials,
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sim?.close();
  await stack?.stop();
});

/** The function's own timeout: the run keeps a margin of it for its last writes. */
const TIMEOUT_MS = functionSpec('rentvine-sync').timeoutSeconds * 1000;
const run = (handler: Handler) => invoke(handler, { source: 'aws.events' }, 'rentvine-sync', TIMEOUT_MS);

describe('SyncMissedByWebhook', () => {
  it('counts, per run, the changes no webhook reported', async () => {
    const handler = await loadFunction('rentvine-sync');
    const first = await run(handler);
    // A first sync is full: every resource completes, and nothing in it was missed by a webhook.
    expect(emitted(first.emf, 'SyncResourceFailed', 'rentvine-sync')).toBeUndefined();
    expect(emitted(first.emf, 'SyncMissedByWebhook', 'rentvine-sync')).toBeUndefined();
    // ...and every active lease past due has its collection started, on the first pass too.
    const pastDue = sim.portfolio.leases.filter(
      (lease) =>
        lease.primaryLeaseStatusID === '2' &&
        Number(sim.portfolio.balances(lease.leaseID).pastDueTotalAmount) > 0,
    ).length;
    expect(pastDue).toBeGreaterThan(0);
    expect(emitted(first.emf, 'DelinquencyStarted', 'rentvine-sync')).toBe(pastDue);

    const missed = [
      ...sim.portfolio.changeLeases(2, { webhook: false }),
      ...sim.portfolio.changeWorkOrders(1, { webhook: false }),
    ].length;
    expect(missed).toBe(3);
    const second = await run(handler);
    expect(emitted(second.emf, 'SyncResourceFailed', 'rentvine-sync')).toBeUndefined();
    expect(emitted(second.emf, 'SyncMissedByWebhook', 'rentvine-sync'), JSON.stringify(second.emf)).toBe(
      missed,
    );

    // Nothing changed since: nothing missed, nothing started, nothing published for either.
    const third = await run(handler);
    expect(emitted(third.emf, 'SyncMissedByWebhook', 'rentvine-sync')).toBeUndefined();
    expect(emitted(third.emf, 'DelinquencyStarted', 'rentvine-sync')).toBeUndefined();
  });
});
