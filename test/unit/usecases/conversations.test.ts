import { describe, expect, it } from 'vitest';
import type { Conversation } from '#domain/conversations/conversation.ts';
import { appendInbound } from '#domain/conversations/transitions.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { OPENED_AT, triagedEmail } from '#test/support/conversation-fixtures.ts';
import { crashBeforeTtl } from '#test/support/crash-before-ttl.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryEmailStore } from '#test/support/in-memory/email-store.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { draftOf, triageOf } from '#test/support/triage-fixtures.ts';
import { addConversationMessage } from '#usecases/add-conversation-message.ts';
import { changeConversation } from '#usecases/change-conversation.ts';
import { escalateConversation } from '#usecases/escalate-conversation.ts';
import { recordEmailConversation } from '#usecases/record-email-conversation.ts';
import { resolveConversation } from '#usecases/resolve-conversation.ts';
import { sweepConversations } from '#usecases/sweep-conversations.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;
const ORG = 'org-a';
const CONVERSATION = 'cv_em_1';
const itemId = queueItemId({ kind: 'conversation', conversationId: CONVERSATION });
const ann = {
  actor: { kind: 'key', keyId: 'k_ann', agentId: 'ag_ann' },
  from: { ip: '203.0.113.9' },
} as const;
const bob = { actor: { kind: 'key', keyId: 'k_bob', agentId: 'ag_bob' } } as const;

/** The twins, an email submitted, and a clock an hour after it arrived. */
async function desk(email = triagedEmail(ORG)) {
  const emails = new InMemoryEmailStore(new InMemoryRows());
  await emails.submit(email);
  const clock = new ManualClock(new Date(Date.parse(OPENED_AT) + HOUR));
  const deps = {
    emails,
    conversations: new InMemoryConversationStore(),
    queue: new InMemoryQueueStore(clock),
    agents: new InMemoryAgentDirectory(),
    orgSettings: new InMemoryOrgSettingsStore(),
    workflows: new InMemoryWorkflowStore(new InMemoryRows()),
    notices: new InMemoryWorkflowNotices(),
    audit: new InMemoryAuditTrail(),
    clock,
  };
  // Lines of one instant have no order among themselves: compared as a sorted list.
  const actions = async () =>
    (await deps.audit.list(ORG, {}, { limit: 50 }, deps.clock.now())).records.map((r) => r.action).sort();
  return { deps, actions };
}

describe('an email into its conversation', () => {
  it('opens it with the inbound message and the AI draft, queues it for the skill, once', async () => {
    const { deps } = await desk();
    const first = await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    expect(first).toEqual({ conversationId: CONVERSATION, added: 3, queue: 'created' });
    const again = await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    expect(again).toEqual({ conversationId: CONVERSATION, added: 0, queue: 'exists' });
    const lines = await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now());
    expect(lines.map((m) => m.kind)).toEqual(['inbound', 'ai_draft', 'ai_finding']);
    const item = await deps.queue.get(ORG, itemId);
    expect(item).toMatchObject({ skill: 'maintenance', status: 'queued', title: 'Leak under the sink' });
    // Any agent with the skill may take it: no role holds it until it is escalated.
    expect(item?.holderRole).toBeUndefined();
  });

  it('prefers a Spanish speaker for a message triage read as Spanish', async () => {
    const { deps } = await desk(
      triagedEmail(ORG, { triage: triageOf('rent_payment', 'medium', { language: 'es' }), draft: draftOf() }),
    );
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    expect(await deps.queue.get(ORG, itemId)).toMatchObject({
      skill: 'accounting',
      preferredSkills: ['spanish'],
    });
  });

  it('queues nothing when no person is needed, and opens nothing for spam', async () => {
    const quiet = await desk(triagedEmail(ORG, { draft: undefined }));
    expect(await recordEmailConversation(quiet.deps, { orgId: ORG, emailId: 'em_1' })).toMatchObject({
      added: 1,
      queue: 'not_needed',
    });
    const spam = await desk(triagedEmail(ORG, { triage: triageOf('spam', 'low'), draft: undefined }));
    expect(await recordEmailConversation(spam.deps, { orgId: ORG, emailId: 'em_1' })).toBeUndefined();
  });
});

describe('people in a conversation', () => {
  it('a reply takes the conversation over from the AI, audited; a second person takes it again', async () => {
    const { deps, actions } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    const words = {
      orgId: ORG,
      conversationId: CONVERSATION,
      text: 'A plumber comes today.',
      internal: false,
    };
    const first = await addConversationMessage(deps, ann, { ...words, messageId: 'm1' });
    deps.clock.advance(1000);
    expect(first).toMatchObject({
      kind: 'added',
      takenOverFrom: 'ai',
      message: { delivery: 'awaiting_channel' },
    });
    const note = await addConversationMessage(deps, bob, { ...words, messageId: 'n1', internal: true });
    expect(note).toMatchObject({ kind: 'added', message: { kind: 'note', internal: true } });
    expect(note.kind === 'added' ? note.takenOverFrom : 'not added').toBeUndefined();
    expect(await addConversationMessage(deps, bob, { ...words, messageId: 'm2' })).toMatchObject({
      takenOverFrom: 'ag_ann',
    });
    expect(await deps.conversations.get(ORG, CONVERSATION)).toMatchObject({ assignee: 'ag_bob' });
    expect(await actions()).toEqual([
      'conversation.replied',
      'conversation.replied',
      'conversation.taken_over',
      'conversation.taken_over',
    ]);
    const [takeOver] = (
      await deps.audit.list(ORG, { action: 'conversation.taken_over' }, { limit: 1 }, deps.clock.now())
    ).records;
    expect(takeOver).toMatchObject({ before: { assignee: 'ag_ann' }, after: { assignee: 'ag_bob' } });
  });

  it('escalating moves the queue item up its chain; resolving finishes it; a resolved one refuses more', async () => {
    const { deps, actions } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    const escalated = await escalateConversation(deps, ann, {
      orgId: ORG,
      conversationId: CONVERSATION,
      reason: 'Owner dispute',
    });
    expect(escalated).toMatchObject({ kind: 'escalated', conversation: { status: 'escalated' } });
    const item = await deps.queue.get(ORG, itemId);
    expect(item).toMatchObject({ status: 'queued', escalations: 1 });
    // From the role triage routed it to, one level up the maintenance chain.
    expect(item?.holderRole).toBe('property_manager');
    expect(item?.history.at(-1)).toMatchObject({
      action: 'escalated',
      actor: 'agent:ag_ann',
      note: 'Owner dispute',
    });

    expect(await resolveConversation(deps, bob, { orgId: ORG, conversationId: CONVERSATION })).toMatchObject({
      kind: 'resolved',
    });
    expect(await deps.queue.get(ORG, itemId)).toMatchObject({ status: 'done' });
    expect(await resolveConversation(deps, bob, { orgId: ORG, conversationId: CONVERSATION })).toEqual({
      kind: 'refused',
      reason: 'resolved',
    });
    expect(await actions()).toEqual(['conversation.escalated', 'conversation.resolved']);
    expect(
      await escalateConversation(deps, ann, { orgId: 'org-b', conversationId: CONVERSATION, reason: 'x' }),
    ).toEqual({
      kind: 'not_found',
    });
  });

  it('a redelivered email of a resolved conversation queues nothing: its finished item keeps its history', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    await resolveConversation(deps, bob, { orgId: ORG, conversationId: CONVERSATION });
    const finished = await deps.queue.get(ORG, itemId);
    expect(finished).toMatchObject({ status: 'done' });
    const again = await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    expect(again).toEqual({ conversationId: CONVERSATION, added: 0, queue: 'not_needed' });
    expect(await deps.queue.get(ORG, itemId)).toEqual(finished);
  });

  it('escalating a conversation without a queue item creates it one level up', async () => {
    const { deps } = await desk(triagedEmail(ORG, { draft: undefined }));
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    expect(await deps.queue.get(ORG, itemId)).toBeUndefined();
    await escalateConversation(deps, ann, {
      orgId: ORG,
      conversationId: CONVERSATION,
      reason: 'Needs a manager',
    });
    const item = await deps.queue.get(ORG, itemId);
    expect(item).toMatchObject({ status: 'queued', escalations: 1, version: 0 });
    // From the role triage routed it to, one level up the maintenance chain.
    expect(item?.holderRole).toBe('property_manager');
  });
});

describe('a retried request', () => {
  it('applies once: the same request id again changes nothing and says so', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    const retried = { ...ann, requestId: 'api:k_ann:retry-1' };
    const words = { orgId: ORG, conversationId: CONVERSATION, text: 'On my way.', internal: false };
    expect(await addConversationMessage(deps, retried, { ...words, messageId: 'm1' })).toMatchObject({
      kind: 'added',
    });
    expect(await addConversationMessage(deps, retried, { ...words, messageId: 'm2' })).toMatchObject({
      kind: 'duplicate',
    });
    const escalation = { ...ann, requestId: 'api:k_ann:retry-2' };
    const request = { orgId: ORG, conversationId: CONVERSATION, reason: 'Needs a manager' };
    expect(await escalateConversation(deps, escalation, request)).toMatchObject({ kind: 'escalated' });
    expect(await escalateConversation(deps, escalation, request)).toMatchObject({ kind: 'duplicate' });
    expect((await deps.queue.get(ORG, itemId))?.escalations).toBe(1);
    const lines = await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now());
    expect(lines.filter((line) => line.kind === 'reply')).toHaveLength(1);
  });
});

describe('the queue item follows', () => {
  it("a reply takes up the item: someone else's reply takes it over, the assignee's answers it", async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    const queued = await deps.queue.get(ORG, itemId);
    if (!queued) throw new Error('no queue item');
    await deps.queue.save(
      { ...queued, status: 'assigned', assignee: 'ag_ann', version: queued.version + 1 },
      queued.version,
    );
    const words = { orgId: ORG, conversationId: CONVERSATION, text: 'Looking at it.', internal: false };
    // Bob answers what the queue gave Ann: he works it now, off the deadline (no escalation takes
    // it from him, no sweep gives it to somebody else).
    await addConversationMessage(deps, bob, { ...words, messageId: 'm0' });
    const takenOver = await deps.queue.get(ORG, itemId);
    expect(takenOver).toMatchObject({ status: 'in_progress', assignee: 'ag_bob' });
    expect(takenOver?.dueAt).toBeUndefined();
    expect(takenOver?.history.at(-1)).toMatchObject({ action: 'answered', note: 'taken over from ag_ann' });
    await addConversationMessage(deps, ann, { ...words, messageId: 'm1' });
    expect(await deps.queue.get(ORG, itemId)).toMatchObject({ status: 'in_progress', assignee: 'ag_ann' });
  });
});

describe('retention at moved clocks', () => {
  it('the sweep resolves a conversation 24 h after its last activity; 7 days on its messages are gone, its summary stays', async () => {
    const { deps, actions } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    const lastActivity = Date.parse((await deps.conversations.get(ORG, CONVERSATION))?.lastActivityAt ?? '');
    expect(await sweepConversations(deps, new Date(lastActivity + DAY - 1))).toEqual({
      due: 0,
      resolved: 0,
      settled: 0,
    });
    deps.clock.advance(lastActivity + DAY - deps.clock.now().getTime());
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 1, resolved: 1, settled: 0 });
    const resolved = await deps.conversations.get(ORG, CONVERSATION);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: deps.clock.now().toISOString() });
    const lines = await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now());
    expect(lines.at(-1)).toMatchObject({ kind: 'system', author: { kind: 'system', id: 'auto_resolve' } });
    expect(await deps.queue.get(ORG, itemId)).toMatchObject({ status: 'done' });
    expect(await actions()).toEqual(['conversation.resolved']);
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 0, resolved: 0, settled: 0 });

    deps.clock.advance(7 * DAY - 1000);
    expect(await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now())).toHaveLength(lines.length);
    deps.clock.advance(1000);
    expect(await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now())).toEqual([]);
    expect(await deps.conversations.get(ORG, CONVERSATION)).toMatchObject({ summary: resolved?.summary });
  });

  it('a reply within the 24 h moves the auto-resolve a day on', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    deps.clock.advance(20 * HOUR);
    await addConversationMessage(deps, ann, {
      orgId: ORG,
      conversationId: CONVERSATION,
      messageId: 'm1',
      text: 'On it',
      internal: false,
    });
    deps.clock.advance(10 * HOUR);
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 0, resolved: 0, settled: 0 });
    deps.clock.advance(14 * HOUR);
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 1, resolved: 1, settled: 0 });
  });

  it('a failure before the messages get their TTL: the resolve still answers, finishes its item and audits; the sweep settles it 5 minutes on; 7 days after the resolve they are gone', async () => {
    const { deps, actions } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    crashBeforeTtl(deps.conversations);
    expect(await resolveConversation(deps, ann, { orgId: ORG, conversationId: CONVERSATION })).toMatchObject({
      kind: 'resolved',
    });
    expect(await deps.queue.get(ORG, itemId)).toMatchObject({ status: 'done' });
    expect(await actions()).toEqual(['conversation.resolved']);
    const resolved = await deps.conversations.get(ORG, CONVERSATION);
    const resolvedAt = Date.parse(resolved?.resolvedAt ?? '');
    const expiry = new Date(resolvedAt + 7 * DAY).toISOString();
    const ttls = async () =>
      (await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now())).map((m) => m.expiresAt);
    expect(resolved).toMatchObject({ status: 'resolved' });
    expect(await ttls()).toEqual([undefined, undefined, undefined, undefined]);

    expect(await sweepConversations(deps, new Date(resolvedAt + 5 * MINUTE - 1))).toEqual({
      due: 0,
      resolved: 0,
      settled: 0,
    });
    deps.clock.advance(resolvedAt + 5 * MINUTE - deps.clock.now().getTime());
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 1, resolved: 0, settled: 1 });
    expect(await ttls()).toEqual([expiry, expiry, expiry, expiry]);
    expect(await deps.conversations.get(ORG, CONVERSATION)).toMatchObject({ messagesTtl: expiry });
    // Settled: out of the due index; a repeat would set the same TTL.
    expect(await sweepConversations(deps, new Date(resolvedAt + 30 * DAY))).toEqual({
      due: 0,
      resolved: 0,
      settled: 0,
    });
    deps.clock.advance(resolvedAt + 7 * DAY - deps.clock.now().getTime());
    expect(await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now())).toEqual([]);
  });

  it('a failure before a reopened conversation lifts its messages’ TTL: the reopen answers, the sweep lifts it, they outlive the 7 days', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    await resolveConversation(deps, ann, { orgId: ORG, conversationId: CONVERSATION });
    const resolvedAt = Date.parse((await deps.conversations.get(ORG, CONVERSATION))?.resolvedAt ?? '');
    expect((await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now()))[0]?.expiresAt).toBe(
      new Date(resolvedAt + 7 * DAY).toISOString(),
    );

    deps.clock.advance(2 * DAY);
    crashBeforeTtl(deps.conversations);
    const reopen = (c: Conversation, now: Date) =>
      appendInbound(c, { emailId: 'em_2', text: 'It leaks again', at: now.toISOString() });
    expect(await changeConversation(deps, ORG, CONVERSATION, reopen)).toMatchObject({ kind: 'changed' });
    const reopenedAt = deps.clock.now().getTime();
    expect(await deps.conversations.get(ORG, CONVERSATION)).toMatchObject({ status: 'open' });

    deps.clock.advance(5 * MINUTE);
    expect(await sweepConversations(deps, deps.clock.now())).toEqual({ due: 1, resolved: 0, settled: 1 });
    const lines = await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now());
    expect(lines.map((m) => m.expiresAt)).toEqual(lines.map(() => undefined));
    // Back to its auto-resolve deadline: a day after the reopening message.
    expect(await sweepConversations(deps, new Date(reopenedAt + DAY - 1))).toEqual({
      due: 0,
      resolved: 0,
      settled: 0,
    });
    expect(await deps.conversations.messages(ORG, CONVERSATION, new Date(resolvedAt + 7 * DAY))).toHaveLength(
      lines.length,
    );
  });

  it('a conversation resolved before `messagesTtl` was recorded, reopened within the 7 days: its messages’ TTL is lifted', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    await resolveConversation(deps, ann, { orgId: ORG, conversationId: CONVERSATION });
    const resolved = await deps.conversations.get(ORG, CONVERSATION);
    const resolvedAt = Date.parse(resolved?.resolvedAt ?? '');
    // Stored the old way: the messages stamped with their TTL, the conversation with no record of it.
    const { messagesTtl: _recorded, ...legacy } = resolved as Conversation;
    expect(await deps.conversations.save(legacy, legacy.version, [])).toBe('saved');
    expect((await deps.conversations.messages(ORG, CONVERSATION, deps.clock.now()))[0]?.expiresAt).toBe(
      new Date(resolvedAt + 7 * DAY).toISOString(),
    );

    deps.clock.advance(2 * DAY);
    const reopen = (c: Conversation, now: Date) =>
      appendInbound(c, { emailId: 'em_2', text: 'It leaks again', at: now.toISOString() });
    expect(await changeConversation(deps, ORG, CONVERSATION, reopen)).toMatchObject({ kind: 'changed' });
    const reopened = await deps.conversations.get(ORG, CONVERSATION);
    expect(reopened).toMatchObject({ status: 'open' });
    expect(reopened?.messagesTtl).toBeUndefined();
    const lines = await deps.conversations.messages(ORG, CONVERSATION, new Date(resolvedAt + 7 * DAY));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((m) => m.expiresAt)).toEqual(lines.map(() => undefined));
  });

  it('a change that read the conversation before its messages were settled conflicts, reads again and keeps the record', async () => {
    const { deps } = await desk();
    await recordEmailConversation(deps, { orgId: ORG, emailId: 'em_1' });
    crashBeforeTtl(deps.conversations);
    await resolveConversation(deps, ann, { orgId: ORG, conversationId: CONVERSATION });
    const read = await deps.conversations.get(ORG, CONVERSATION);
    if (!read) throw new Error('the conversation is not stored');
    await deps.conversations.settleMessagesTtl(ORG, CONVERSATION, deps.clock.now());
    const settled = await deps.conversations.get(ORG, CONVERSATION);
    expect(settled).toMatchObject({ version: read.version + 1 });
    expect(settled?.messagesTtl).toBeDefined();

    const reopenedAt = new Date(deps.clock.now().getTime() + MINUTE).toISOString();
    const stale = appendInbound(read, { emailId: 'em_2', text: 'It leaks again', at: reopenedAt });
    expect(await deps.conversations.save(stale.conversation, read.version, stale.messages)).toBe('conflict');
  });
});
