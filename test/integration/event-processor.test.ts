import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { keys } from '#adapters/dynamodb/keys.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { EntityKind } from '#domain/rentvine/event-types.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
import {
  leaseChargeEvent,
  leaseEvent,
  propertyEvent,
  workOrderEvent,
} from '#test/support/rentvine-payloads.ts';
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
async function storeEvent(payload: unknown, overrides: Partial<StoredEvent> = {}): Promise<string> {
  counter += 1;
  const org = overrides.orgId ?? orgId;
  const eventId = stableId('evt', org, `test-${counter}-${Date.now()}`);
  await inbox.store({
    orgId: org,
    eventId,
    eventKey: `test:${counter}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: new Date().toISOString(),
    rawBody: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: {},
    status: 'received',
    ...overrides,
  });
  return eventId;
}

const process = (...eventIds: string[]) =>
  handler(sqsEvent(eventIds.map((eventId) => ({ orgId, eventId }))), lambdaContext('event-processor'));

async function snapshot(kind: EntityKind, id: string, org = orgId) {
  const { Item } = await stack.ddb.send(
    new GetCommand({ TableName: stack.resources.tables.main, Key: keys.snapshot(org, kind, id) }),
  );
  return Item;
}

describe('event-processor', () => {
  it('upserts the work order snapshot and marks the event processed', async () => {
    const eventId = await storeEvent(workOrderEvent({ workOrderID: '100' }));
    expect(await process(eventId)).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(orgId, eventId)).toMatchObject({
      status: 'processed',
      eventType: 'maintenance::workOrder.created',
      objectId: '100',
    });
    expect(await snapshot('work_order', '100')).toMatchObject({
      SK: 'WORKORDER#100',
      entity: 'work_order',
      snapshot: { workOrderId: '100', description: 'Kitchen faucet drips slowly', priorityId: 1 },
    });
    expect(await stack.drain('workflow')).toHaveLength(0);
  });

  it.each([
    ['property', 'PROPERTY#21', propertyEvent({ propertyID: '21', name: 'Elm House' })],
    [
      'unit',
      'UNIT#22',
      { event: { eventType: 'property::unit.created' }, data: { unit: { unitID: '22', propertyID: '21' } } },
    ],
    [
      'contact',
      'CONTACT#23',
      { event: { eventType: 'tenant.updated' }, data: { contact: { contactID: '23', name: 'Dana' } } },
    ],
    ['lease', 'LEASE#24', leaseEvent({ leaseID: '24' })],
    ['lease_charge', 'LEASECHARGE#25', leaseChargeEvent({ leaseChargeID: '25' })],
  ] as const)('keeps a %s snapshot under %s', async (kind, sk, payload) => {
    const eventId = await storeEvent(payload);
    expect(await process(eventId)).toEqual({ batchItemFailures: [] });
    const id = sk.split('#')[1] ?? '';
    expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'processed', objectId: id });
    expect(await snapshot(kind, id)).toMatchObject({ PK: `ORG#${orgId}`, SK: sk, entity: kind });
  });

  it('starts the emergency workflow for an emergency work order (by text or by priority)', async () => {
    const byText = await storeEvent(
      workOrderEvent({ workOrderID: '200', description: 'Tenant reports a strong gas smell in the kitchen' }),
    );
    const byPriority = await storeEvent(
      workOrderEvent({ workOrderID: '201', priorityID: '3', description: 'Broken window' }),
    );
    await process(byText, byPriority);
    // The message points at the event; the trigger is stored on it for the workflow to read.
    const starts = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(starts).toEqual(
      expect.arrayContaining([
        { source: 'event', orgId, eventId: byText },
        { source: 'event', orgId, eventId: byPriority },
      ]),
    );
    expect(starts).toHaveLength(2);
    expect((await inbox.get(orgId, byText))?.trigger).toMatchObject({
      kind: 'emergency_work_order',
      workOrderId: '200',
    });
    expect((await inbox.get(orgId, byPriority))?.trigger).toEqual({
      kind: 'emergency_work_order',
      workOrderId: '201',
      reasons: ['priority 3'],
    });
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
    expect(await snapshot('work_order', '400')).toMatchObject({ snapshot: { description: 'newer' } });
    expect(await inbox.get(orgId, older)).toMatchObject({
      status: 'processed',
      reason: 'older than the stored snapshot',
    });
    // A stale event describes a past state: it starts nothing.
    expect(await stack.drain('workflow')).toHaveLength(0);
  });

  it('moves every kind forward only, whatever order the events arrive in', async () => {
    const later = await storeEvent(leaseEvent({ leaseID: '401', dateTimeModified: '2026-11-21T09:00:00Z' }));
    // ISO and Rentvine's zone-less spelling are ordered on one clock; the earlier one arrives last.
    const earlier = await storeEvent(leaseEvent({ leaseID: '401', dateTimeModified: '2026-11-21 08:59:59' }));
    // Two calls, not one batch: a batch's records run concurrently, so their order is not fixed.
    await process(later);
    await process(earlier);
    expect(await snapshot('lease', '401')).toMatchObject({
      snapshot: { dateTimeModified: '2026-11-21T09:00:00Z' },
      modifiedAt: Date.parse('2026-11-21T09:00:00Z'),
    });
    expect((await inbox.get(orgId, earlier))?.reason).toBe('older than the stored snapshot');
  });

  it('marks unknown event types and schema drift unrecognized, with the reason, and keeps the body', async () => {
    const deleted = { event: { eventType: 'property.deleted' }, data: { propertyID: '1' } };
    const unknownType = await storeEvent(deleted);
    const drift = await storeEvent(workOrderEvent({ workOrderID: 'not-a-number' }));
    const wrongEntity = await storeEvent({
      event: { eventType: 'property.updated' },
      data: workOrderEvent().data,
    });
    expect(await process(unknownType, drift, wrongEntity)).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(orgId, unknownType)).toMatchObject({
      status: 'unrecognized',
      eventType: 'property.deleted',
      reason: 'unsupported_event_type: property.deleted',
      rawBody: JSON.stringify(deleted),
    });
    expect(await inbox.get(orgId, drift)).toMatchObject({
      status: 'unrecognized',
      eventType: 'maintenance::workOrder.created',
      reason: expect.stringMatching(/^schema_drift: maintenance::workOrder\.created: workOrderID: /),
    });
    // A work order in a property event is not read as a property (its propertyID would fit).
    expect((await inbox.get(orgId, wrongEntity))?.reason).toContain('workOrderID: belongs to another entity');
    expect(await snapshot('property', '12')).toBeUndefined();
  });

  it('does not read an integration delivery as a Rentvine event (nor, not being a message, as a message)', async () => {
    const eventId = await storeEvent(workOrderEvent({ workOrderID: '450' }), {
      source: 'integration',
      integrationId: 'demo-forms',
      scheme: 'standard-webhooks',
    });
    await process(eventId);
    expect(await inbox.get(orgId, eventId)).toMatchObject({
      status: 'unrecognized',
      reason: 'invalid_integration_message: type invalid_value',
    });
    expect(await snapshot('work_order', '450')).toBeUndefined();
  });

  it("settles the org's own writes as echoes and acts on nothing in them", async () => {
    const echoOrg = 'org-echo';
    await new DynamoOrgSettingsStore(stack.resources.tables.main).put({
      orgId: echoOrg,
      rentvineUserId: '99',
      allowTimestamplessSignature: false,
    });
    const ours = await storeEvent(workOrderEvent({ workOrderID: '500', priorityID: '3', userID: '99' }), {
      orgId: echoOrg,
    });
    const theirs = await storeEvent(workOrderEvent({ workOrderID: '501', priorityID: '3', userID: '42' }), {
      orgId: echoOrg,
    });
    const response = await handler(
      sqsEvent([ours, theirs].map((eventId) => ({ orgId: echoOrg, eventId }))),
      lambdaContext('event-processor'),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(echoOrg, ours)).toMatchObject({
      status: 'echo',
      eventType: 'maintenance::workOrder.created',
      objectId: '500',
    });
    expect(await snapshot('work_order', '500', echoOrg)).toBeUndefined();
    expect(await inbox.get(echoOrg, theirs)).toMatchObject({ status: 'processed' });
    expect(await snapshot('work_order', '501', echoOrg)).toBeDefined();
    const starts = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(starts.map((s) => s.eventId)).toEqual([theirs]);
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
