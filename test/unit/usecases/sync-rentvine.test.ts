import { describe, expect, it } from 'vitest';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { delinquencySubject } from '#domain/workflow/delinquency.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import {
  InMemoryRentvineAccount,
  InMemoryRentvineAccounts,
} from '#test/support/in-memory/rentvine-accounts.ts';
import { InMemorySnapshotStore } from '#test/support/in-memory/snapshot-store.ts';
import { InMemorySyncWatermarks } from '#test/support/in-memory/sync-watermarks.ts';
import { receivedEvent } from '#test/support/received-event.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import {
  leaseRecord,
  propertyRecord,
  tenantRecord,
  unitRecord,
  workOrderRecord,
} from '#test/support/rentvine-records.ts';
import { startMessage } from '#test/support/workflows.ts';
import { RecentReads } from '#usecases/enrich-work-order.ts';
import { processRentvineEvent } from '#usecases/process-rentvine-event.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';
import { OUT_OF_TIME, syncConnectedOrgs, syncRentvine } from '#usecases/sync-rentvine.ts';

const orgId = 'org-sync';

function world(pageSize = 2) {
  const platform = inMemoryPlatform();
  const accounts = new InMemoryRentvineAccounts();
  const account = accounts.connect(orgId, new InMemoryRentvineAccount(pageSize));
  const deps = {
    ...platform,
    snapshots: new InMemorySnapshotStore(),
    watermarks: new InMemorySyncWatermarks(),
    orgSettings: new InMemoryOrgSettingsStore(),
    emergencyCues,
    accounts,
    recentReads: new RecentReads(platform.clock),
  };
  return { deps, account, platform };
}

function seed(account: InMemoryRentvineAccount) {
  for (const id of ['1', '2', '3']) account.set('properties', propertyRecord(id, '2026-11-01 08:00:00'));
  for (const id of ['11', '12']) account.set('units', unitRecord(id, '1', '2026-11-02 08:00:00'));
  account.set('tenants', tenantRecord('7', '2026-11-03 08:00:00'));
  account.set('work_orders', workOrderRecord('500', '2026-11-04 08:00:00', { propertyID: '1' }));
}

/** A webhook delivery as the ingest stores it (verified, waiting for the processor). */
async function deliver(platform: ReturnType<typeof world>['platform'], eventId: string, body: object) {
  await platform.inbox.store(receivedEvent(orgId, eventId, body, platform.clock.now().toISOString()));
}

const byResource = (results: Awaited<ReturnType<typeof syncRentvine>>) =>
  Object.fromEntries(results.map((r) => [r.resource, r]));

describe('syncRentvine', () => {
  it('reads everything on the first run, then only what changed since the watermark', async () => {
    const { deps, account } = world();
    seed(account);
    const first = byResource(await syncRentvine(deps, orgId, account));
    expect(first.properties).toMatchObject({ ok: true, fetched: 3, created: 3, missedByWebhook: 0 });
    expect(first.units).toMatchObject({ ok: true, fetched: 2, created: 2 });
    expect(first.leases).toMatchObject({ ok: true, fetched: 0 });
    expect(first.work_orders).toMatchObject({ ok: true, fetched: 1, created: 1, missedByWebhook: 0 });
    expect(await deps.watermarks.get(orgId, 'properties')).toMatchObject({
      highWater: '2026-11-01 08:00:00',
    });
    const written = deps.snapshots.writes;

    // Nothing changed: the filtered exports return nothing new; the others are compared, not rewritten.
    account.requests = 0;
    const second = byResource(await syncRentvine(deps, orgId, account));
    expect(second.properties).toMatchObject({ fetched: 3, unchanged: 3, created: 0, updated: 0 });
    expect(second.tenants).toMatchObject({ fetched: 1, unchanged: 1, missedByWebhook: 0 });
    expect(deps.snapshots.writes).toBe(written);

    // One property edited in Rentvine, with no webhook: found, written, counted as missed.
    account.set('properties', propertyRecord('2', '2026-11-05 09:00:00', 'Renamed'));
    account.set('properties', propertyRecord('4', '2026-11-05 09:30:00'));
    const third = byResource(await syncRentvine(deps, orgId, account));
    // The overlap re-reads the two untouched properties: compared, not rewritten.
    expect(third.properties).toMatchObject({
      fetched: 4,
      updated: 1,
      created: 1,
      unchanged: 2,
      missedByWebhook: 2,
    });
    expect((await deps.snapshots.get(orgId, 'property', '2'))?.data).toMatchObject({ name: 'Renamed' });
    expect(await deps.watermarks.get(orgId, 'properties')).toMatchObject({
      highWater: '2026-11-05 09:30:00',
    });
  });

  it('re-reads an overlap before the watermark: a record saved late with an earlier time is not skipped', async () => {
    const { deps, account } = world();
    account.set('properties', propertyRecord('1', '2026-11-05 10:00:00'));
    await syncRentvine(deps, orgId, account);
    // Committed after the first sync read, stamped two minutes before the watermark.
    account.set('properties', propertyRecord('2', '2026-11-05 09:58:00'));
    const again = byResource(await syncRentvine(deps, orgId, account));
    expect(again.properties).toMatchObject({ created: 1, missedByWebhook: 1 });
  });

  it('does not count a change a webhook already applied; it counts one that no webhook reported', async () => {
    const { deps, account, platform } = world();
    seed(account);
    await syncRentvine(deps, orgId, account);
    // Rentvine changes work order 500; a webhook reports it and is processed first.
    const event = workOrderEvent({
      workOrderID: '500',
      dateTimeModified: '2026-11-06 08:00:00',
      userID: '9',
    });
    event.data.propertyID = '1';
    account.set('work_orders', workOrderRecord('500', '2026-11-06 08:00:00', { propertyID: '1' }));
    await deliver(platform, 'evt_wh', event);
    expect(await processRentvineEvent(deps, { orgId, eventId: 'evt_wh', attempt: 0 })).toMatchObject({
      kind: 'processed',
      snapshot: 'updated',
    });
    // A second work order changes with no webhook at all.
    account.set('work_orders', workOrderRecord('501', '2026-11-06 09:00:00', { propertyID: '1' }));
    const results = byResource(await syncRentvine(deps, orgId, account));
    // The webhook's copy of 500 carried fields the listing does not: the same version, refreshed.
    expect(results.work_orders).toMatchObject({ fetched: 2, refreshed: 1, created: 1, missedByWebhook: 1 });
  });

  it('feeds a missed emergency to the triggers through a stored sync event and the workflow outbox', async () => {
    const { deps, account, platform } = world();
    seed(account);
    await syncRentvine(deps, orgId, account);
    platform.queue.take('events');
    account.set(
      'work_orders',
      workOrderRecord('502', '2026-11-06 10:00:00', { propertyID: '1', priorityID: '3' }),
    );
    await syncRentvine(deps, orgId, account);
    // A second run finds the same change again: it is the same event, stored once.
    await syncRentvine(deps, orgId, account);
    const messages = platform.queue.take('events');
    expect(messages).toHaveLength(1);
    const [message] = messages;
    if (!message) throw new Error('expected an events message');
    const stored = await platform.inbox.get(orgId, message.eventId);
    expect(stored).toMatchObject({ scheme: 'rentvine-sync', status: 'received' });

    expect(await processRentvineEvent(deps, message)).toMatchObject({
      kind: 'processed',
      snapshot: 'unchanged',
      emergency: true,
    });
    expect(await platform.inbox.get(orgId, message.eventId)).toMatchObject({
      eventType: 'work_order.synced',
      objectId: '502',
      trigger: { kind: 'emergency_work_order', workOrderId: '502', reasons: ['priority 3'] },
    });
    const [start] = platform.queue.take('workflow');
    if (!start) throw new Error('expected a workflow start');
    expect(await startWorkflow(deps, startMessage(start))).toMatchObject({
      workflow: { type: 'maintenance_emergency', source: { kind: 'event' }, facts: { workOrderId: '502' } },
    });
  });

  it('starts no workflow for emergencies found by the first, full sync (history, not news)', async () => {
    const { deps, account, platform } = world();
    account.set('work_orders', workOrderRecord('503', '2026-11-06 10:00:00', { priorityID: '3' }));
    expect(byResource(await syncRentvine(deps, orgId, account)).work_orders).toMatchObject({ created: 1 });
    expect(platform.queue.take('events')).toEqual([]);
  });

  it('never lets an older version win: a newer webhook beats the sync read, and the reverse', async () => {
    const { deps, account } = world();
    account.set('work_orders', workOrderRecord('600', '2026-11-06 08:00:00'));
    await syncRentvine(deps, orgId, account);
    // A webhook stored 09:00 after the sync's listing read 08:30: the sync's copy is stale.
    await deps.snapshots.put(
      orgId,
      workOrderRecord('600', '2026-11-06 09:00:00', { description: 'new' }),
      'x',
    );
    account.set('work_orders', workOrderRecord('600', '2026-11-06 08:30:00'));
    const results = byResource(await syncRentvine(deps, orgId, account));
    expect(results.work_orders).toMatchObject({ stale: 1, updated: 0, missedByWebhook: 0 });
    expect((await deps.snapshots.get(orgId, 'work_order', '600'))?.dateTimeModified).toBe(
      '2026-11-06 09:00:00',
    );
  });

  it('never lets an older webhook win over what the sync stored, and starts nothing for it', async () => {
    const { deps, account, platform } = world();
    account.set(
      'work_orders',
      workOrderRecord('601', '2026-11-06 08:00:00', { description: 'Squeaky door' }),
    );
    await syncRentvine(deps, orgId, account);
    account.set('work_orders', workOrderRecord('601', '2026-11-06 10:00:00', { description: 'Door fixed' }));
    await syncRentvine(deps, orgId, account);
    // The 09:00 webhook (an emergency then) arrives after the sync stored 10:00.
    const late = workOrderEvent({
      workOrderID: '601',
      priorityID: '3',
      dateTimeModified: '2026-11-06 09:00:00',
    });
    await deliver(platform, 'evt_late', late);
    expect(await processRentvineEvent(deps, { orgId, eventId: 'evt_late', attempt: 0 })).toEqual({
      kind: 'processed',
      snapshot: 'stale',
      emergency: false,
    });
    expect((await deps.snapshots.get(orgId, 'work_order', '601'))?.data).toMatchObject({
      description: 'Door fixed',
    });
    expect(platform.queue.take('workflow')).toEqual([]);
  });

  it('goes on with the other resources when one fails, and leaves the failed one to the next run', async () => {
    const { deps, account } = world();
    seed(account);
    account.failing.add('units');
    const results = byResource(await syncRentvine(deps, orgId, account));
    expect(results.units).toMatchObject({ ok: false, error: 'rentvine unavailable: units did not answer' });
    expect(results.work_orders).toMatchObject({ ok: true, created: 1 });
    expect(await deps.watermarks.get(orgId, 'units')).toBeUndefined();
  });

  it('stops starting pages at its deadline without advancing the watermark', async () => {
    const { deps, account, platform } = world();
    seed(account);
    const results = byResource(await syncRentvine(deps, orgId, account, { deadline: platform.clock.now() }));
    expect(results.properties).toMatchObject({ ok: false, error: OUT_OF_TIME, fetched: 0 });
    expect(await deps.watermarks.get(orgId, 'properties')).toBeUndefined();
  });
});

describe('syncRentvine and delinquency', () => {
  /** The workflow following a lease's collection, if any. */
  async function collection(platform: ReturnType<typeof world>['platform'], leaseId: string) {
    const id = await platform.workflows.workflowOfSubject(orgId, delinquencySubject(leaseId));
    return id ? platform.workflows.get(orgId, id) : undefined;
  }

  it('starts workflows for leases past due on the first, full pass (a debt now is current)', async () => {
    const { deps, account, platform } = world();
    account.set('leases', leaseRecord('301', '2026-11-03 08:00:00', { pastDue: '1275.00' }));
    account.set('leases', leaseRecord('302', '2026-11-03 08:00:00'));
    account.set('leases', leaseRecord('303', '2026-11-03 08:00:00', { pastDue: '800.00', status: '3' }));
    const first = byResource(await syncRentvine(deps, orgId, account));
    expect(first.leases).toMatchObject({ ok: true, created: 3, delinquenciesStarted: 1 });
    expect(first.properties).toMatchObject({ delinquenciesStarted: 0 });
    // The 21st of November: 20 days late, so the notice waits on a property manager.
    expect(await collection(platform, '301')).toMatchObject({
      type: 'delinquency',
      state: 'approve_notice',
      facts: { leaseId: '301', pastDueUsd: 1275 },
    });
    expect(await collection(platform, '302')).toBeUndefined();
    expect(await collection(platform, '303')).toBeUndefined();

    // Nothing changed: the unchanged leases are not reconciled again.
    const again = byResource(await syncRentvine(deps, orgId, account));
    expect(again.leases).toMatchObject({
      delinquenciesStarted: 0,
      delinquenciesFed: 0,
      delinquenciesPaid: 0,
    });
  });

  it('on later passes, starts, feeds and closes them from the leases that moved', async () => {
    const { deps, account, platform } = world();
    account.set('leases', leaseRecord('301', '2026-11-03 08:00:00', { pastDue: '1275.00' }));
    account.set('leases', leaseRecord('302', '2026-11-03 08:00:00'));
    account.set('leases', leaseRecord('304', '2026-11-03 08:00:00', { pastDue: '500.00' }));
    await syncRentvine(deps, orgId, account);
    const first = await collection(platform, '301');

    // A payment on 301, rent unpaid on 302, a partial payment on 304: no webhook for any.
    account.set('leases', leaseRecord('301', '2026-11-21 09:00:00', { pastDue: '0.00' }));
    account.set('leases', leaseRecord('302', '2026-11-21 09:00:00', { pastDue: '1100.00' }));
    account.set('leases', leaseRecord('304', '2026-11-21 09:00:00', { pastDue: '200.00' }));
    const later = byResource(await syncRentvine(deps, orgId, account));
    expect(later.leases).toMatchObject({
      updated: 3,
      delinquenciesStarted: 1,
      delinquenciesFed: 1,
      delinquenciesPaid: 1,
    });
    expect(await collection(platform, '301')).toMatchObject({
      workflowId: first?.workflowId,
      status: 'completed',
      state: 'paid',
    });
    expect(await collection(platform, '302')).toMatchObject({ status: 'open', facts: { pastDueUsd: 1100 } });
    expect(await collection(platform, '304')).toMatchObject({ status: 'open', facts: { pastDueUsd: 200 } });
  });

  it('reads the balances of a version a webhook stored without them', async () => {
    const { deps, account, platform } = world();
    await syncRentvine(deps, orgId, account);
    // The webhook's copy of the lease (no balances: they come only with the export).
    const { balances: _, ...bare } = leaseRecord('305', '2026-11-20 08:00:00').data as Record<
      string,
      unknown
    >;
    await deps.snapshots.put(
      orgId,
      { kind: 'lease', id: '305', dateTimeModified: '2026-11-20 08:00:00', data: bare },
      'x',
    );
    account.set('leases', leaseRecord('305', '2026-11-20 08:00:00', { pastDue: '950.00' }));
    const results = byResource(await syncRentvine(deps, orgId, account));
    expect(results.leases).toMatchObject({ refreshed: 1, delinquenciesStarted: 1 });
    expect(await collection(platform, '305')).toMatchObject({ facts: { pastDueUsd: 950 } });
  });
});

describe('syncConnectedOrgs', () => {
  it('syncs every connected org; one that fails does not stop the next', async () => {
    const { deps, account, platform } = world();
    seed(account);
    const broken = deps.accounts.connect('org-broken');
    broken.down = true;
    deps.accounts.connect('org-empty');
    const results = await syncConnectedOrgs(deps, {
      deadline: new Date(platform.clock.now().getTime() + 60_000),
    });
    expect(results.map((r) => [r.orgId, r.ok])).toEqual([
      [orgId, true],
      ['org-broken', true],
      ['org-empty', true],
    ]);
    const brokenResults = results[1]?.ok ? results[1].resources : [];
    expect(brokenResults.every((r) => !r.ok)).toBe(true);
    const empty = results[2]?.ok ? results[2].resources : [];
    expect(empty.every((r) => r.ok && r.fetched === 0)).toBe(true);
  });
});
