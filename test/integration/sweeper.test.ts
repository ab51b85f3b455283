import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { sameGrace } from '#test/support/outbox-policy.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

let stack: TestStack;
const orgId = 'org-sweep';
const PENDING_GRACE_MS = 10 * 60 * 1000;
const policy = sameGrace(PENDING_GRACE_MS, 2);

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

describe('sweeper (outbox re-send)', () => {
  // The sweep's logic runs on the in-memory twins (test/unit/usecases/resend-pending-work.test.ts);
  // here, the deployed function over the real table and queues.
  it('re-sends what waited past its queue’s lifetime to that queue, over DynamoDB and SQS', async () => {
    const table = stack.resources.tables.main;
    const inbox = new DynamoEventInbox(table);
    const emails = new DynamoEmailStore(table);
    const storedAt = new Date('2000-01-01T00:00:00Z');
    const eventId = stableId('evt', orgId, 'stuck');
    await inbox.store({
      orgId,
      eventId,
      eventKey: eventId,
      source: 'rentvine',
      scheme: 'rentvine-header',
      receivedAt: storedAt.toISOString(),
      rawBody: '{}',
      headers: {},
      status: 'received',
    });
    await emails.submit({
      orgId,
      emailId: 'em_stuck',
      channel: 'email',
      from: 'a@example.com',
      subject: 's',
      text: 't',
      status: 'received',
      receivedAt: storedAt.toISOString(),
    });
    const deps = {
      pending: new DynamoPendingWork(table),
      queue: new SqsWorkQueue({
        events: stack.resources.queues.events.url,
        classify: stack.resources.queues.classify.url,
      }),
      clock: { now: () => new Date(storedAt.getTime() + PENDING_GRACE_MS + 1000) },
    };
    expect(await resendPendingWork(deps, policy)).toEqual({ resent: 2, failed: 0, gaveUp: 0 });
    expect((await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId, eventId, attempt: 0 },
    ]);
    expect((await stack.drain('classify')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId, emailId: 'em_stuck' },
    ]);
  });

  it('re-sends a row put in the outbox before rows named their queue, and brings it up to date', async () => {
    const table = stack.resources.tables.main;
    const storedAt = '2000-02-01T00:00:00.000Z';
    const eventId = stableId('evt', orgId, 'earlier-format');
    // As the inbox wrote a received event before this change: `pendingKind`, the old index key.
    await stack.ddb.send(
      new PutCommand({
        TableName: table,
        Item: {
          PK: `ORG#${orgId}`,
          SK: `EVENT#${eventId}`,
          GSI2PK: 'OUTBOX#0',
          GSI2SK: `${storedAt}#event#${orgId}#${eventId}#2`,
          pendingKind: 'event',
          orgId,
          eventId,
          status: 'received',
          receivedAt: storedAt,
        },
      }),
    );
    const deps = {
      pending: new DynamoPendingWork(table),
      // The previous test's rows are due again too: every queue they may owe.
      queue: new SqsWorkQueue({
        events: stack.resources.queues.events.url,
        classify: stack.resources.queues.classify.url,
      }),
      clock: { now: () => new Date(Date.parse(storedAt) + PENDING_GRACE_MS + 1000) },
    };
    const sent = await resendPendingWork(deps, policy);
    expect(sent.failed).toBe(0);
    const messages = (await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(messages.filter((m) => m.eventId === eventId)).toEqual([{ orgId, eventId, attempt: 2 }]);
    const { Item } = await stack.ddb.send(
      new GetCommand({ TableName: table, Key: { PK: `ORG#${orgId}`, SK: `EVENT#${eventId}` } }),
    );
    expect(Item).toMatchObject({
      outboxQueue: 'events',
      outboxMessage: { orgId, eventId, attempt: 2 },
      resendCount: 1,
    });
    expect(Item).not.toHaveProperty('pendingKind');
  });

  it('runs as the scheduled function', async () => {
    const handler =
      await loadHandler<
        (
          event: ScheduledEvent,
          context: Context,
        ) => Promise<{
          pages: object;
          workflows: object;
          outbox: { resent: number; failed: number; gaveUp: number };
        }>
      >('sweeper');
    const result = await handler(
      { 'detail-type': 'Scheduled Event', source: 'aws.events' } as ScheduledEvent,
      lambdaContext('sweeper'),
    );
    // Unanswered pages first, then due workflow steps, the queue's (nothing queued here), quiet conversations, then the outbox.
    expect(result).toEqual({
      pages: { due: 0, sent: 0, escalated: 0, stoodDown: 0, unacknowledged: 0, failed: [] },
      workflows: { due: 0, advanced: 0, escalations: 0, breaches: 0, itemsRead: 0 },
      queue: { due: 0, escalated: 0, breaches: 0, closed: 0, shiftStarts: 0, assigned: 0 },
      conversations: { due: 0, resolved: 0, settled: 0 },
      outbox: { resent: expect.any(Number), failed: 0, gaveUp: expect.any(Number) },
    });
  });
});
