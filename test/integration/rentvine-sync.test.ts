import type { Context, ScheduledEvent, SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import type { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import type { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import type { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { delinquencySubject } from '#domain/workflow/delinquency.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
import { applyFaultMode, FAULT_MODES, type FaultMix } from '#test/support/rentvine-fault-mix.ts';
import { thinWorkOrderEvent } from '#test/support/rentvine-records.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

type SyncHandler = (event: ScheduledEvent, context: Context) => Promise<{ orgs: number; failed: number }>;

/** Org `demo`: the RENTVINE_* connection npm start gives it, here pointing at the simulator. */
const orgId = 'demo';
let stack: TestStack;
let simulator: RentvineSimulator;
let sync: SyncHandler;
let processor: SqsHandler;
let inbox: DynamoEventInbox;
let snapshots: DynamoSnapshotStore;
let watermarks: DynamoSyncWatermarks;
let workflows: DynamoWorkflowStore;
let mix: FaultMix;

let counter = 0;
/** A thin work-order webhook as Rentvine sends it: ids and a description, no priority, no time. */
async function storeThinWebhook(workOrderId: string): Promise<string> {
  counter += 1;
  const record = simulator.portfolio.workOrder(workOrderId);
  if (!record) throw new Error(`no work order ${workOrderId}`);
  const eventId = stableId('evt', orgId, `thin-${counter}-${Date.now()}`);
  await inbox.store({
    orgId,
    eventId,
    eventKey: `thin:${counter}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: new Date().toISOString(),
    rawBody: JSON.stringify(thinWorkOrderEvent(workOrderId, record.propertyID, record.description)),
    headers: {},
    status: 'received',
  });
  return eventId;
}

const processEvent = (eventId: string) =>
  processor(sqsEvent([{ orgId, eventId }]), lambdaContext('event-processor')) as Promise<SQSBatchResponse>;
const runSync = () => sync({} as ScheduledEvent, lambdaContext('rentvine-sync', 120_000));

/** Each pass has its own simulator and stack: clean, then with the steady fault mix on. */
describe.each(FAULT_MODES)('rentvine sync, $name', (mode) => {
  beforeAll(async () => {
    simulator = await startRentvineSimulator({ properties: 4, units: 24 });
    mix = applyFaultMode(simulator, mode);
    process.env.RENTVINE_BASE_URL = simulator.baseUrl;
    process.env.RENTVINE_ACCESS_KEY = simulator.credentials.accessKey;
    process.env.RENTVINE_SECRET = simulator.credentials.secret;
    stack = await startTestStack();
    // The handlers read their configuration and the stores hold one DynamoDB client, once, on
    // import: each pass imports them afresh, pointing at its own stack and simulator.
    vi.resetModules();
    const table = stack.resources.tables.main;
    inbox = new (await import('#adapters/dynamodb/event-inbox.ts')).DynamoEventInbox(table);
    snapshots = new (await import('#adapters/dynamodb/snapshot-store.ts')).DynamoSnapshotStore(table);
    watermarks = new (await import('#adapters/dynamodb/sync-watermarks.ts')).DynamoSyncWatermarks(table);
    workflows = new (await import('#adapters/dynamodb/workflow-store.ts')).DynamoWorkflowStore(table);
    sync = await loadHandler<SyncHandler>('rentvine-sync');
    processor = await loadHandler<SqsHandler>('event-processor');
  });
  afterAll(async () => {
    await stack?.stop();
    await simulator?.close();
    for (const name of ['RENTVINE_BASE_URL', 'RENTVINE_ACCESS_KEY', 'RENTVINE_SECRET'])
      delete process.env[name];
  });

  describe('enrichment against the simulator, through the real client', () => {
    it('fails the message while Rentvine is down, writing nothing; the redelivery enriches and settles it', async () => {
      const [workOrder] = simulator.portfolio.openWorkOrders();
      if (!workOrder) throw new Error('the seeded portfolio has no open work order');
      const eventId = await storeThinWebhook(workOrder.workOrderID);
      const outage = simulator.faults.add({ status: 503, times: Number.POSITIVE_INFINITY });
      try {
        // The one message of the batch fails: the batch fails, SQS redelivers it.
        await expect(processEvent(eventId)).rejects.toThrow(/All records failed/);
      } finally {
        simulator.faults.clear();
      }
      expect(outage.hits).toBeGreaterThan(0);
      expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'received' });
      expect(await snapshots.get(orgId, 'work_order', workOrder.workOrderID)).toBeUndefined();

      expect(await processEvent(eventId)).toEqual({ batchItemFailures: [] });
      expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'processed' });
      expect(await snapshots.get(orgId, 'work_order', workOrder.workOrderID)).toMatchObject({
        dateTimeModified: workOrder.dateTimeModified,
        data: { priorityId: Number(workOrder.priorityID) },
      });
      const property = await snapshots.get(orgId, 'property', workOrder.propertyID);
      expect(property?.data).toMatchObject({
        address: simulator.portfolio.property(workOrder.propertyID)?.address,
      });
    });
  });

  describe('the rentvine-sync function against the simulator and DynamoDB', () => {
    it('syncs the connected org in full, then feeds a missed emergency through the processor to the workflow queue', async () => {
      expect(await runSync()).toEqual({ orgs: 1, failed: 0 });
      expect(await watermarks.get(orgId, 'units')).toMatchObject({ resource: 'units' });
      expect(
        (
          await snapshots.getMany(
            orgId,
            'unit',
            simulator.portfolio.units.map((u) => u.unitID),
          )
        ).size,
      ).toBe(24);
      await stack.purge('events');

      // The seeded active leases past due have their collections started by the first sync, and
      // the workflows' first effects handed to the workflow queue.
      const pastDue = simulator.portfolio.leases.filter(
        (lease) =>
          lease.primaryLeaseStatusID === '2' &&
          Number(simulator.portfolio.balances(lease.leaseID).pastDueTotalAmount) > 0,
      );
      expect(pastDue.length).toBeGreaterThan(0);
      const started = new Set<string>();
      for (const lease of pastDue) {
        const workflowId = await workflows.workflowOfSubject(orgId, delinquencySubject(lease.leaseID));
        if (!workflowId) throw new Error(`lease ${lease.leaseID} has no delinquency workflow`);
        expect(await workflows.get(orgId, workflowId)).toMatchObject({
          type: 'delinquency',
          status: 'open',
          source: { kind: 'sync' },
          facts: {
            leaseId: lease.leaseID,
            pastDueUsd: Number(simulator.portfolio.balances(lease.leaseID).pastDueTotalAmount),
          },
        });
        started.add(workflowId);
      }
      const runs = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) expect(started.has(run.workflowId), JSON.stringify(run)).toBe(true);

      // Rentvine raises a work order to high priority and sends no webhook.
      const workOrder = simulator.portfolio.openWorkOrders().at(-1);
      if (!workOrder) throw new Error('the seeded portfolio has no open work order');
      simulator.portfolio.updateWorkOrder(workOrder.workOrderID, { priorityID: '3' }, { webhook: false });
      expect(await runSync()).toEqual({ orgs: 1, failed: 0 });

      const messages = await stack.drain('events');
      expect(messages).toHaveLength(1);
      const message = JSON.parse(messages[0]?.Body ?? '{}') as { eventId: string };
      expect(await inbox.get(orgId, message.eventId)).toMatchObject({
        scheme: 'rentvine-sync',
        status: 'received',
      });
      await stack.purge('workflow');
      expect(await processEvent(message.eventId)).toEqual({ batchItemFailures: [] });
      expect(await inbox.get(orgId, message.eventId)).toMatchObject({
        status: 'processed',
        eventType: 'work_order.synced',
        trigger: { kind: 'emergency_work_order', workOrderId: workOrder.workOrderID },
      });
      const starts = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
      expect(starts).toEqual([{ source: 'event', orgId, eventId: message.eventId }]);
    });
  });

  it('ran under its mode: faults on means the mix failed requests the client absorbed', () => {
    expect(mix.injected > 0).toBe(mode.seed !== undefined);
  });
});
