import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { stableId } from '#platform/security/ids.ts';
import { lambdaContext, loadHandler, type SqsHandler, sqsEvent } from '#test/support/lambda-events.ts';
import { leaseEvent, workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import {
  REPLAY_PAGE_SIZE,
  type ReplayedEvent,
  type ReplayRequest,
  replayEvents,
} from '#usecases/replay-events.ts';

let stack: TestStack;
let inbox: DynamoEventInbox;
let processor: SqsHandler;

const NOW = new Date('2026-11-21T12:00:00.000Z');
const SINCE = '2026-11-21T00:00:00.000Z';

beforeAll(async () => {
  stack = await startTestStack();
  inbox = new DynamoEventInbox(stack.resources.tables.main);
  processor = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => stack?.stop());

let counter = 0;
/** Stores a delivery as webhook-ingest would, received at `receivedAt`. */
async function store(orgId: string, payload: unknown, receivedAt: string): Promise<string> {
  counter += 1;
  const eventId = stableId('evt', orgId, `replay-${counter}`);
  const event: StoredEvent = {
    orgId,
    eventId,
    eventKey: `replay:${counter}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt,
    rawBody: JSON.stringify(payload),
    headers: {},
    status: 'received',
  };
  await inbox.store(event);
  return eventId;
}

/** Stored and processed by the real event processor: the state a replay starts from. */
async function processedEvents(orgId: string) {
  const old = await store(
    orgId,
    workOrderEvent({ workOrderID: String(1000 + counter) }),
    '2026-11-20T23:59:59.999Z',
  );
  const workOrder = await store(
    orgId,
    workOrderEvent({ workOrderID: String(1000 + counter) }),
    '2026-11-21T08:00:00.000Z',
  );
  const lease = await store(
    orgId,
    leaseEvent({ leaseID: String(1000 + counter) }),
    '2026-11-21T09:00:00.000Z',
  );
  const ids = [old, workOrder, lease];
  const result = await processor(
    sqsEvent(ids.map((eventId) => ({ orgId, eventId }))),
    lambdaContext('event-processor'),
  );
  expect(result.batchItemFailures).toEqual([]);
  for (const eventId of ids) expect((await inbox.get(orgId, eventId))?.status).toBe('processed');
  return { old, workOrder, lease };
}

async function replay(request: Omit<ReplayRequest, 'since'> & { since?: string }) {
  const lines: ReplayedEvent[] = [];
  const summary = await replayEvents(
    {
      inbox,
      queue: new SqsWorkQueue({ events: stack.resources.queues.events.url }),
      clock: { now: () => NOW },
    },
    { since: SINCE, ...request },
    (line) => lines.push(line),
  );
  return { lines, summary };
}

async function queuedEvents() {
  return (await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '') as unknown);
}

describe('replaying stored events', () => {
  it('reopens each event since the time with attempt 1 and queues it with that attempt', async () => {
    const orgId = 'org-replay';
    const { old, workOrder, lease } = await processedEvents(orgId);
    const other = await processedEvents('org-replay-other');

    const { lines, summary } = await replay({ orgId, dryRun: false });

    expect(lines.map((l) => [l.eventId, l.status, l.attempt, l.outcome])).toEqual([
      [workOrder, 'processed', 1, 'replayed'],
      [lease, 'processed', 1, 'replayed'],
    ]);
    expect(summary).toEqual({ orgId, since: SINCE, dryRun: false, matched: 2, replayed: 2, failed: 0 });
    for (const eventId of [workOrder, lease]) {
      expect(await inbox.get(orgId, eventId)).toMatchObject({
        status: 'received',
        attempt: 1,
        reopenedAt: NOW.toISOString(),
      });
    }
    expect(await queuedEvents()).toEqual(
      expect.arrayContaining([
        { orgId, eventId: workOrder, attempt: 1 },
        { orgId, eventId: lease, attempt: 1 },
      ]),
    );
    // Before `since`, and another org's events, are left alone.
    expect(await inbox.get(orgId, old)).toMatchObject({ status: 'processed' });
    expect((await inbox.get('org-replay-other', other.lease))?.status).toBe('processed');
    expect(await queuedEvents()).toEqual([]);
  });

  it('the processor runs a replay once, and the next replay hands out the next attempt', async () => {
    const orgId = 'org-replay-twice';
    const { workOrder } = await processedEvents(orgId);
    await replay({ orgId, dryRun: false, type: 'maintenance::workOrder.created' });
    const queued = await queuedEvents();
    expect(queued).toEqual([{ orgId, eventId: workOrder, attempt: 1 }]);

    // Delivered twice (SQS is at least once): processed under attempt 1, the copy a no-op.
    const deliver = () => processor(sqsEvent(queued), lambdaContext('event-processor'));
    expect(await deliver()).toEqual({ batchItemFailures: [] });
    const processed = await inbox.get(orgId, workOrder);
    expect(processed).toMatchObject({ status: 'processed', attempt: 1 });
    expect(await deliver()).toEqual({ batchItemFailures: [] });
    expect(await inbox.get(orgId, workOrder)).toEqual(processed);

    const { lines } = await replay({ orgId, dryRun: false, type: 'maintenance::workOrder.created' });
    expect(lines.map((l) => [l.eventId, l.status, l.attempt])).toEqual([[workOrder, 'processed', 2]]);
    expect(await queuedEvents()).toEqual([{ orgId, eventId: workOrder, attempt: 2 }]);
  });

  it('an event still waiting to be processed is queued again under the attempt it has', async () => {
    const orgId = 'org-replay-waiting';
    const { lease } = await processedEvents(orgId);
    await replay({ orgId, dryRun: false, type: 'lease.updated' });
    await queuedEvents();

    const { lines } = await replay({ orgId, dryRun: false, type: 'lease.updated' });
    expect(lines.map((l) => [l.eventId, l.status, l.attempt, l.outcome])).toEqual([
      [lease, 'received', 1, 'replayed'],
    ]);
    expect(await queuedEvents()).toEqual([{ orgId, eventId: lease, attempt: 1 }]);
  });

  it('filters by the event type as delivered', async () => {
    const orgId = 'org-replay-type';
    const { workOrder, lease } = await processedEvents(orgId);
    const { lines, summary } = await replay({ orgId, dryRun: false, type: 'lease.updated' });
    expect(lines.map((l) => [l.eventId, l.eventType])).toEqual([[lease, 'lease.updated']]);
    expect(summary).toMatchObject({ type: 'lease.updated', matched: 1, replayed: 1 });
    expect(await queuedEvents()).toEqual([{ orgId, eventId: lease, attempt: 1 }]);
    expect((await inbox.get(orgId, workOrder))?.status).toBe('processed');
  });

  it('a dry run reports what it would replay and changes nothing', async () => {
    const orgId = 'org-replay-dry';
    const { workOrder, lease } = await processedEvents(orgId);
    const before = await Promise.all([workOrder, lease].map((id) => inbox.get(orgId, id)));

    const { lines, summary } = await replay({ orgId, dryRun: true });

    expect(lines.map((l) => [l.eventId, l.attempt, l.outcome])).toEqual([
      [workOrder, 1, 'would-replay'],
      [lease, 1, 'would-replay'],
    ]);
    expect(summary).toMatchObject({ dryRun: true, matched: 2, replayed: 0, failed: 0 });
    expect(await Promise.all([workOrder, lease].map((id) => inbox.get(orgId, id)))).toEqual(before);
    expect(await queuedEvents()).toEqual([]);
  });

  it('goes through every page of a long listing', async () => {
    const orgId = 'org-replay-pages';
    const total = REPLAY_PAGE_SIZE + 5;
    for (let i = 0; i < total; i += 1) {
      await store(
        orgId,
        workOrderEvent({ workOrderID: String(5000 + i) }),
        `2026-11-21T10:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`,
      );
    }
    const { lines, summary } = await replay({ orgId, dryRun: true });
    expect(summary.matched).toBe(total);
    expect(new Set(lines.map((l) => l.eventId)).size).toBe(total);
  });

  it('reports a failed enqueue and carries on; the reopened event stays in the outbox', async () => {
    const orgId = 'org-replay-fail';
    const { workOrder, lease } = await processedEvents(orgId);
    const lines: ReplayedEvent[] = [];
    const summary = await replayEvents(
      {
        inbox,
        queue: new SqsWorkQueue({ events: `${stack.resources.queues.events.url}-missing` }),
        clock: { now: () => NOW },
      },
      { orgId, since: SINCE, dryRun: false },
      (line) => lines.push(line),
    );
    expect(lines.map((l) => [l.eventId, l.outcome])).toEqual([
      [workOrder, 'failed'],
      [lease, 'failed'],
    ]);
    expect(lines[0]?.error).toEqual(expect.any(String));
    expect(summary).toMatchObject({ matched: 2, replayed: 0, failed: 2 });
    // Reopened but not queued: `received`, so the sweeper re-sends it after the grace period.
    expect((await inbox.get(orgId, workOrder))?.status).toBe('received');
  });
});
