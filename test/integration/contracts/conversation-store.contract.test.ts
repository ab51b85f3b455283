import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import { messagesTtlOwed } from '#domain/conversations/retention.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { conversationOf } from '#test/support/conversation-fixtures.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { rawMessages } from '#test/support/raw-conversation-messages.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; store: () => ConversationStore; table?: () => string }[] = [
  { name: 'in-memory twin', store: () => new InMemoryConversationStore() },
  {
    name: 'DynamoDB adapter',
    store: () => new DynamoConversationStore(tableName()),
    table: () => tableName(),
  },
];

function tableName(): string {
  if (!stack) throw new Error('the test stack is not started');
  return stack.resources.tables.main;
}

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;

/** A conversation opened at `at` (whole seconds: the table's TTL is in seconds). */
function opened(orgId: string, id: string, at: string, over: Partial<Conversation> = {}): Conversation {
  return conversationOf(orgId, { conversationId: id, lastActivityAt: at, createdAt: at, ...over });
}

function line(
  c: Conversation,
  messageId: string,
  at: string,
  over: Partial<ConversationMessage> = {},
): ConversationMessage {
  return {
    orgId: c.orgId,
    conversationId: c.conversationId,
    messageId,
    at,
    kind: 'inbound',
    author: { kind: 'contact', id: c.contact.address },
    text: `text of ${messageId}`,
    internal: false,
    ...over,
  };
}

async function sweep(store: ConversationStore, at: string, orgs: readonly string[]) {
  const found: { orgId: string; id: string; dueAt: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await store.due(new Date(at), cursor === undefined ? { limit: 2 } : { limit: 2, cursor });
    found.push(...page.due);
    cursor = page.cursor;
    if (cursor === undefined) break;
  }
  return found.filter((entry) => orgs.includes(entry.orgId));
}

describe.each(implementations)('ConversationStore contract: $name', ({ store: make, table }) => {
  it('creates a conversation once with its messages, oldest first, in its own org only', async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_a', '2030-01-01T10:00:00.000Z');
    const later = line(c, 'draft_a', '2030-01-01T10:00:05.000Z', {
      kind: 'ai_draft',
      delivery: 'awaiting_approval',
    });
    const first = line(c, 'in_a', '2030-01-01T10:00:00.000Z');
    expect(await store.create(c, [later, first])).toBe('created');
    expect(await store.create({ ...c, summary: 'changed' }, [])).toBe('exists');
    expect(await store.get(orgId, 'cv_a')).toEqual(c);
    expect(await store.get(freshOrg(), 'cv_a')).toBeUndefined();
    const now = new Date('2030-01-02T00:00:00.000Z');
    expect(await store.messages(orgId, 'cv_a', now)).toEqual([first, later]);
    expect(await store.messages(freshOrg(), 'cv_a', now)).toEqual([]);
  });

  it('saves on the version read, with the messages it adds; a stale version is a conflict', async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_b', '2030-01-01T10:00:00.000Z');
    await store.create(c, [line(c, 'in_b', c.createdAt)]);
    const next = { ...c, assignee: 'ag_ann', version: 1, lastActivityAt: '2030-01-01T11:00:00.000Z' };
    const reply = line(c, 'm1', next.lastActivityAt, {
      kind: 'reply',
      author: { kind: 'agent', id: 'ag_ann' },
      delivery: 'awaiting_channel',
    });
    expect(await store.save(next, 0, [reply])).toBe('saved');
    expect(await store.save({ ...next, version: 2, summary: 'late' }, 0, [])).toBe('conflict');
    expect(await store.get(orgId, 'cv_b')).toEqual(next);
    const ids = (await store.messages(orgId, 'cv_b', new Date('2030-01-02T00:00:00.000Z'))).map(
      (m) => m.messageId,
    );
    expect(ids).toEqual(['in_b', 'm1']);
  });

  it('lists the org newest first, filtered by status and assignee, page by page', async () => {
    const store = make();
    const orgId = freshOrg();
    const at = (day: number) => `2030-02-0${day}T10:00:00.000Z`;
    await store.create(opened(orgId, 'cv_1', at(1), { assignee: 'ag_ann' }), []);
    await store.create(opened(orgId, 'cv_2', at(2), { status: 'escalated', assignee: 'ag_bob' }), []);
    await store.create(opened(orgId, 'cv_3', at(3), { assignee: 'ag_ann' }), []);
    await store.create(opened(freshOrg(), 'cv_4', at(4)), []);
    const ids = (page: { conversations: readonly Conversation[] }) =>
      page.conversations.map((c) => c.conversationId);
    const first = await store.list(orgId, {}, { limit: 2 });
    expect(ids(first)).toEqual(['cv_3', 'cv_2']);
    expect(first.cursor).toBeDefined();
    const second = await store.list(
      orgId,
      {},
      { limit: 2, ...(first.cursor ? { cursor: first.cursor } : {}) },
    );
    expect(ids(second)).toEqual(['cv_1']);
    expect(second.cursor).toBeUndefined();
    expect(ids(await store.list(orgId, { status: 'open' }, { limit: 10 }))).toEqual(['cv_3', 'cv_1']);
    expect(ids(await store.list(orgId, { assignee: 'ag_ann' }, { limit: 10 }))).toEqual(['cv_3', 'cv_1']);
    expect(ids(await store.list(orgId, { status: 'escalated', assignee: 'ag_bob' }, { limit: 10 }))).toEqual([
      'cv_2',
    ]);
    await expect(store.list(freshOrg(), {}, { limit: 2, cursor: first.cursor ?? '' })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('holds an unresolved conversation in the due index 24 h after its last activity, moved by each save', async () => {
    const store = make();
    const orgs = [freshOrg(), freshOrg()];
    const [a, b] = orgs.map((orgId, i) => opened(orgId, `cv_d${i}`, `2033-03-01T0${i}:00:00.000Z`)) as [
      Conversation,
      Conversation,
    ];
    await store.create(a, []);
    await store.create(b, []);
    expect(await sweep(store, '2033-03-01T23:59:59.000Z', orgs)).toEqual([]);
    expect(await sweep(store, '2033-03-02T01:00:00.000Z', orgs)).toEqual([
      { orgId: a.orgId, id: a.conversationId, dueAt: '2033-03-02T00:00:00.000Z' },
      { orgId: b.orgId, id: b.conversationId, dueAt: '2033-03-02T01:00:00.000Z' },
    ]);
    // Activity moves `a` a day on; resolving `b` holds it for its messages' TTL (5 minutes on)
    // until that is settled, which takes it out.
    await store.save({ ...a, lastActivityAt: '2033-03-02T00:30:00.000Z', version: 1 }, 0, []);
    const resolvedAt = '2033-03-01T05:00:00.000Z';
    await store.save({ ...b, status: 'resolved', resolvedAt, lastActivityAt: resolvedAt, version: 1 }, 0, []);
    expect(await sweep(store, '2033-03-02T12:00:00.000Z', orgs)).toEqual([
      { orgId: b.orgId, id: b.conversationId, dueAt: '2033-03-01T05:05:00.000Z' },
    ]);
    await store.settleMessagesTtl(b.orgId, b.conversationId, new Date('2033-03-02T12:00:00.000Z'));
    expect(await sweep(store, '2033-03-02T12:00:00.000Z', orgs)).toEqual([]);
    expect(await sweep(store, '2033-03-03T00:30:00.000Z', orgs)).toEqual([
      { orgId: a.orgId, id: a.conversationId, dueAt: '2033-03-03T00:30:00.000Z' },
    ]);
  });

  it("drops a resolved conversation's messages 7 days on, once settled; the conversation and its summary stay", async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_r', '2030-04-01T10:00:00.000Z');
    await store.create(c, [line(c, 'in_r', c.createdAt), line(c, 'in_r2', '2030-04-01T11:00:00.000Z')]);
    const resolvedAt = '2030-04-02T10:00:00.000Z';
    const resolved = {
      ...c,
      status: 'resolved' as const,
      resolvedAt,
      lastActivityAt: resolvedAt,
      version: 1,
    };
    // Saved without its TTL step (a crash before it): the messages owe it, the conversation is due.
    await store.save(resolved, 0, []);
    expect(messagesTtlOwed(resolved)).toBe(true);
    expect(
      (await store.messages(orgId, c.conversationId, new Date(resolvedAt))).map((m) => m.expiresAt),
    ).toEqual([undefined, undefined]);
    expect(await sweep(store, '2030-04-02T10:05:00.000Z', [orgId])).toEqual([
      { orgId, id: c.conversationId, dueAt: '2030-04-02T10:05:00.000Z' },
    ]);

    await store.settleMessagesTtl(orgId, c.conversationId, new Date('2030-04-02T10:05:00.000Z'));
    const expiry = '2030-04-09T10:00:00.000Z';
    // Recorded one version up: a writer that read the resolved version conflicts (below).
    expect(await store.get(orgId, c.conversationId)).toEqual({
      ...resolved,
      messagesTtl: expiry,
      version: 2,
    });
    expect(await sweep(store, '2030-04-09T00:00:00.000Z', [orgId])).toEqual([]);
    // A repeat sets the same TTL and changes nothing else.
    await store.settleMessagesTtl(orgId, c.conversationId, new Date('2030-04-03T00:00:00.000Z'));
    const kept = await store.messages(orgId, c.conversationId, new Date('2030-04-09T09:59:59.000Z'));
    expect(kept.map((m) => [m.messageId, m.expiresAt])).toEqual([
      ['in_r', expiry],
      ['in_r2', expiry],
    ]);
    expect(await store.messages(orgId, c.conversationId, new Date(expiry))).toEqual([]);
    expect(await store.get(orgId, c.conversationId)).toMatchObject({
      summary: c.summary,
      status: 'resolved',
    });
    if (table) {
      // On the table: the TTL attribute in epoch seconds, on every message item.
      expect((await rawMessages(table(), orgId, c.conversationId)).map((item) => item.expiresAt)).toEqual([
        Date.parse(expiry) / 1000,
        Date.parse(expiry) / 1000,
      ]);
    }
  });

  it('reopened, its messages owe the lifting: those not yet expired stay, those expired stay gone', async () => {
    const store = make();
    const orgId = freshOrg();
    // Resolved and settled on 1 May (TTL 8 May), then a message of the 2nd expired early; reopened on the 3rd.
    const c = opened(orgId, 'cv_o', '2030-05-01T10:00:00.000Z', { messagesTtl: '2030-05-08T10:00:00.000Z' });
    const early = line(c, 'in_early', c.createdAt, { expiresAt: '2030-05-02T00:00:00.000Z' });
    const marked = line(c, 'in_marked', '2030-05-01T11:00:00.000Z', {
      expiresAt: '2030-05-08T10:00:00.000Z',
    });
    await store.create(c, [early, marked]);
    expect(messagesTtlOwed(c)).toBe(true);
    await store.settleMessagesTtl(orgId, c.conversationId, new Date('2030-05-03T00:00:00.000Z'));
    const ids = (await store.messages(orgId, c.conversationId, new Date('2030-06-01T00:00:00.000Z'))).map(
      (m) => m.messageId,
    );
    expect(ids).toEqual(['in_marked']);
    const settled = await store.get(orgId, c.conversationId);
    expect(settled?.messagesTtl).toBeUndefined();
    expect(settled && messagesTtlOwed(settled)).toBe(false);
    if (table) {
      const [stillMarked, lifted] = await rawMessages(table(), orgId, c.conversationId);
      expect(stillMarked?.expiresAt).toBe(Date.parse('2030-05-02T00:00:00.000Z') / 1000);
      expect(lifted).not.toHaveProperty('expiresAt');
    }
  });

  it('a writer that read the conversation before its settlement conflicts, so it cannot save over the record', async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_s', '2030-07-01T10:00:00.000Z');
    await store.create(c, [line(c, 'in_s', c.createdAt)]);
    const resolvedAt = '2030-07-02T10:00:00.000Z';
    await store.save({ ...c, status: 'resolved', resolvedAt, lastActivityAt: resolvedAt, version: 1 }, 0, []);
    const read = await store.get(orgId, c.conversationId);
    if (!read) throw new Error('the conversation is not stored');

    await store.settleMessagesTtl(orgId, c.conversationId, new Date('2030-07-02T10:01:00.000Z'));
    // The reopen decided on the resolved version read before the settlement.
    const { resolvedAt: _r, messagesTtl: _m, ...open } = read;
    const reopenedAt = '2030-07-02T10:02:00.000Z';
    const reopened = {
      ...open,
      status: 'open' as const,
      lastActivityAt: reopenedAt,
      version: read.version + 1,
    };
    expect(await store.save(reopened, read.version, [])).toBe('conflict');
    const settled = await store.get(orgId, c.conversationId);
    expect(settled).toMatchObject({ status: 'resolved', messagesTtl: '2030-07-09T10:00:00.000Z' });
    // Read again, the reopen saves on the settled version (and owes the lifting it then settles).
    if (!settled) throw new Error('the conversation is not stored');
    expect(
      await store.save(
        { ...reopened, version: settled.version + 1, messagesTtl: settled.messagesTtl },
        settled.version,
        [],
      ),
    ).toBe('saved');
  });

  it('settling owes nothing for a conversation never resolved, nor for an unknown one', async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_n', '2030-06-01T10:00:00.000Z');
    await store.create(c, [line(c, 'in_n', c.createdAt)]);
    await store.settleMessagesTtl(orgId, c.conversationId, new Date('2030-06-02T00:00:00.000Z'));
    await store.settleMessagesTtl(orgId, 'cv_missing', new Date('2030-06-02T00:00:00.000Z'));
    expect(await store.get(orgId, c.conversationId)).toEqual(c);
    expect(
      (await store.messages(orgId, c.conversationId, new Date('2031-01-01T00:00:00.000Z')))[0]?.expiresAt,
    ).toBeUndefined();
  });
});
