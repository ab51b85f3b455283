import { describe, expect, it } from 'vitest';
import type { Agent } from '#domain/agents/agent.ts';
import type { NewQueueItem } from '#domain/desk/open-item.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { conversationOf } from '#test/support/conversation-fixtures.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { conversationWork } from '#test/support/queue-items.ts';
import { T0 } from '#test/support/workflows.ts';
import { assignQueueItem } from '#usecases/assign-queue-item.ts';
import { enqueueWork } from '#usecases/enqueue-work.ts';
import { createAgent, setAgentStatus, updateAgent } from '#usecases/manage-agents.ts';
import { escalateConversationItem, queueConversation } from '#usecases/queue-conversation.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { transferQueueItem } from '#usecases/transfer-queue-item.ts';
import { changeOrgSettings } from '#usecases/update-org-settings.ts';

const orgId = 'acme-homes';
const MINUTE = 60_000;
const by = { actor: { kind: 'key' as const, keyId: 'k1', agentId: 'boss' } };

/** A queue store that counts the due-index entries it hands out: what a sweep reads. */
class CountingQueueStore extends InMemoryQueueStore {
  entriesRead = 0;
  override async due(at: Date, page: { limit: number; cursor?: string }) {
    const answer = await super.due(at, page);
    this.entriesRead += answer.due.length;
    return answer;
  }
}

/** A queue store whose listing fails: offering work cannot read the queue. */
class UnreadableQueueStore extends InMemoryQueueStore {
  override async listOpen(): Promise<never> {
    throw new Error('the table is throttled');
  }
}

function desk(queue = new InMemoryQueueStore()) {
  const clock = new ManualClock(T0);
  const deps = {
    queue,
    agents: new InMemoryAgentDirectory(),
    orgSettings: new InMemoryOrgSettingsStore(),
    workflows: new InMemoryWorkflowStore(new InMemoryRows()),
    conversations: new InMemoryConversationStore(),
    notices: new InMemoryWorkflowNotices(),
    audit: new InMemoryAuditTrail(),
    clock,
  };
  const hire = (agentId: string, fields: Partial<Agent> = {}) =>
    createAgent(deps, {
      orgId,
      agentId,
      name: `Agent ${agentId}`,
      role: fields.role ?? 'maintenance_tech',
      skills: fields.skills ?? ['maintenance'],
      ...(fields.shift ? { shift: fields.shift } : {}),
      status: fields.status ?? 'available',
    });
  return { deps, clock, hire };
}

const work = (conversationId: string, fields: Partial<NewQueueItem> = {}): NewQueueItem =>
  conversationWork(orgId, conversationId, fields);

describe('queued work is offered the moment an agent can take it', () => {
  it('when an agent sets their status available', async () => {
    const { deps, hire } = desk();
    await hire('ana', { status: 'offline' });
    const { item } = await enqueueWork(deps, work('c1'));
    expect(item.status).toBe('queued');
    await setAgentStatus(deps, orgId, 'ana', 'busy');
    expect((await deps.queue.get(orgId, item.itemId))?.status).toBe('queued');
    await setAgentStatus(deps, orgId, 'ana', 'available');
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'ana' });
  });

  it('when an agent with the skill is created', async () => {
    const { deps, hire } = desk();
    const { item } = await enqueueWork(deps, work('c1'));
    await hire('lea', { skills: ['leasing'] });
    expect((await deps.queue.get(orgId, item.itemId))?.status).toBe('queued');
    await hire('ana');
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'ana' });
  });

  it("when an agent's skills are patched to include the item's", async () => {
    const { deps, hire } = desk();
    await hire('lea', { skills: ['leasing'] });
    const { item } = await enqueueWork(deps, work('c1'));
    await updateAgent(deps, orgId, 'lea', { name: 'Lea M.' });
    expect((await deps.queue.get(orgId, item.itemId))?.status).toBe('queued');
    await updateAgent(deps, orgId, 'lea', { skills: ['leasing', 'maintenance'] });
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'lea' });
  });

  it("when a patched shift puts an agent on shift now (and their entry moves to the shift's next start)", async () => {
    const { deps, hire } = desk();
    // T0 is Tuesday 2026-12-01 10:00 UTC.
    await hire('ana', { shift: { days: ['mon'], start: '08:00', end: '16:00' } });
    const { item } = await enqueueWork(deps, work('c1'));
    expect((await deps.queue.get(orgId, item.itemId))?.status).toBe('queued');
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-07T08:00:00.000Z');
    await updateAgent(deps, orgId, 'ana', { shift: { days: ['tue'], start: '08:00', end: '16:00' } });
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'ana' });
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-08T08:00:00.000Z');
    await updateAgent(deps, orgId, 'ana', { shift: null });
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBeUndefined();
  });

  it('a failure to offer leaves the change standing and does not fail it', async () => {
    const { deps, hire } = desk(new UnreadableQueueStore());
    await hire('ana', { status: 'offline' });
    const changed = await setAgentStatus(deps, orgId, 'ana', 'available');
    expect(changed).toMatchObject({ kind: 'changed', agent: { status: 'available' } });
    expect((await deps.agents.get(orgId, 'ana'))?.status).toBe('available');
  });

  it("a new time zone moves the agents' shift starts onto the org's new clock", async () => {
    const { deps, hire } = desk();
    await hire('ana', { shift: { days: ['tue'], start: '18:00', end: '22:00' } });
    await hire('bob');
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-01T18:00:00.000Z');
    await changeOrgSettings({ ...deps, settings: deps.orgSettings }, orgId, { timeZone: 'America/Chicago' });
    // 18:00 in Chicago (UTC-6) is midnight UTC.
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-02T00:00:00.000Z');
    expect((await deps.agents.get(orgId, 'bob'))?.nextShiftStartAt).toBeUndefined();
    await changeOrgSettings({ ...deps, settings: deps.orgSettings }, orgId, { timeZone: null });
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-01T18:00:00.000Z');
  });
});

describe('the queue sweep', () => {
  it('reads only the entries due now, none of the later ones', async () => {
    const queue = new CountingQueueStore();
    const { deps, clock } = desk(queue);
    // Medium items are due in 48 hours; the emergency in 30 minutes.
    for (let i = 0; i < 30; i += 1) await enqueueWork(deps, work(`later-${i}`));
    await enqueueWork(deps, work('soon', { urgency: 'emergency' }));
    clock.advance(30 * MINUTE);
    const sweep = await sweepQueue(deps, clock.now());
    expect(sweep).toMatchObject({ due: 1, escalated: 1 });
    expect(queue.entriesRead).toBe(1);
  });
});

describe("a conversation's item and the conversation's assignee", () => {
  async function withConversation() {
    const world = desk();
    const conversation = conversationOf(orgId);
    await world.deps.conversations.create(conversation, []);
    const itemId = queueItemId({ kind: 'conversation', conversationId: conversation.conversationId });
    const assigneeNow = async () =>
      (await world.deps.conversations.get(orgId, conversation.conversationId))?.assignee;
    return { ...world, conversation, itemId, assigneeNow };
  }

  it('is assigned the moment it is created when an agent is eligible, and the agent is the assignee', async () => {
    const { deps, hire, conversation, itemId, assigneeNow } = await withConversation();
    await hire('ana');
    expect(await queueConversation(deps, conversation)).toBe('created');
    expect(await deps.queue.get(orgId, itemId)).toMatchObject({ status: 'assigned', assignee: 'ana' });
    expect(await assigneeNow()).toBe('ana');
    const version = (await deps.conversations.get(orgId, conversation.conversationId))?.version;
    // Again: the item exists, the conversation already follows it: no change.
    expect(await queueConversation(deps, conversation)).toBe('exists');
    expect((await deps.conversations.get(orgId, conversation.conversationId))?.version).toBe(version);
  });

  it('follows a manual assignment and a transfer to an agent; a transfer to a skill keeps it until the next is chosen', async () => {
    const { deps, hire, conversation, itemId, assigneeNow } = await withConversation();
    await hire('ana', { status: 'offline' });
    await hire('bob', { status: 'offline' });
    await hire('lea', { skills: ['leasing'], status: 'offline' });
    await queueConversation(deps, conversation);
    expect(await assigneeNow()).toBeUndefined();
    await assignQueueItem(deps, { orgId, itemId, agentId: 'ana', by });
    expect(await assigneeNow()).toBe('ana');
    await transferQueueItem(deps, { orgId, itemId, to: { agentId: 'bob' }, note: 'yours', by });
    expect(await assigneeNow()).toBe('bob');
    await transferQueueItem(deps, { orgId, itemId, to: { skill: 'leasing' }, note: 'a lease matter', by });
    expect((await deps.queue.get(orgId, itemId))?.status).toBe('queued');
    expect(await assigneeNow()).toBe('bob');
    await setAgentStatus(deps, orgId, 'lea', 'available');
    expect(await assigneeNow()).toBe('lea');
  });

  it('an escalated item is offered at once to someone the chain allows', async () => {
    const { deps, hire, conversation, itemId, assigneeNow } = await withConversation();
    // Triage routed it to the maintenance supervisor: escalated, it needs the role above.
    await hire('sup', { role: 'maintenance_supervisor' });
    await hire('pm', { role: 'property_manager' });
    const item = await escalateConversationItem(
      deps,
      conversation,
      { actor: 'agent:ana', reason: 'help' },
      T0,
    );
    expect(item).toMatchObject({ itemId, status: 'assigned', assignee: 'pm' });
    expect(await deps.queue.get(orgId, itemId)).toMatchObject({ status: 'assigned', assignee: 'pm' });
    expect(await assigneeNow()).toBe('pm');
  });
});
