import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** Replays: a reopened event is `received` again under its next attempt, so it runs once more, once. */
let stack: TestStack;
let handler: SqsHandler;
let inbox: DynamoEventInbox;
const orgId = 'org-replay';

beforeAll(async () => {
  stack = await startTestStack();
  inbox = new DynamoEventInbox(stack.resources.tables.main);
  handler = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => stack?.stop());
beforeEach(async () => stack.purge('workflow'));

async function storeEmergency(workOrderID: string): Promise<string> {
  const eventId = stableId('evt', orgId, `replay-${workOrderID}-${Date.now()}`);
  await inbox.store({
    orgId,
    eventId,
    eventKey: `replay:${workOrderID}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: new Date().toISOString(),
    // Priority 3 starts a workflow: each processing leaves one message to count.
    rawBody: JSON.stringify(workOrderEvent({ workOrderID, priorityID: '3' })),
    headers: {},
    status: 'received',
  });
  return eventId;
}

const deliver = (...messages: { eventId: string; attempt?: number }[]) =>
  handler(sqsEvent(messages.map((m) => ({ orgId, ...m }))), lambdaContext('event-processor'));

const workflowStarts = async () => (await stack.drain('workflow')).length;

describe('event-processor replays', () => {
  it('processes a reopened event again exactly once, and the first attempt never again', async () => {
    const eventId = await storeEmergency('700');
    await deliver({ eventId });
    expect(await workflowStarts()).toBe(1);
    const first = await inbox.get(orgId, eventId);
    expect(first).toMatchObject({ status: 'processed' });

    const attempt = await inbox.reopen(orgId, eventId, new Date().toISOString());
    expect(attempt).toBe(1);
    expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'received', attempt: 1 });

    // The replay's message, delivered twice (at-least-once), and a late copy of the first one.
    expect(await deliver({ eventId, attempt: 1 })).toEqual({ batchItemFailures: [] });
    await deliver({ eventId, attempt: 1 });
    await deliver({ eventId, attempt: 0 });
    expect(await workflowStarts()).toBe(1);
    expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'processed', attempt: 1 });
  });

  it('treats the same message twice in one batch as one processing', async () => {
    const eventId = await storeEmergency('701');
    const response = await deliver({ eventId }, { eventId });
    // The twin either waits for the first (in progress: retried later) or finds its result.
    expect(response.batchItemFailures.length).toBeLessThanOrEqual(1);
    await deliver({ eventId });
    expect(await workflowStarts()).toBe(1);
    expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'processed' });
  });

  it('replays an unrecognized event once its type can be read', async () => {
    const eventId = stableId('evt', orgId, `replay-unrecognized-${Date.now()}`);
    await inbox.store({
      orgId,
      eventId,
      eventKey: 'replay:unrecognized',
      source: 'rentvine',
      scheme: 'rentvine-header',
      receivedAt: new Date().toISOString(),
      rawBody: JSON.stringify({
        event: { eventType: 'unit.updated' },
        data: { unitID: '5', propertyID: '1' },
      }),
      headers: {},
      // As an older deployment that could not read units would have left it.
      status: 'unrecognized',
      reason: 'unsupported_event_type: unit.updated',
    });
    const attempt = await inbox.reopen(orgId, eventId, new Date().toISOString());
    await deliver({ eventId, attempt });
    expect(await inbox.get(orgId, eventId)).toMatchObject({ status: 'processed', objectId: '5', attempt: 1 });
    expect((await inbox.get(orgId, eventId))?.reason).toBeUndefined();
  });
});
