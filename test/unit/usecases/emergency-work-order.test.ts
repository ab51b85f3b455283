import { describe, expect, it } from 'vitest';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { InMemoryRentvineAccounts } from '#test/support/in-memory/rentvine-accounts.ts';
import { InMemorySnapshotStore } from '#test/support/in-memory/snapshot-store.ts';
import { topologyGrace } from '#test/support/outbox-policy.ts';
import { receivedEvent } from '#test/support/received-event.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startMessage } from '#test/support/workflows.ts';
import { RecentReads } from '#usecases/enrich-work-order.ts';
import { processRentvineEvent } from '#usecases/process-rentvine-event.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';

const orgId = 'org-emergency';

function deps() {
  const platform = inMemoryPlatform();
  return {
    ...platform,
    snapshots: new InMemorySnapshotStore(),
    orgSettings: new InMemoryOrgSettingsStore(),
    emergencyCues,
    // No Rentvine connection: processed with what the event carries.
    accounts: new InMemoryRentvineAccounts(),
    recentReads: new RecentReads(platform.clock),
  };
}

async function store(platform: ReturnType<typeof deps>, eventId: string, body: object): Promise<void> {
  await platform.inbox.store(receivedEvent(orgId, eventId, body, platform.clock.now().toISOString()));
}

describe('an emergency work order, event → workflow', () => {
  it('stores the trigger with the settle, sends a pointer, and the workflow reads the stored trigger', async () => {
    const platform = deps();
    await store(platform, 'evt_1', workOrderEvent({ workOrderID: '5150', priorityID: '3' }));
    expect(await processRentvineEvent(platform, { orgId, eventId: 'evt_1', attempt: 0 })).toMatchObject({
      kind: 'processed',
      emergency: true,
    });
    expect((await platform.inbox.get(orgId, 'evt_1'))?.trigger).toEqual({
      kind: 'emergency_work_order',
      workOrderId: '5150',
      reasons: ['priority 3'],
    });
    const [start] = platform.queue.take('workflow');
    expect(start).toEqual({ source: 'event', orgId, eventId: 'evt_1' });
    if (!start) throw new Error('expected a workflow start');
    const started = await startWorkflow(platform, startMessage(start));
    if (!('workflow' in started)) throw new Error('expected a workflow');
    expect(started.workflow).toMatchObject({
      type: 'maintenance_emergency',
      urgency: 'emergency',
      source: { kind: 'event', eventId: 'evt_1' },
      facts: { workOrderId: '5150' },
    });
    expect((await platform.inbox.get(orgId, 'evt_1'))?.workflowId).toBe(started.workflow.workflowId);
  });

  it('keeps the start in the outbox when its send fails after the settle; the sweep sends it', async () => {
    const platform = deps();
    await store(platform, 'evt_2', workOrderEvent({ workOrderID: '5151', priorityID: '3' }));
    platform.queue.refused.add('workflow');
    expect(await processRentvineEvent(platform, { orgId, eventId: 'evt_2', attempt: 0 })).toMatchObject({
      kind: 'processed',
    });
    platform.queue.refused.clear();
    // A redelivery finds the event settled and does nothing more.
    expect(await processRentvineEvent(platform, { orgId, eventId: 'evt_2', attempt: 0 })).toEqual({
      kind: 'already_settled',
    });
    expect(platform.queue.take('workflow')).toEqual([]);
    const policy = topologyGrace(3);
    platform.clock.advance(policy.graceMs.workflow + 1000);
    expect(await resendPendingWork(platform, policy)).toMatchObject({ resent: 1 });
    expect(platform.queue.take('workflow')).toEqual([{ source: 'event', orgId, eventId: 'evt_2' }]);
  });

  it('starts nothing for a routine work order, and lets it leave the outbox', async () => {
    const platform = deps();
    await store(platform, 'evt_3', workOrderEvent({ workOrderID: '5152', description: 'Squeaky door' }));
    expect(await processRentvineEvent(platform, { orgId, eventId: 'evt_3', attempt: 0 })).toMatchObject({
      kind: 'processed',
      emergency: false,
    });
    expect(platform.queue.take('workflow')).toEqual([]);
    expect(await platform.pending.listStale(new Date('2100-01-01T00:00:00Z'), 10)).toEqual([]);
  });
});
