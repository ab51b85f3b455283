import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import type { Agent, Shift } from '#domain/agents/agent.ts';
import { withinShift } from '#domain/agents/shift.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import type { QueueDeps } from '#usecases/change-queue-item.ts';
import { enqueueWork } from '#usecases/enqueue-work.ts';
import { createAgent } from '#usecases/manage-agents.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { WEEKDAYS } from '#vocabulary/desk.ts';

/**
 * The queue through the api function and the workflow function on the emulators: a workflow's
 * approval becomes a queue item given to the agent who may decide it; assign and transfer by
 * hand, audited; the mine and status filters; org isolation; scopes; the sweep escalating an
 * item nobody took, at a moved clock, through the due index.
 */
let stack: TestStack;
let api: ApiHandler;
let desk: QueueDeps;
let audit: DynamoAuditTrail;
const orgId = 'org-queue-api';
const otherOrgId = 'org-queue-other';

type Principal = { orgId: string; keyId: string; scopes: string[]; role?: string; agentId?: string };
const dispatcher: Principal = {
  orgId,
  keyId: 'key-dispatcher',
  scopes: ['queue:read', 'queue:write', 'workflows:read', 'workflows:write'],
  role: 'property_manager',
  agentId: 'meg',
};
const tom: Principal = {
  orgId,
  keyId: 'key-tom',
  scopes: ['queue:read', 'approvals:write', 'workflows:read'],
  role: 'maintenance_tech_lead',
  agentId: 'tom',
};
const lea: Principal = {
  orgId,
  keyId: 'key-lea',
  scopes: ['queue:read'],
  role: 'leasing_agent',
  agentId: 'lea',
};
const reader: Principal = { orgId, keyId: 'key-reader', scopes: ['queue:read'] };
const stranger: Principal = { orgId: otherOrgId, keyId: 'key-other', scopes: ['admin'] };

interface ItemAnswer {
  readonly itemId: string;
  readonly status: string;
  readonly assignee?: string;
  readonly skill: string;
  readonly source: Record<string, string>;
  readonly history: readonly { action: string; note?: string; agentId?: string }[];
}
type Answer = { readonly items: readonly ItemAnswer[]; readonly type?: string } & Partial<ItemAnswer>;

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  const table = stack.resources.tables.main;
  const agents = new DynamoAgentDirectory(table);
  const hire = (agentId: string, fields: Partial<Agent>) =>
    agents.create(agentOf(orgId, agentId, { status: 'available', ...fields }));
  await hire('max', { role: 'maintenance_tech' });
  await hire('tom', { role: 'maintenance_tech_lead' });
  await hire('lea', { role: 'leasing_agent', skills: ['leasing'] });
  await hire('off', { role: 'leasing_agent', skills: ['leasing'], status: 'offline' });
  desk = {
    queue: new DynamoQueueStore(table),
    agents,
    orgSettings: new DynamoOrgSettingsStore(table),
    workflows: new DynamoWorkflowStore(table),
    conversations: new DynamoConversationStore(table),
    notices: new InMemoryWorkflowNotices(),
    clock: { now: () => new Date() },
  };
  audit = new DynamoAuditTrail(table);
});
afterAll(async () => stack?.stop());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) =>
  apiCaller(() => api, { headers: { 'User-Agent': 'queue-api-test' } })<Answer>(...args);

const list = (principal: Principal, query: Record<string, string> = {}) =>
  call(principal, 'GET', '/v1/queue', { query });
const assign = (principal: Principal, itemId: string, agentId: string) =>
  call(principal, 'POST', '/v1/queue/{itemId}/assign', { params: { itemId }, body: { agentId } });
const transfer = (principal: Principal, itemId: string, body: unknown) =>
  call(principal, 'POST', '/v1/queue/{itemId}/transfer', { params: { itemId }, body });
const problemType = (slug: string) => `urn:aictive:problem:${slug}`;

async function conversationItem(conversationId: string, skill: string): Promise<QueueItem> {
  const { item } = await enqueueWork(desk, {
    orgId,
    source: { kind: 'conversation', conversationId },
    title: `conversation ${conversationId}`,
    urgency: 'high',
    skill,
  });
  return item;
}

describe('a workflow approval waiting on a person', () => {
  it('appears as a queue item given to the agent who may decide it, and leaves the queue once decided', async () => {
    const started = await call(dispatcher, 'POST', '/v1/workflows', {
      body: {
        type: 'maintenance_routine',
        facts: { summary: 'The tap drips', estimateUsd: 300, propertyId: '7' },
      },
    });
    expect(started.status).toBe(201);
    const workflowId = String((started.body as unknown as { workflowId: string }).workflowId);
    // The workflow function runs the effects the start owes: the approval notice opens the item.
    const runner = await loadHandler<SqsHandler>('workflow');
    const owed = (await stack.drain('workflow')).filter((m) => (m.Body ?? '').includes(workflowId));
    expect(owed.length).toBeGreaterThan(0);
    await runner(sqsEventFromMessages(owed), lambdaContext('workflow'));
    const listed = await list(dispatcher);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((i) => i.source.workflowId === workflowId);
    expect(item).toMatchObject({
      source: { kind: 'workflow_step', workflowId, stepId: 'approve_dispatch.1' },
      skill: 'maintenance',
      holderRole: 'maintenance_tech_lead',
      status: 'assigned',
      // Max has the skill too, but a tech may not decide what waits on the tech lead.
      assignee: 'tom',
    });
    expect((await list(tom, { mine: 'true' })).body.items.map((i) => i.itemId)).toContain(item?.itemId);
    const decided = await call(tom, 'POST', '/v1/workflows/{workflowId}/approvals', {
      params: { workflowId },
      body: { stepId: 'approve_dispatch.1', decision: 'approve' },
    });
    expect(decided.status).toBe(200);
    // Done by the decision itself, before any reader of the queue looks at it.
    expect(await desk.queue.get(orgId, item?.itemId ?? '')).toMatchObject({ status: 'done' });
    expect((await list(dispatcher)).body.items.map((i) => i.itemId)).not.toContain(item?.itemId);
    const done = await assign(dispatcher, item?.itemId ?? '', 'max');
    expect(done).toMatchObject({ status: 409, body: { type: problemType('queue-item-done') } });
  });
});

describe('assigning and transferring by hand', () => {
  it('assigns any agent of the org, audited; refuses an unknown agent (422) and another org’s item (404)', async () => {
    const item = await conversationItem('cv_assign', 'leasing');
    expect(item.assignee).toBe('lea');
    const assigned = await assign(dispatcher, item.itemId, 'off');
    expect(assigned).toMatchObject({
      status: 200,
      body: { itemId: item.itemId, status: 'assigned', assignee: 'off' },
    });
    expect(await assign(dispatcher, item.itemId, 'nobody')).toMatchObject({
      status: 422,
      body: { type: problemType('unknown-agent') },
    });
    expect((await assign(stranger, item.itemId, 'off')).status).toBe(404);
    const { records } = await audit.list(orgId, { action: 'queue.assigned' }, { limit: 10 }, new Date());
    expect(records).toContainEqual(
      expect.objectContaining({
        actor: { kind: 'key', keyId: 'key-dispatcher', agentId: 'meg' },
        target: { kind: 'queue_item', id: item.itemId },
        from: { ip: '127.0.0.1', userAgent: 'queue-api-test' },
        after: expect.objectContaining({ assignee: 'off' }),
      }),
    );
  });

  it('transfers back to the queue with a skill, where an agent with it takes it; the note stays', async () => {
    const item = await conversationItem('cv_transfer', 'leasing');
    const moved = await transfer(dispatcher, item.itemId, {
      skill: 'maintenance',
      note: 'it is a leak after all',
    });
    expect(moved).toMatchObject({ status: 200, body: { skill: 'maintenance', status: 'assigned' } });
    expect(['max', 'tom']).toContain(moved.body.assignee);
    expect(moved.body.history?.find((h) => h.action === 'transferred')).toMatchObject({
      note: 'it is a leak after all',
    });
    const toLea = await transfer(dispatcher, item.itemId, { agentId: 'lea', note: 'Lea knows the tenant' });
    expect(toLea).toMatchObject({ status: 200, body: { assignee: 'lea' } });
    const { records } = await audit.list(orgId, { action: 'queue.transferred' }, { limit: 10 }, new Date());
    expect(
      records
        .filter((r) => r.target.id === item.itemId)
        .map((r) => r.note)
        .sort(),
    ).toEqual(['Lea knows the tenant', 'it is a leak after all']);
    expect((await transfer(dispatcher, item.itemId, { note: 'nowhere' })).status).toBe(422);
  });

  it('refuses assign and transfer to a key without queue:write (403)', async () => {
    const item = await conversationItem('cv_scope', 'leasing');
    expect((await assign(reader, item.itemId, 'lea')).status).toBe(403);
    expect((await transfer(reader, item.itemId, { skill: 'leasing', note: 'n' })).status).toBe(403);
  });
});

describe('listing the queue', () => {
  it('filters by mine and status, in priority order; mine=true needs a person’s key; other orgs see nothing', async () => {
    const item = await conversationItem('cv_mine', 'leasing');
    const mine = await list(lea, { mine: 'true' });
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((i) => i.assignee === 'lea')).toBe(true);
    expect(mine.body.items.map((i) => i.itemId)).toContain(item.itemId);
    const assigned = await list(dispatcher, { status: 'assigned' });
    expect(assigned.body.items.every((i) => i.status === 'assigned')).toBe(true);
    expect((await list(dispatcher, { status: 'queued' })).body.items.map((i) => i.itemId)).not.toContain(
      item.itemId,
    );
    expect(await list(reader, { mine: 'true' })).toMatchObject({
      status: 422,
      body: { type: problemType('validation') },
    });
    expect((await list(dispatcher, { status: 'done' })).status).toBe(422);
    expect(await list(stranger)).toMatchObject({ status: 200, body: { items: [] } });
  });
});

describe('the queue sweep on the due index', () => {
  it('escalates an item nobody could take at its SLA, and gives it to someone once they may take it', async () => {
    const { item } = await enqueueWork(desk, {
      orgId,
      source: { kind: 'conversation', conversationId: 'cv_accounts' },
      title: 'a billing question',
      urgency: 'emergency',
      skill: 'accounting',
    });
    expect(item.status).toBe('queued');
    const at = new Date(new Date(item.createdAt).getTime() + 30 * 60_000);
    const sweep = await sweepQueue(desk, at);
    expect(sweep.escalated).toBeGreaterThanOrEqual(1);
    expect(await desk.queue.get(orgId, item.itemId)).toMatchObject({
      status: 'queued',
      holderRole: 'accounting_manager',
      escalations: 1,
      breached: true,
    });
    // An accounting manager joins, offline: nothing yet. Setting their status available (their own
    // key, through the api function) offers the queued work at once, no sweep needed.
    await desk.agents.create(
      agentOf(orgId, 'acm', { role: 'accounting_manager', skills: ['accounting'], status: 'offline' }),
    );
    await sweepQueue(desk, at);
    expect(await desk.queue.get(orgId, item.itemId)).toMatchObject({ status: 'queued' });
    const acm: Principal = { orgId, keyId: 'key-acm', scopes: ['queue:write'], agentId: 'acm' };
    const set = await call(acm, 'PUT', '/v1/agents/{agentId}/status', {
      params: { agentId: 'acm' },
      body: { status: 'available' },
    });
    expect(set.status).toBe(200);
    expect(await desk.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'acm' });
  });

  it("gives queued work to an agent at their shift's start, not before, and moves their entry on", async () => {
    const shiftOrg = 'org-queue-shifts';
    const { item } = await enqueueWork(desk, {
      orgId: shiftOrg,
      source: { kind: 'conversation', conversationId: 'cv_nights' },
      title: 'a night question',
      urgency: 'low',
      skill: 'maintenance',
    });
    // A shift every day from 22:00 UTC: the next start after now, in the due index on the agent item.
    const shift: Shift = { days: [...WEEKDAYS], start: '22:00', end: '06:00' };
    const created = await createAgent(desk, {
      orgId: shiftOrg,
      agentId: 'nia',
      name: 'Nia',
      role: 'maintenance_tech',
      skills: ['maintenance'],
      shift,
      status: 'available',
    });
    if (created.kind !== 'created') throw new Error('nia was created');
    const startsAt = created.agent.nextShiftStartAt ?? '';
    expect(withinShift(shift, new Date(startsAt), 'UTC')).toBe(true);
    const before = await sweepQueue(desk, new Date(Date.parse(startsAt) - 60_000));
    expect(before.shiftStarts).toBe(0);
    expect(await desk.queue.get(shiftOrg, item.itemId)).toMatchObject({ status: 'queued' });
    const at = await sweepQueue(desk, new Date(startsAt));
    expect(at.shiftStarts).toBeGreaterThanOrEqual(1);
    expect(await desk.queue.get(shiftOrg, item.itemId)).toMatchObject({
      status: 'assigned',
      assignee: 'nia',
    });
    expect((await desk.agents.get(shiftOrg, 'nia'))?.nextShiftStartAt).toBe(
      new Date(Date.parse(startsAt) + 24 * 3_600_000).toISOString(),
    );
  });
});
