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
  it('re-sends stored rows that never reached their queue, once per grace period, and never settled ones', async () => {
    const table = stack.resources.tables.main;
    const inbox = new DynamoEventInbox(table);
    const emails = new DynamoEmailStore(table);
    const storedAt = new Date('2026-11-21T10:00:00Z');
    const stuckEvent = stableId('evt', orgId, 'stuck');
    const settledEvent = stableId('evt', orgId, 'settled');
    for (const eventId of [stuckEvent, settledEvent]) {
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
    }
    await inbox.settle(orgId, settledEvent, { status: 'processed', at: storedAt.toISOString() });
    await emails.submit({
      orgId,
      emailId: 'em_stuck',
      from: 'a@example.com',
      subject: 's',
      text: 't',
      status: 'received',
      receivedAt: storedAt.toISOString(),
    });

    const deps = (now: Date) => ({
      pending: new DynamoPendingWork(table),
      queue: new SqsWorkQueue({
        events: stack.resources.queues.events.url,
        classify: stack.resources.queues.classify.url,
      }),
      clock: { now: () => now },
    });

    // Within the grace period nothing is touched: the queue may simply be busy.
    expect(
      await resendPendingWork(deps(new Date(storedAt.getTime() + PENDING_GRACE_MS - 1000)), policy),
    ).toEqual({
      resent: 0,
      failed: 0,
      gaveUp: 0,
    });

    const later = new Date(storedAt.getTime() + PENDING_GRACE_MS + 1000);
    expect(await resendPendingWork(deps(later), policy)).toEqual({ resent: 2, failed: 0, gaveUp: 0 });
    expect((await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId, eventId: stuckEvent, attempt: 0 },
    ]);
    expect((await stack.drain('classify')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId, emailId: 'em_stuck' },
    ]);

    // Re-sent rows wait another grace period before the next attempt.
    expect(await resendPendingWork(deps(new Date(later.getTime() + 1000)), policy)).toEqual({
      resent: 0,
      failed: 0,
      gaveUp: 0,
    });

    // Past the limit, a row that re-sends could not get processed is declared failed, for a human.
    const second = new Date(later.getTime() + PENDING_GRACE_MS + 1000);
    expect(await resendPendingWork(deps(second), policy)).toEqual({ resent: 2, failed: 0, gaveUp: 0 });
    const third = new Date(second.getTime() + PENDING_GRACE_MS + 1000);
    expect(await resendPendingWork(deps(third), policy)).toEqual({ resent: 0, failed: 0, gaveUp: 2 });
    expect(await inbox.get(orgId, stuckEvent)).toMatchObject({
      status: 'failed',
      reason: 'not processed after 2 re-sends',
    });
    expect(await emails.get(orgId, 'em_stuck')).toMatchObject({ status: 'failed' });
    expect(await resendPendingWork(deps(new Date(third.getTime() + PENDING_GRACE_MS * 2)), policy)).toEqual({
      resent: 0,
      failed: 0,
      gaveUp: 0,
    });
  });

  it('runs as the scheduled function', async () => {
    const handler =
      await loadHandler<
        (
          event: ScheduledEvent,
          context: Context,
        ) => Promise<{ resent: number; failed: number; gaveUp: number }>
      >('sweeper');
    const result = await handler(
      { 'detail-type': 'Scheduled Event', source: 'aws.events' } as ScheduledEvent,
      lambdaContext('sweeper'),
    );
    expect(result).toEqual({ resent: expect.any(Number), failed: 0, gaveUp: expect.any(Number) });
  });
});
