import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { keys } from '#adapters/dynamodb/keys.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
import { leaseEvent, workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack;
let handler: SqsHandler;
let inbox: DynamoEventInbox;
const orgId = 'org-processor';

beforeAll(async () => {
  stack = await startTestStack();
  inbox = new DynamoEventInbox(stack.resources.tables.main);
  handler = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => stack?.stop());
beforeEach(async () => stack.purge('workflow'));

let counter = 0;
async function storeEvent(payload: unknown): Promise<string> {
  counter += 1;
  const eventId = stableId('evt', orgId, `test-${counter}-${Date.now()}`);
  const event: StoredEvent = {
    orgId,
    eventId,
    eventKey: `test:${counter}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: new Date().toISOString(),
    rawBody: JSON.stringify(payload),
    headers: {},
    status: 'received',
  };
  await inbox.store(event);
  return eventId;
}

const process = (...eventIds: string[]) =>
  handler(sqsEvent(eventIds.map((eventId) => ({ orgId, eventId }))), lambdaContext('event-processor'));

async function snapshot(sk: { PK: string; SK: string }) {
  const { Item } = await stack.ddb.send(new GetCommand({ TableName: stack.resources.tables.main, Key: sk }));
  return Item;
}

describe('event-processor', () => {
  it('upserts the work order snapshot and marks the event processed', async () => {
    const eventId = await storeEvent(workOrderEvent({ workOrderID: '100' }));
    expect(await process(eventId)).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(orgId, eventId)).toMatchObject({
      status: 'processed',
      eventType: 'work_order.created',
      objectId: '100',
    });
    expect(await snapshot(keys.workOrder(orgId, '100'))).toMatchObject({
      entity: 'work_order',
      snapshot: { workOrderId: '100', description: 'Kitchen faucet drips slowly', priorityId: 1 },
    });
    expect(await stack.drain('workflow')).toHaveLength(0);
  });

  it('upserts lease snapshots from the {event_type, data} shape', async () => {
    const eventId = await storeEvent(leaseEvent({ leaseID: '501' }));
    await process(eventId);
    expect(await snapshot(keys.lease(orgId, '501'))).toMatchObject({
      snapshot: { leaseId: '501', primaryStatusId: 2 },
    });
  });

  it('starts the emergency workflow for an emergency work order (by text or by priority)', async () => {
    const byText = await storeEvent(
      workOrderEvent({ workOrderID: '200', description: 'Tenant reports a strong gas smell in the kitchen' }),
    );
    const byPriority = await storeEvent(
      workOrderEvent({ workOrderID: '201', priorityID: '3', description: 'Broken window' }),
    );
    await process(byText, byPriority);
    const starts = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(starts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'event',
          trigger: 'emergency_work_order',
          workOrderId: '200',
          eventId: byText,
        }),
        expect.objectContaining({
          source: 'event',
          trigger: 'emergency_work_order',
          workOrderId: '201',
          reasons: ['priority 3'],
        }),
      ]),
    );
    expect(starts).toHaveLength(2);
  });

  it('processes the same event once, however often it is delivered', async () => {
    const eventId = await storeEvent(workOrderEvent({ workOrderID: '300', priorityID: '3' }));
    await process(eventId);
    await process(eventId, eventId);
    expect(await stack.drain('workflow')).toHaveLength(1);
  });

  it('never lets an older snapshot overwrite a newer one', async () => {
    const newer = await storeEvent(
      workOrderEvent({ workOrderID: '400', description: 'newer', dateTimeModified: '2026-11-20 12:00:00' }),
    );
    const older = await storeEvent(
      workOrderEvent({
        workOrderID: '400',
        description: 'older gas leak',
        priorityID: '3',
        dateTimeModified: '2026-11-20 11:00:00',
      }),
    );
    await process(newer);
    await process(older);
    expect(await snapshot(keys.workOrder(orgId, '400'))).toMatchObject({
      snapshot: { description: 'newer' },
    });
    expect(await inbox.get(orgId, older)).toMatchObject({
      status: 'processed',
      reason: 'older than the stored snapshot',
    });
    // A stale event describes a past state: it starts nothing.
    expect(await stack.drain('workflow')).toHaveLength(0);
  });

  it('marks unknown event types and schema drift unrecognized, with the reason', async () => {
    const unknownType = await storeEvent({ event_type: 'property.updated', data: { propertyID: '1' } });
    const drift = await storeEvent(workOrderEvent({ workOrderID: 'not-a-number' }));
    expect(await process(unknownType, drift)).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(orgId, unknownType)).toMatchObject({
      status: 'unrecognized',
      reason: 'unsupported_event_type: property.updated',
    });
    expect((await inbox.get(orgId, drift))?.reason).toContain('workOrderID');
  });

  it('reports only the failing record of a batch, so its neighbours are not retried', async () => {
    const good = await storeEvent(workOrderEvent({ workOrderID: '600' }));
    const event = sqsEvent([
      { orgId, eventId: good },
      { orgId, eventId: 'evt_missing' },
      { not: 'a message' },
    ]);
    const response = await handler(event, lambdaContext('event-processor'));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [event.Records[1]?.messageId, event.Records[2]?.messageId].sort(),
    );
    expect(await inbox.get(orgId, good)).toMatchObject({ status: 'processed' });
  });
});
