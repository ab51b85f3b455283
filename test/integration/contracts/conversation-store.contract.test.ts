import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import { messagesExpireAt } from '#domain/conversations/retention.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { conversationOf } from '#test/support/conversation-fixtures.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; store: () => ConversationStore }[] = [
  { name: 'in-memory twin', store: () => new InMemoryConversationStore() },
  {
    name: 'DynamoDB adapter',
    store: () => {
      if (!stack) throw new Error('the test stack is not started');
      return new DynamoConversationStore(stack.resources.tables.main);
    },
  },
];

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

describe.each(implementations)('ConversationStore contract: $name', ({ store: make }) => {
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
    // Activity moves `a` a day on; resolving `b` takes it out.
    await store.save({ ...a, lastActivityAt: '2033-03-02T00:30:00.000Z', version: 1 }, 0, []);
    await store.save({ ...b, status: 'resolved', resolvedAt: '2033-03-01T05:00:00.000Z', version: 1 }, 0, []);
    expect(await sweep(store, '2033-03-02T12:00:00.000Z', orgs)).toEqual([]);
    expect(await sweep(store, '2033-03-03T00:30:00.000Z', orgs)).toEqual([
      { orgId: a.orgId, id: a.conversationId, dueAt: '2033-03-03T00:30:00.000Z' },
    ]);
  });

  it("drops a resolved conversation's messages 7 days on; the conversation and its summary stay", async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_r', '2030-04-01T10:00:00.000Z');
    await store.create(c, [line(c, 'in_r', c.createdAt)]);
    const resolved = {
      ...c,
      status: 'resolved' as const,
      resolvedAt: '2030-04-02T10:00:00.000Z',
      version: 1,
    };
    await store.save(resolved, 0, []);
    const expiry = messagesExpireAt(resolved);
    await store.expireMessages(orgId, c.conversationId, expiry, new Date(resolved.resolvedAt));
    const [kept] = await store.messages(orgId, c.conversationId, new Date('2030-04-09T09:59:59.000Z'));
    expect(kept).toMatchObject({ messageId: 'in_r', expiresAt: '2030-04-09T10:00:00.000Z' });
    expect(await store.messages(orgId, c.conversationId, new Date('2030-04-09T10:00:00.000Z'))).toEqual([]);
    expect(await store.get(orgId, c.conversationId)).toMatchObject({
      summary: c.summary,
      status: 'resolved',
    });
  });

  it('reopened before they expire, its messages stay; already expired, they stay gone', async () => {
    const store = make();
    const orgId = freshOrg();
    const c = opened(orgId, 'cv_o', '2030-05-01T10:00:00.000Z');
    const early = line(c, 'in_early', c.createdAt, { expiresAt: '2030-05-02T00:00:00.000Z' });
    const marked = line(c, 'in_marked', '2030-05-01T11:00:00.000Z', {
      expiresAt: '2030-05-08T10:00:00.000Z',
    });
    await store.create(c, [early, marked]);
    await store.expireMessages(orgId, c.conversationId, undefined, new Date('2030-05-03T00:00:00.000Z'));
    const ids = (await store.messages(orgId, c.conversationId, new Date('2030-06-01T00:00:00.000Z'))).map(
      (m) => m.messageId,
    );
    expect(ids).toEqual(['in_marked']);
  });
});
