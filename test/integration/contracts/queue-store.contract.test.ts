import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoQueueStore, queueItemKey } from '#adapters/dynamodb/queue-store.ts';
import type { Clock } from '#domain/clock.ts';
import type { QueueStore } from '#domain/desk/ports.ts';
import { assignItem, finishItem } from '#domain/desk/transitions.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { queuedItem } from '#test/support/queue-items.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; store: (clock?: Clock) => QueueStore; table?: () => string }[] = [
  { name: 'in-memory twin', store: (clock) => new InMemoryQueueStore(clock) },
  {
    name: 'DynamoDB adapter',
    store: (clock) => new DynamoQueueStore(tableName(), clock),
    table: () => tableName(),
  },
];

function tableName(): string {
  if (!stack) throw new Error('the test stack is not started');
  return stack.resources.tables.main;
}

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;
const agent = (orgId: string, agentId: string) => ({
  orgId,
  agentId,
  name: agentId,
  role: 'maintenance_tech' as const,
  skills: ['maintenance'],
  status: 'available' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 0,
});

/** `due` reads across orgs and the table is shared: each test keeps to its own year and its own orgs. */
async function sweep(store: QueueStore, at: string, limit: number, orgs: readonly string[]) {
  const found: { orgId: string; id: string; dueAt: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await store.due(new Date(at), cursor === undefined ? { limit } : { limit, cursor });
    expect(page.due.length).toBeLessThanOrEqual(limit);
    found.push(...page.due);
    cursor = page.cursor;
    if (cursor === undefined) break;
  }
  return found.filter((entry) => orgs.includes(entry.orgId));
}

const DAY = 86_400_000;

describe.each(implementations)('QueueStore contract: $name', ({ store: make, table }) => {
  it('creates an item once and reads it back in its own org only', async () => {
    const store = make();
    const orgId = freshOrg();
    const item = queuedItem(orgId, 'c1', '2031-01-01T10:00:00.000Z');
    expect(await store.create(item)).toBe('created');
    expect(await store.create({ ...item, title: 'again' })).toBe('exists');
    expect(await store.get(orgId, item.itemId)).toEqual(item);
    expect(await store.get(`${orgId}-other`, item.itemId)).toBeUndefined();
  });

  it('saves on the version read only', async () => {
    const store = make();
    const orgId = freshOrg();
    const item = queuedItem(orgId, 'c2', '2031-01-01T10:00:00.000Z');
    await store.create(item);
    const assigned = assignItem(
      item,
      agent(orgId, 'ana'),
      'system',
      new Date('2031-01-01T10:01:00Z'),
      60_000,
    );
    if (assigned.outcome !== 'changed') throw new Error('not assigned');
    expect(await store.save(assigned.item, item.version)).toBe('saved');
    expect(await store.save(assigned.item, item.version)).toBe('conflict');
    expect(await store.get(orgId, item.itemId)).toEqual(assigned.item);
  });

  it('creates over a done item (kept as history, or past its TTL and not yet deleted), never over an open one', async () => {
    const doneAt = '2026-07-01T12:00:00.000Z';
    const clock = new ManualClock(new Date(doneAt));
    const store = make(clock);
    const orgId = freshOrg();
    const first = queuedItem(orgId, 'again', '2026-07-01T10:00:00.000Z');
    await store.create(first);
    const finished = finishItem(first, 'system', new Date(doneAt));
    if (finished.outcome !== 'changed') throw new Error('not finished');
    await store.save(finished.item, first.version);
    // Reopened within 90 days: the done item is history, the thing gets a new one.
    const reopened = queuedItem(orgId, 'again', '2026-07-05T10:00:00.000Z');
    expect(await store.create(reopened)).toBe('created');
    expect(await store.get(orgId, first.itemId)).toEqual(reopened);
    expect(await store.create({ ...reopened, title: 'again' })).toBe('exists');
    expect(await store.listOpen(orgId, {})).toEqual([reopened]);
    // Done again and past its TTL, still in the table: reads hide it and a create replaces it.
    const doneAgain = finishItem(reopened, 'system', new Date('2026-07-05T11:00:00.000Z'));
    if (doneAgain.outcome !== 'changed') throw new Error('not finished');
    await store.save(doneAgain.item, reopened.version);
    clock.advance(120 * DAY);
    expect(await store.get(orgId, first.itemId)).toBeUndefined();
    const late = queuedItem(orgId, 'again', '2026-10-29T10:00:00.000Z');
    expect(await store.create(late)).toBe('created');
    expect(await store.get(orgId, first.itemId)).toEqual(late);
  });

  it('lists the org’s open items with the status and assignee filters; a done item leaves the listing', async () => {
    const store = make();
    const orgId = freshOrg();
    const other = freshOrg();
    const a = queuedItem(orgId, 'a', '2031-02-01T10:00:00.000Z');
    const b = queuedItem(orgId, 'b', '2031-02-01T10:01:00.000Z');
    const c = queuedItem(orgId, 'c', '2031-02-01T10:02:00.000Z');
    for (const item of [a, b, c, queuedItem(other, 'a', '2031-02-01T10:00:00.000Z')])
      await store.create(item);
    const assigned = assignItem(b, agent(orgId, 'ana'), 'system', new Date('2031-02-01T10:05:00Z'), 60_000);
    const finished = finishItem(c, 'system', new Date('2031-02-01T10:05:00Z'));
    if (assigned.outcome !== 'changed' || finished.outcome !== 'changed') throw new Error('no change');
    await store.save(assigned.item, b.version);
    await store.save(finished.item, c.version);
    const ids = async (filter: Parameters<QueueStore['listOpen']>[1]) =>
      (await store.listOpen(orgId, filter)).map((item) => item.itemId).sort();
    expect(await ids({})).toEqual([a.itemId, b.itemId]);
    expect(await ids({ status: 'queued' })).toEqual([a.itemId]);
    expect(await ids({ assignee: 'ana' })).toEqual([b.itemId]);
    expect(await ids({ status: 'queued', assignee: 'ana' })).toEqual([]);
    expect(await store.listOpen(orgId, {})).toContainEqual(assigned.item);
    expect((await store.listOpen(other, {})).map((item) => item.orgId)).toEqual([other]);
  });

  it('finds what is due, across orgs, earliest first, over pages; done items and later ones are not due', async () => {
    const store = make();
    const orgs = [freshOrg(), freshOrg()];
    const [first, second] = orgs as [string, string];
    const items = [
      queuedItem(first, 'd1', '2032-03-01T10:00:00.000Z', { slaMinutes: 30 }),
      queuedItem(second, 'd2', '2032-03-01T10:10:00.000Z', { slaMinutes: 30 }),
      queuedItem(first, 'd3', '2032-03-01T10:20:00.000Z', { slaMinutes: 30 }),
      queuedItem(second, 'later', '2032-03-01T12:00:00.000Z', { slaMinutes: 30 }),
      queuedItem(first, 'finished', '2032-03-01T09:00:00.000Z', { slaMinutes: 30 }),
    ];
    for (const item of items) await store.create(item);
    const finished = finishItem(
      items[4] as (typeof items)[number],
      'system',
      new Date('2032-03-01T09:10:00Z'),
    );
    if (finished.outcome !== 'changed') throw new Error('not finished');
    await store.save(finished.item, 0);
    const due = await sweep(store, '2032-03-01T11:00:00.000Z', 2, orgs);
    expect(due.map((entry) => entry.id)).toEqual(items.slice(0, 3).map((item) => item.itemId));
    expect(due[0]).toEqual({ orgId: first, id: items[0]?.itemId, dueAt: items[0]?.dueAt });
  });

  it('refuses a cursor it did not give', async () => {
    await expect(
      make().due(new Date('2032-03-01T11:00:00.000Z'), { limit: 5, cursor: 'bm90IGEgY3Vyc29y' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('keeps a done item 90 days after it was done, then reads ignore it; an open one stays', async () => {
    const doneAt = '2026-06-01T12:00:00.000Z';
    const clock = new ManualClock(new Date(doneAt));
    const store = make(clock);
    const orgId = freshOrg();
    const open = queuedItem(orgId, 'kept-open', '2026-06-01T10:00:00.000Z', { slaMinutes: 30 });
    const finishing = queuedItem(orgId, 'kept-done', '2026-06-01T10:00:00.000Z', { slaMinutes: 30 });
    await store.create(open);
    await store.create(finishing);
    const assigned = assignItem(finishing, agent(orgId, 'ana'), 'system', new Date('2026-06-01T11:00Z'), DAY);
    if (assigned.outcome !== 'changed') throw new Error('not assigned');
    await store.save(assigned.item, finishing.version);
    const finished = finishItem(assigned.item, 'system', new Date(doneAt));
    if (finished.outcome !== 'changed') throw new Error('not finished');
    expect(await store.save(finished.item, assigned.item.version)).toBe('saved');

    clock.advance(90 * DAY - 1);
    expect(await store.get(orgId, finishing.itemId)).toEqual(finished.item);
    clock.advance(1);
    expect(await store.get(orgId, finishing.itemId)).toBeUndefined();
    expect((await store.listOpen(orgId, {})).map((item) => item.itemId)).toEqual([open.itemId]);
    expect((await sweep(store, '2026-12-31T00:00:00.000Z', 10, [orgId])).map((entry) => entry.id)).toEqual([
      open.itemId,
    ]);
    clock.advance(400 * DAY);
    expect(await store.get(orgId, open.itemId)).toEqual(open);

    if (table) {
      // The table's TTL attribute, in epoch seconds, on the done item only, which has left both indexes.
      const read = async (itemId: string) =>
        (
          await documentClient().send(
            new GetCommand({ TableName: table(), Key: queueItemKey(orgId, itemId) }),
          )
        ).Item ?? {};
      const done = await read(finishing.itemId);
      expect(done.expiresAt).toBe(Date.parse(doneAt) / 1000 + 90 * 86_400);
      expect(Object.keys(done).filter((name) => /^GSI/.test(name))).toEqual([]);
      const stillOpen = await read(open.itemId);
      expect(stillOpen.expiresAt).toBeUndefined();
      expect(stillOpen).toMatchObject({ GSI1PK: expect.any(String), GSI3PK: expect.any(String) });
    }
  });
});
