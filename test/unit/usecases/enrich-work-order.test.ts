import { describe, expect, it } from 'vitest';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { InMemoryRentvineAccounts } from '#test/support/in-memory/rentvine-accounts.ts';
import { InMemorySnapshotStore } from '#test/support/in-memory/snapshot-store.ts';
import { receivedEvent } from '#test/support/received-event.ts';
import {
  propertyRecord,
  thinWorkOrderEvent,
  workOrderDelivery,
  workOrderRecord,
} from '#test/support/rentvine-records.ts';
import { RECENT_READ_MS, RecentReads } from '#usecases/enrich-work-order.ts';
import { processRentvineEvent } from '#usecases/process-rentvine-event.ts';

const orgId = 'org-enrich';

const thinEvent = (workOrderID: string) => thinWorkOrderEvent(workOrderID, '12', 'Leak under the sink');

function world() {
  const platform = inMemoryPlatform();
  const accounts = new InMemoryRentvineAccounts();
  const deps = {
    ...platform,
    snapshots: new InMemorySnapshotStore(),
    orgSettings: new InMemoryOrgSettingsStore(),
    emergencyCues,
    accounts,
    recentReads: new RecentReads(platform.clock),
  };
  let n = 0;
  const deliver = async (body: object) => {
    n += 1;
    const eventId = `evt_${n}`;
    await platform.inbox.store(receivedEvent(orgId, eventId, body, platform.clock.now().toISOString()));
    return { orgId, eventId, attempt: 0 };
  };
  return { deps, accounts, platform, deliver };
}

describe('enrichment of work-order events', () => {
  it('re-reads a thin work order and stores its property before settling', async () => {
    const { deps, accounts, deliver } = world();
    const account = accounts.connect(orgId);
    account.set('properties', propertyRecord('12', '2026-11-01 08:00:00'));
    account.set(
      'work_orders',
      workOrderRecord('700', '2026-11-06 08:00:00', {
        propertyID: '12',
        priorityID: '3',
        description: 'Leak',
      }),
    );
    const message = await deliver(thinEvent('700'));
    expect(await processRentvineEvent(deps, message)).toMatchObject({ kind: 'processed', emergency: true });
    expect(await deps.snapshots.get(orgId, 'work_order', '700')).toMatchObject({
      dateTimeModified: '2026-11-06 08:00:00',
      data: { priorityId: 3 },
    });
    expect((await deps.snapshots.get(orgId, 'property', '12'))?.data).toMatchObject({
      address: '12 Main St',
    });
  });

  it('re-reads the work order for every thin event: a second one within a minute sees its latest version', async () => {
    const { deps, accounts, deliver } = world();
    const account = accounts.connect(orgId);
    account.set('properties', propertyRecord('12', '2026-11-01 08:00:00'));
    account.set(
      'work_orders',
      workOrderRecord('705', '2026-11-06 08:00:00', { propertyID: '12', priorityID: '1' }),
    );
    await processRentvineEvent(deps, await deliver(thinEvent('705')));
    // Edited in Rentvine seconds later; the clock has not moved, so any cache would still be fresh.
    account.set(
      'work_orders',
      workOrderRecord('705', '2026-11-06 08:00:30', { propertyID: '12', priorityID: '3' }),
    );
    expect(await processRentvineEvent(deps, await deliver(thinEvent('705')))).toMatchObject({
      kind: 'processed',
      snapshot: 'updated',
    });
    expect(await deps.snapshots.get(orgId, 'work_order', '705')).toMatchObject({
      dateTimeModified: '2026-11-06 08:00:30',
      data: { priorityId: 3 },
    });
  });

  it('reads a property once for a burst of events, and not at all once its snapshot is stored', async () => {
    const { deps, accounts, deliver, platform } = world();
    const account = accounts.connect(orgId);
    account.set('properties', propertyRecord('12', '2026-11-01 08:00:00'));
    // Full events (no re-read needed), property unknown: one read, then the stored snapshot answers.
    for (const id of ['701', '702']) {
      const message = await deliver(
        workOrderDelivery({
          workOrderID: id,
          propertyID: '12',
          priorityID: '1',
          dateTimeModified: '2026-11-06 08:00:00',
        }),
      );
      await processRentvineEvent(deps, message);
    }
    expect(account.requests).toBe(1);
    // The cache is brief: an unknown record is asked again once it has expired.
    await deps.recentReads.property(orgId, account, '99');
    await deps.recentReads.property(orgId, account, '99');
    platform.clock.advance(RECENT_READ_MS);
    await deps.recentReads.property(orgId, account, '99');
    expect(account.requests).toBe(3);
  });

  it('fails the message when Rentvine is down, having written nothing; the redelivery completes it', async () => {
    const { deps, accounts, deliver, platform } = world();
    const account = accounts.connect(orgId);
    account.set('properties', propertyRecord('12', '2026-11-01 08:00:00'));
    account.set(
      'work_orders',
      workOrderRecord('703', '2026-11-06 08:00:00', { propertyID: '12', priorityID: '1' }),
    );
    const message = await deliver(thinEvent('703'));
    account.down = true;
    await expect(processRentvineEvent(deps, message)).rejects.toMatchObject({ failure: 'unavailable' });
    expect(deps.snapshots.snapshots.size).toBe(0);
    expect(await platform.inbox.get(orgId, message.eventId)).toMatchObject({ status: 'received' });
    account.down = false;
    expect(await processRentvineEvent(deps, message)).toMatchObject({
      kind: 'processed',
      snapshot: 'created',
    });
    expect(deps.snapshots.snapshots.size).toBe(2);
  });

  it('processes an org with no Rentvine connection with what the event carries', async () => {
    const { deps, deliver } = world();
    const message = await deliver(thinEvent('704'));
    expect(await processRentvineEvent(deps, message)).toMatchObject({
      kind: 'processed',
      snapshot: 'created',
    });
    expect(await deps.snapshots.get(orgId, 'work_order', '704')).toMatchObject({
      data: { description: 'Leak under the sink' },
    });
    expect(await deps.snapshots.get(orgId, 'property', '12')).toBeUndefined();
  });
});
