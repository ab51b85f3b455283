import type { Context, ScheduledEvent, SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
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

beforeAll(async () => {
  simulator = await startRentvineSimulator({ properties: 4, units: 24 });
  process.env.RENTVINE_BASE_URL = simulator.baseUrl;
  process.env.RENTVINE_ACCESS_KEY = simulator.credentials.accessKey;
  process.env.RENTVINE_SECRET = simulator.credentials.secret;
  stack = await startTestStack();
  inbox = new DynamoEventInbox(stack.resources.tables.main);
  snapshots = new DynamoSnapshotStore(stack.resources.tables.main);
  sync = await loadHandler<SyncHandler>('rentvine-sync');
  processor = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => {
  await stack?.stop();
  await simulator?.close();
  for (const name of ['RENTVINE_BASE_URL', 'RENTVINE_ACCESS_KEY', 'RENTVINE_SECRET'])
    delete process.env[name];
});

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
    const watermarks = new DynamoSyncWatermarks(stack.resources.tables.main);
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
