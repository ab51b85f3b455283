import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import type { Page } from '#domain/on-call/page.ts';
import { acknowledgePage, newPage, type PagingLadder, pageRound } from '#domain/on-call/paging.ts';
import type { PageStore } from '#domain/on-call/ports.ts';
import { InMemoryPageStore } from '#test/support/in-memory/page-store.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** The PageStore port against its twin and against DynamoDB (dynalite, or DynamoDB Local in CI). */
let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: readonly { name: string; store(): PageStore }[] = [
  { name: 'in memory', store: () => new InMemoryPageStore() },
  {
    name: 'DynamoDB',
    store: () => {
      if (!stack) throw new Error('the test stack is not started');
      return new DynamoPageStore(stack.resources.tables.main);
    },
  },
];

const T0 = Date.parse('2026-01-15T08:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);
const ladder: PagingLadder = {
  rotation: { agentIds: ['ana', 'ben'], start: { date: '2026-01-12', time: '09:00' } },
  timeZone: 'America/Chicago',
  propertyManagers: ['pm-1'],
};
const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;

/** A page opened at `at` minutes and given its first round (to ana). */
function paged(orgId: string, n: number, subject = `workflow:wf_${n}`): Page {
  const opened = newPage(
    {
      pageId: `pg_${n}_${randomBytes(3).toString('hex')}`,
      orgId,
      department: 'maintenance',
      subject,
      reason: 'approval waiting',
      urgency: 'emergency',
    },
    ladder,
    minute(n),
  );
  return pageRound(opened, ladder, minute(n)).page;
}

function acknowledged(page: Page, by: string, at: Date): Page {
  const ack = acknowledgePage(page, by, at);
  if (ack.outcome !== 'acknowledged') throw new Error(`expected an acknowledgment, got ${ack.outcome}`);
  return ack.page;
}

describe.each(implementations)('PageStore contract: $name', ({ store: make }) => {
  it('creates a page once, reads it back whole, and keeps it to its org', async () => {
    const store = make();
    const org = freshOrg();
    const page = paged(org, 0);
    expect(await store.create(page)).toBe('created');
    expect(await store.create({ ...page, reason: 'again' })).toBe('exists');
    expect(await store.get(org, page.pageId, minute(1))).toEqual(page);
    expect(await store.get(freshOrg(), page.pageId, minute(1))).toBeUndefined();
  });

  it('saves only on the version read', async () => {
    const store = make();
    const page = paged(freshOrg(), 0);
    await store.create(page);
    const next = pageRound(page, ladder, minute(5)).page;
    expect(await store.save(next, page.version)).toBe('saved');
    expect(await store.save(pageRound(page, ladder, minute(5)).page, page.version)).toBe('conflict');
    expect(await store.get(page.orgId, page.pageId, minute(6))).toEqual(next);
  });

  it('is due at its nextAt while paging, earliest first, and leaves the due index once acknowledged', async () => {
    const store = make();
    const org = freshOrg();
    const first = paged(org, 0);
    const second = paged(org, 1);
    await store.create(second);
    await store.create(first);
    const dueOf = async (at: Date) => {
      const found: string[] = [];
      let cursor: string | undefined;
      for (let round = 0; round < 50; round += 1) {
        const page = await store.due(at, { limit: 1, ...(cursor ? { cursor } : {}) });
        found.push(...page.due.filter((entry) => entry.orgId === org).map((entry) => entry.id));
        cursor = page.cursor;
        if (!cursor) break;
      }
      return found;
    };
    expect(await dueOf(minute(4))).toEqual([]);
    expect(await dueOf(minute(5))).toEqual([first.pageId]);
    expect(await dueOf(minute(6))).toEqual([first.pageId, second.pageId]);
    await store.save(acknowledged(first, 'ana', minute(2)), first.version);
    expect(await dueOf(minute(6))).toEqual([second.pageId]);
  });

  it('lists the org’s pages newest first, by status and by the person paged, a page at a time', async () => {
    const store = make();
    const org = freshOrg();
    const pages = [0, 1, 2].map((n) => paged(org, n));
    for (const page of pages) await store.create(page);
    await store.create(paged(freshOrg(), 3));
    const [oldest, middle, newest] = pages as [Page, Page, Page];
    const toBen = pageRound({ ...middle, nextAt: minute(20).toISOString() }, ladder, minute(20)).page;
    expect(toBen.current.agentIds).toEqual(['ben']);
    await store.save(toBen, middle.version);
    await store.save(acknowledged(oldest, 'ana', minute(3)), oldest.version);
    const now = minute(30);
    const ids = async (filter: Parameters<PageStore['list']>[1]) =>
      (await store.list(org, filter, { limit: 10 }, now)).pages.map((page) => page.pageId);
    expect(await ids({})).toEqual([newest.pageId, middle.pageId, oldest.pageId]);
    expect(await ids({ status: 'paging' })).toEqual([newest.pageId, middle.pageId]);
    expect(await ids({ status: 'acknowledged' })).toEqual([oldest.pageId]);
    expect(await ids({ agentId: 'ben' })).toEqual([middle.pageId]);
    expect(await ids({ agentId: 'ana', status: 'paging' })).toEqual([newest.pageId, middle.pageId]);
    expect(await ids({ agentId: 'cy' })).toEqual([]);

    const first = await store.list(org, {}, { limit: 2 }, now);
    expect(first.pages.map((page) => page.pageId)).toEqual([newest.pageId, middle.pageId]);
    expect(first.cursor).toBeDefined();
    const rest = await store.list(org, {}, { limit: 2, cursor: first.cursor ?? '' }, now);
    expect(rest.pages.map((page) => page.pageId)).toEqual([oldest.pageId]);
  });

  it('forgets an acknowledged page 90 days on, even before DynamoDB deletes it', async () => {
    const store = make();
    const org = freshOrg();
    const page = paged(org, 0);
    await store.create(page);
    const ackAt = minute(2);
    await store.save(acknowledged(page, 'ana', ackAt), page.version);
    const kept = new Date(ackAt.getTime() + 90 * 24 * 3600 * 1000 - 1000);
    const gone = new Date(ackAt.getTime() + 90 * 24 * 3600 * 1000);
    expect((await store.get(org, page.pageId, kept))?.status).toBe('acknowledged');
    expect((await store.list(org, {}, { limit: 10 }, kept)).pages).toHaveLength(1);
    expect(await store.get(org, page.pageId, gone)).toBeUndefined();
    expect((await store.list(org, {}, { limit: 10 }, gone)).pages).toEqual([]);
  });
});
