import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import type { Conversation } from '#domain/conversations/conversation.ts';
import { conversationOf, OPENED_AT } from '#test/support/conversation-fixtures.ts';
import { crashBeforeTtl } from '#test/support/crash-before-ttl.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { rawMessages } from '#test/support/raw-conversation-messages.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { resolveConversation } from '#usecases/resolve-conversation.ts';
import { sweepConversations } from '#usecases/sweep-conversations.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const MINUTE = 60_000;
const DAY = 86_400_000;

describe("messages' retention survives a crash (DynamoDB)", () => {
  it('resolved but the TTL write failed: the resolve answers, the sweep sets it; 7 days on the reads drop them and the table holds them with expiresAt', async () => {
    if (!stack) throw new Error('the test stack is not started');
    const table = stack.resources.tables.main;
    const orgId = `org-${randomBytes(5).toString('hex')}`;
    const conversation = conversationOf(orgId);
    const { conversationId } = conversation;
    const lines = ['in_1', 'note_1'].map((messageId, i) => ({
      orgId,
      conversationId,
      messageId,
      at: new Date(Date.parse(OPENED_AT) + i * MINUTE).toISOString(),
      kind: 'inbound' as const,
      author: { kind: 'contact' as const, id: 'tenant@example.com' },
      text: `text of ${messageId}`,
      internal: false,
    }));
    const conversations = new DynamoConversationStore(table);
    await conversations.create(conversation, lines);
    const clock = new ManualClock(new Date(Date.parse(OPENED_AT) + 2 * 60 * MINUTE));
    const deps = {
      conversations,
      queue: new DynamoQueueStore(table, clock),
      audit: new DynamoAuditTrail(table),
      clock,
    };

    // The TTL write fails after the resolution is saved: the resolve still answers (and audits);
    // the conversation stays in the due index for the sweep.
    crashBeforeTtl(conversations);
    expect(
      await resolveConversation(
        deps,
        { actor: { kind: 'key', keyId: 'k_ann', agentId: 'ag_ann' } },
        { orgId, conversationId },
      ),
    ).toMatchObject({ kind: 'resolved' });
    expect(
      (await deps.audit.list(orgId, {}, { limit: 10 }, clock.now())).records.map((r) => r.action),
    ).toEqual(['conversation.resolved']);
    const resolvedAt = clock.now().getTime();
    expect(await conversations.get(orgId, conversationId)).toMatchObject({ status: 'resolved' });
    const raw = async () => (await rawMessages(table, orgId, conversationId)).map((item) => item.expiresAt);
    // The two lines and the resolve's system line, none with a TTL: as stored, kept forever.
    expect(await raw()).toEqual([undefined, undefined, undefined]);

    clock.advance(5 * MINUTE);
    expect(await sweepConversations(deps, clock.now())).toEqual({ due: 1, resolved: 0, settled: 1 });
    const ttl = Math.ceil((resolvedAt + 7 * DAY) / 1000);
    expect(await raw()).toEqual([ttl, ttl, ttl]);
    expect(await sweepConversations(deps, new Date(resolvedAt + 8 * DAY))).toEqual({
      due: 0,
      resolved: 0,
      settled: 0,
    });
    expect(
      await conversations.messages(orgId, conversationId, new Date(resolvedAt + 7 * DAY - 1000)),
    ).toHaveLength(3);
    expect(await conversations.messages(orgId, conversationId, new Date(resolvedAt + 7 * DAY))).toEqual([]);
    expect(await conversations.get(orgId, conversationId)).toMatchObject({ summary: conversation.summary });
  });

  it('a reopen racing the settlement: the messages are marked again for the newer status, not left to expire', async () => {
    if (!stack) throw new Error('the test stack is not started');
    const table = stack.resources.tables.main;
    const orgId = `org-${randomBytes(5).toString('hex')}`;
    const opened = conversationOf(orgId);
    const { conversationId } = opened;
    const line = {
      orgId,
      conversationId,
      messageId: 'in_1',
      at: OPENED_AT,
      kind: 'inbound' as const,
      author: { kind: 'contact' as const, id: 'tenant@example.com' },
      text: 'text of in_1',
      internal: false,
    };
    const conversations = new StaleOnceConversationStore(table);
    await conversations.create(opened, [line]);
    const resolvedAt = '2026-11-20T12:00:00.000Z';
    const resolved = {
      ...opened,
      status: 'resolved' as const,
      resolvedAt,
      lastActivityAt: resolvedAt,
      version: 1,
    };
    await conversations.save(resolved, 0, []);
    // Reopened (by the contact's next message) after the settlement read the resolved version.
    const { resolvedAt: _r, ...open } = resolved;
    await conversations.save(
      { ...open, status: 'open', lastActivityAt: '2026-11-20T12:01:00.000Z', version: 2 },
      1,
      [],
    );
    conversations.stale = resolved;

    await conversations.settleMessagesTtl(orgId, conversationId, new Date('2026-11-20T12:02:00.000Z'));
    const read = (at: string) => conversations.messages(orgId, conversationId, new Date(at));
    const [message] = await read('2026-11-21T00:00:00.000Z');
    expect(message).toMatchObject({ messageId: 'in_1' });
    expect(message?.expiresAt).toBeUndefined();
    // Open, it outlives the 7 days its first resolve gave it.
    expect(await read('2026-12-31T00:00:00.000Z')).toHaveLength(1);
    const stored = await conversations.get(orgId, conversationId);
    expect(stored).toMatchObject({ status: 'open', version: 2 });
    expect(stored?.messagesTtl).toBeUndefined();
  });
});

/** The adapter whose next read answers `stale`: a settlement that read just before another write. */
class StaleOnceConversationStore extends DynamoConversationStore {
  stale: Conversation | undefined;

  override async get(orgId: string, conversationId: string): Promise<Conversation | undefined> {
    const stale = this.stale;
    this.stale = undefined;
    return stale ?? super.get(orgId, conversationId);
  }
}
