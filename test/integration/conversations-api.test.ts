import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * Conversations end to end on the emulators: an email through the api and the classifier opens
 * one (the inbound message, the AI's draft), people reply and note, one takes it over, it is
 * escalated and resolved, audited; the sweeper resolves a quiet one after 24 h, and 7 days after
 * a resolve its messages are gone while its summary stays. Time moves by faking `Date` for the
 * handlers, which run in this process.
 */
let stack: TestStack;
let api: ApiHandler;
let classifier: SqsHandler;
let sweeper: (
  event: ScheduledEvent,
  context: Context,
) => Promise<{ conversations: { due: number; resolved: number } }>;
const orgId = `org-conv-${Date.now().toString(36)}`;

type Principal = { orgId: string; keyId: string; scopes: string[]; agentId?: string };
const office: Principal = { orgId, keyId: 'key-office', scopes: ['admin'] };
const ann: Principal = { orgId, keyId: 'key-ann', scopes: ['queue:read', 'queue:write'], agentId: 'ann' };
const bob: Principal = { orgId, keyId: 'key-bob', scopes: ['queue:read', 'queue:write'], agentId: 'bob' };
const reader: Principal = { orgId, keyId: 'key-reader', scopes: ['queue:read'], agentId: 'rita' };
const integration: Principal = { orgId, keyId: 'key-integration', scopes: ['queue:read', 'queue:write'] };
const stranger: Principal = {
  orgId: 'org-conv-other',
  keyId: 'key-other',
  scopes: ['admin'],
  agentId: 'ann',
};

interface Answer {
  readonly [member: string]: unknown;
  readonly status?: string;
  readonly summary?: string;
  readonly messages?: readonly {
    kind: string;
    author: { kind: string; id?: string };
    internal: boolean;
    delivery?: string;
    text: string;
  }[];
  readonly conversations?: readonly { conversationId: string }[];
  readonly takenOverFrom?: string;
  readonly message?: { kind: string; delivery?: string; internal: boolean };
  readonly type?: string;
}

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
  sweeper = await loadHandler('sweeper');
});
afterEach(() => vi.useRealTimers());
afterAll(async () => stack?.stop());

const callApi = apiCaller(() => api, { headers: { 'User-Agent': 'desk-test' } });
const call = (
  principal: Principal,
  method: string,
  resource: string,
  options: {
    conversationId?: string;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) => {
  const { conversationId, ...rest } = options;
  return callApi<Answer>(principal, method, resource, {
    ...rest,
    ...(conversationId ? { params: { conversationId } } : {}),
  });
};

/** An email submitted through the api and triaged by the classifier: its conversation's id. */
async function emailed(messageId: string, subject: string, text: string): Promise<string> {
  const submitted = await call(office, 'POST', '/v1/emails', {
    body: { messageId, from: 'dana@example.com', subject, text },
  });
  expect(submitted.status).toBe(202);
  const emailId = String(submitted.body.emailId);
  const messages = await stack.drain('classify');
  expect(await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'))).toEqual({
    batchItemFailures: [],
  });
  return `cv_${emailId}`;
}

const conversation = (principal: Principal, conversationId: string) =>
  call(principal, 'GET', '/v1/conversations/{conversationId}', { conversationId });
const post = (principal: Principal, conversationId: string, action: string, body?: unknown) =>
  call(principal, 'POST', `/v1/conversations/{conversationId}/${action}`, {
    conversationId,
    ...(body === undefined ? {} : { body }),
  });

describe('conversations through the api', () => {
  let leak: string;

  it('an email through the classifier opens a conversation with the inbound message and the AI draft, queued', async () => {
    leak = await emailed(
      '<leak-1@example.com>',
      'Kitchen faucet',
      'The kitchen faucet has been dripping for two days.',
    );
    const read = await conversation(ann, leak);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'open',
      contact: { address: 'dana@example.com' },
      category: 'maintenance_request',
    });
    expect(read.body.messages?.map((m) => [m.kind, m.author.kind])).toEqual(
      expect.arrayContaining([
        ['inbound', 'contact'],
        ['ai_draft', 'ai'],
      ]),
    );
    expect(read.body.messages?.[0]).toMatchObject({
      kind: 'inbound',
      text: expect.stringContaining('dripping'),
    });
    expect(read.body.messages?.find((m) => m.kind === 'ai_draft')).toMatchObject({
      delivery: 'awaiting_approval',
    });
    const item = await new DynamoQueueStore(stack.resources.tables.main).get(
      orgId,
      queueItemId({ kind: 'conversation', conversationId: leak }),
    );
    expect(item).toMatchObject({ skill: 'maintenance', status: 'queued' });

    const listed = await call(ann, 'GET', '/v1/conversations', { query: { status: 'open' } });
    expect(listed.body.conversations?.map((c) => c.conversationId)).toContain(leak);
  });

  it("people reply and note; a reply takes the conversation over; a key without a person can't reply", async () => {
    const reply = await post(ann, leak, 'messages', { text: 'A plumber will come tomorrow morning.' });
    expect(reply).toMatchObject({
      status: 201,
      body: {
        takenOverFrom: 'ai',
        message: { kind: 'reply', delivery: 'awaiting_channel', internal: false },
      },
    });
    const note = await post(bob, leak, 'messages', { text: 'Tenant prefers mornings.', internal: true });
    expect(note).toMatchObject({ status: 201, body: { message: { kind: 'note', internal: true } } });
    expect(note.body.takenOverFrom).toBeUndefined();
    expect(await post(bob, leak, 'messages', { text: 'Bob here, taking this one.' })).toMatchObject({
      status: 201,
      body: { takenOverFrom: 'ann' },
    });
    const refused = await post(integration, leak, 'messages', { text: 'An integration writing.' });
    expect(refused).toMatchObject({ status: 422, body: { type: 'urn:aictive:problem:person-required' } });
    expect(
      await post(integration, leak, 'messages', { text: 'Logged by the integration.', internal: true }),
    ).toMatchObject({
      status: 201,
    });
    expect(
      (await call(ann, 'GET', '/v1/conversations', { query: { assignee: 'bob' } })).body.conversations,
    ).toEqual([expect.objectContaining({ conversationId: leak, assignee: 'bob' })]);
  });

  it('applies a retried reply or escalation once: the same Idempotency-Key answers 200 with the conversation as it is', async () => {
    const thread0 = await emailed(
      '<retry-1@example.com>',
      'Hallway light',
      'The hallway light flickers at night.',
    );
    const headers = { 'Idempotency-Key': `retry-${thread0}` };
    const send = () =>
      call(ann, 'POST', '/v1/conversations/{conversationId}/messages', {
        conversationId: thread0,
        body: { text: 'Sent once, whatever the network does.' },
        headers,
      });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again).toMatchObject({ status: 200, headers: { 'idempotent-replayed': 'true' } });
    expect(again.body.conversationId).toBe(thread0);
    const thread = await conversation(ann, thread0);
    const copies = (thread.body.messages ?? []).filter(
      (m) => m.text === 'Sent once, whatever the network does.',
    );
    expect(copies).toHaveLength(1);
    const bad = await call(ann, 'POST', '/v1/conversations/{conversationId}/messages', {
      conversationId: thread0,
      body: { text: 'x' },
      headers: { 'Idempotency-Key': 'not a key' },
    });
    expect(bad.status).toBe(422);
  });

  it('escalates and resolves, each audited; a resolved conversation takes no reply', async () => {
    const escalated = await post(ann, leak, 'escalate', { reason: 'The owner disputes the cost' });
    expect(escalated).toMatchObject({
      status: 200,
      body: { status: 'escalated', holderRole: expect.any(String) },
    });
    expect(await post(bob, leak, 'resolve')).toMatchObject({ status: 200, body: { status: 'resolved' } });
    expect(await post(bob, leak, 'resolve')).toMatchObject({
      status: 409,
      body: { type: 'urn:aictive:problem:conversation-resolved' },
    });
    expect((await post(ann, leak, 'messages', { text: 'Late words' })).status).toBe(409);

    const { records } = await new DynamoAuditTrail(stack.resources.tables.main).list(
      orgId,
      {},
      { limit: 50 },
      new Date(),
    );
    // This conversation's lines (the org has others: the retried reply's thread).
    const actions = records
      .filter((r) => r.target.id === leak)
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual([
      'conversation.escalated',
      'conversation.replied',
      'conversation.replied',
      'conversation.resolved',
      'conversation.taken_over',
      'conversation.taken_over',
    ]);
    expect(records.find((r) => r.action === 'conversation.escalated')).toMatchObject({
      actor: { kind: 'key', keyId: 'key-ann', agentId: 'ann' },
      from: { ip: '127.0.0.1', userAgent: 'desk-test' },
      target: { kind: 'conversation', id: leak },
      note: 'The owner disputes the cost',
    });
  });

  it('keeps other orgs out and needs queue:write to act', async () => {
    expect((await conversation(stranger, leak)).status).toBe(404);
    expect((await post(stranger, leak, 'escalate', { reason: 'x' })).status).toBe(404);
    expect((await call(stranger, 'GET', '/v1/conversations')).body.conversations).toEqual([]);
    expect((await conversation(reader, leak)).status).toBe(200);
    for (const [action, body] of [
      ['messages', { text: 'read-only' }],
      ['escalate', { reason: 'read-only' }],
      ['resolve', undefined],
    ] as const)
      expect((await post(reader, leak, action, body)).status).toBe(403);
  });

  it('the sweeper resolves a conversation after 24 h without activity; 7 days on, its messages are gone, its summary stays', async () => {
    const quiet = await emailed('<quiet-1@example.com>', 'Parking', 'Where do visitors park on weekends?');
    const opened = await conversation(ann, quiet);
    const lastActivity = Date.parse(String(opened.body.lastActivityAt));
    vi.useFakeTimers({ toFake: ['Date'] });

    vi.setSystemTime(lastActivity + 24 * 3_600_000 - 1000);
    await sweeper(
      { 'detail-type': 'Scheduled Event', source: 'aws.events' } as ScheduledEvent,
      lambdaContext('sweeper'),
    );
    expect((await conversation(ann, quiet)).body.status).toBe('open');

    vi.setSystemTime(lastActivity + 24 * 3_600_000);
    const swept = await sweeper(
      { 'detail-type': 'Scheduled Event', source: 'aws.events' } as ScheduledEvent,
      lambdaContext('sweeper'),
    );
    expect(swept.conversations.resolved).toBeGreaterThanOrEqual(1);
    const resolved = await conversation(ann, quiet);
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect(resolved.body.messages?.at(-1)).toMatchObject({
      kind: 'system',
      author: { kind: 'system', id: 'auto_resolve' },
    });

    vi.setSystemTime(lastActivity + 8 * 24 * 3_600_000 - 1000);
    expect((await conversation(ann, quiet)).body.messages?.length).toBeGreaterThan(0);
    vi.setSystemTime(lastActivity + 8 * 24 * 3_600_000);
    const later = await conversation(ann, quiet);
    expect(later.body).toMatchObject({ status: 'resolved', summary: opened.body.summary, messages: [] });
    // The first conversation resolved earlier still: its messages are gone too, its summary stays.
    expect((await conversation(ann, leak)).body).toMatchObject({ status: 'resolved', messages: [] });
  });
});
