import { describe, expect, it } from 'vitest';
import type { Agent } from '#domain/agents/agent.ts';
import { type NewQueueItem, openQueueItem } from '#domain/desk/open-item.ts';
import type { WorkflowEffect } from '#domain/workflow/workflow.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
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
import { approve, open, person, T0 } from '#test/support/workflows.ts';
import { takeUpQueueItem } from '#usecases/answer-queue-item.ts';
import { assignQueueItem } from '#usecases/assign-queue-item.ts';
import { closeFinishedSteps } from '#usecases/close-finished-steps.ts';
import { enqueueWork } from '#usecases/enqueue-work.ts';
import { createAgent, setAgentStatus } from '#usecases/manage-agents.ts';
import { queueWorkflowStep } from '#usecases/queue-workflow-step.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { transferQueueItem } from '#usecases/transfer-queue-item.ts';

const orgId = 'acme-homes';
const MINUTE = 60_000;
// T0 is Tuesday 2026-12-01 10:00 UTC. Medium items wait 48 h, emergencies 30 minutes (the default policy).
const MEDIUM_SLA = 2880 * MINUTE;

function desk() {
  const clock = new ManualClock(T0);
  const agents = new InMemoryAgentDirectory();
  const deps = {
    queue: new InMemoryQueueStore(clock),
    agents,
    orgSettings: new InMemoryOrgSettingsStore(),
    workflows: new InMemoryWorkflowStore(new InMemoryRows()),
    conversations: new InMemoryConversationStore(),
    notices: new InMemoryWorkflowNotices(),
    audit: new InMemoryAuditTrail(),
    clock,
  };
  const hire = async (agentId: string, fields: Partial<Agent> = {}) => {
    await agents.create(agentOf(orgId, agentId, { status: 'available', ...fields }));
  };
  const setStatus = async (agentId: string, status: Agent['status']) => {
    expect((await setAgentStatus(deps, orgId, agentId, status)).kind).toBe('changed');
  };
  return { deps, clock, hire, setStatus };
}

const work = (conversationId: string, fields: Partial<NewQueueItem> = {}): NewQueueItem => ({
  orgId,
  source: { kind: 'conversation', conversationId },
  title: `conversation ${conversationId}`,
  urgency: 'medium',
  skill: 'maintenance',
  ...fields,
});
const by = { actor: { kind: 'key' as const, keyId: 'k1', agentId: 'boss' }, from: { ip: '203.0.113.9' } };
const told = (deps: ReturnType<typeof desk>['deps']) =>
  deps.notices.published.map((n) => [n.kind, n.to, n.detail?.itemId]);

describe('enqueueing work', () => {
  it('assigns it at once to the least-loaded available agent with the skill, and tells them', async () => {
    const { deps, hire } = desk();
    await hire('ana');
    await hire('bob');
    await hire('lea', { skills: ['leasing'] });
    const first = await enqueueWork(deps, work('c1'));
    const second = await enqueueWork(deps, work('c2'));
    expect([first.item.assignee, second.item.assignee]).toEqual(['ana', 'bob']);
    expect(second.item).toMatchObject({
      status: 'assigned',
      dueAt: new Date(T0.getTime() + MEDIUM_SLA).toISOString(),
    });
    expect(told(deps)).toEqual([
      ['queue_assigned', 'agent:ana', first.item.itemId],
      ['queue_assigned', 'agent:bob', second.item.itemId],
    ]);
    // Asked again: the one item, as it is.
    expect(await enqueueWork(deps, work('c1'))).toEqual({ outcome: 'exists', item: first.item });
  });

  it('with nobody eligible, stays queued; escalates at its SLA; is assigned when an agent is free', async () => {
    const { deps, clock, hire, setStatus } = desk();
    await hire('ana', { status: 'offline' });
    await hire('lead', { role: 'maintenance_tech_lead', status: 'offline' });
    const { item } = await enqueueWork(deps, work('c1', { urgency: 'emergency' }));
    expect(item).toMatchObject({ status: 'queued', escalations: 0 });
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 0, escalated: 0, assigned: 0 });
    clock.advance(29 * MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 0, escalated: 0 });
    clock.advance(MINUTE);
    expect(await sweepQueue(deps, clock.now())).toEqual({
      due: 1,
      escalated: 1,
      breaches: 1,
      closed: 0,
      shiftStarts: 0,
      assigned: 0,
    });
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({
      status: 'queued',
      holderRole: 'maintenance_tech_lead',
      escalations: 1,
      breached: true,
      dueAt: new Date(clock.now().getTime() + 30 * MINUTE).toISOString(),
    });
    expect(told(deps)).toEqual([['queue_escalated', 'maintenance_tech_lead', item.itemId]]);
    // The tech comes back: escalated, the item now needs the tech lead or above. Becoming
    // available offers the queued work at once, not at the next sweep.
    await setStatus('ana', 'available');
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'queued' });
    await setStatus('lead', 'available');
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'assigned', assignee: 'lead' });
  });

  it('gives queued work in priority order when an agent comes on shift', async () => {
    const { deps, clock } = desk();
    // Their shift is 08:00–17:00 in New York: T0 (10:00 UTC) is 05:00 there.
    await deps.orgSettings.put({ orgId, timeZone: 'America/New_York', allowTimestamplessSignature: false });
    await createAgent(deps, {
      orgId,
      agentId: 'ana',
      name: 'Ana',
      role: 'maintenance_tech',
      skills: ['maintenance'],
      shift: { days: ['tue'], start: '08:00', end: '17:00' },
      status: 'available',
    });
    const low = await enqueueWork(deps, work('low', { urgency: 'low' }));
    clock.advance(MINUTE);
    const high = await enqueueWork(deps, work('high', { urgency: 'high' }));
    expect([low.item.status, high.item.status]).toEqual(['queued', 'queued']);
    expect((await sweepQueue(deps, clock.now())).assigned).toBe(0);
    // Her shift's start is in the due index: 08:00 in New York, 13:00 UTC.
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-01T13:00:00.000Z');
    // 12:59 UTC: not yet.
    clock.advance(178 * MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ shiftStarts: 0, assigned: 0 });
    // 13:00 UTC, 08:00 in New York: before the high item's 4-hour SLA runs out.
    clock.advance(MINUTE);
    const sweep = await sweepQueue(deps, clock.now());
    expect(sweep).toMatchObject({ due: 0, shiftStarts: 1, assigned: 2 });
    // Her entry moved on to next Tuesday's start; a sweep a minute later finds nothing of hers.
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-08T13:00:00.000Z');
    clock.advance(MINUTE);
    expect((await sweepQueue(deps, clock.now())).shiftStarts).toBe(0);
    const assigned = deps.notices.published.map((n) => n.detail?.itemId);
    expect(assigned).toEqual([high.item.itemId, low.item.itemId]);
  });
});

describe('an assigned item nobody answers', () => {
  it('escalates past its deadline, back to the queue, telling the role above and the silent agent', async () => {
    const { deps, clock, hire } = desk();
    await hire('ana');
    const { item } = await enqueueWork(deps, work('c1'));
    expect(item.assignee).toBe('ana');
    clock.advance(MEDIUM_SLA);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ escalated: 1, breaches: 1, assigned: 0 });
    const after = await deps.queue.get(orgId, item.itemId);
    expect(after).toMatchObject({ status: 'queued', holderRole: 'maintenance_tech_lead', escalations: 1 });
    expect(after?.assignee).toBeUndefined();
    expect(told(deps).slice(1)).toEqual([
      ['queue_escalated', 'maintenance_tech_lead', item.itemId],
      ['queue_escalated', 'agent:ana', item.itemId],
    ]);
  });

  it('does not escalate once its assignee answered', async () => {
    const { deps, clock, hire } = desk();
    await hire('ana');
    const { item } = await enqueueWork(deps, work('c1'));
    expect(await takeUpQueueItem(deps, { orgId, itemId: item.itemId, agentId: 'ana' })).toMatchObject({
      outcome: 'changed',
      item: { status: 'in_progress' },
    });
    clock.advance(MEDIUM_SLA * 3);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 0, escalated: 0 });
  });
});

describe('assigning and transferring by hand', () => {
  it('assigns any agent of the org and audits it; refuses an unknown agent or a done item', async () => {
    const { deps, hire } = desk();
    await hire('ana', { status: 'offline' });
    const { item } = await enqueueWork(deps, work('c1'));
    const assigned = await assignQueueItem(deps, { orgId, itemId: item.itemId, agentId: 'ana', by });
    expect(assigned).toMatchObject({ outcome: 'changed', item: { status: 'assigned', assignee: 'ana' } });
    expect(await assignQueueItem(deps, { orgId, itemId: item.itemId, agentId: 'ghost', by })).toMatchObject({
      outcome: 'refused',
      reason: 'unknown_agent',
    });
    expect(await assignQueueItem(deps, { orgId, itemId: 'q_c_none', agentId: 'ana', by })).toEqual({
      outcome: 'not_found',
    });
    const { records } = await deps.audit.list(orgId, {}, { limit: 10 }, T0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'queue.assigned',
      actor: by.actor,
      from: by.from,
      target: { kind: 'queue_item', id: item.itemId },
      before: { status: 'queued' },
      after: { status: 'assigned', assignee: 'ana' },
    });
  });

  it('transfers to an agent, or back to the queue with a skill where someone with it takes it', async () => {
    const { deps, hire } = desk();
    await hire('ana');
    await hire('bob');
    await hire('lea', { skills: ['leasing'], role: 'leasing_agent' });
    const { item } = await enqueueWork(deps, work('c1'));
    const toBob = await transferQueueItem(deps, {
      orgId,
      itemId: item.itemId,
      to: { agentId: 'bob' },
      note: 'Bob fixed this boiler before',
      by,
    });
    expect(toBob).toMatchObject({ outcome: 'changed', item: { assignee: 'bob', status: 'assigned' } });
    const toLeasing = await transferQueueItem(deps, {
      orgId,
      itemId: item.itemId,
      to: { skill: 'leasing' },
      note: 'a lease question after all',
      by,
    });
    expect(toLeasing).toMatchObject({ outcome: 'changed', item: { skill: 'leasing', assignee: 'lea' } });
    const stored = await deps.queue.get(orgId, item.itemId);
    expect(stored?.history.map((h) => [h.action, h.agentId, h.note])).toEqual([
      ['queued', undefined, undefined],
      ['assigned', 'ana', undefined],
      ['transferred', 'bob', 'Bob fixed this boiler before'],
      ['transferred', undefined, 'a lease question after all'],
      ['assigned', 'lea', undefined],
    ]);
    const { records } = await deps.audit.list(orgId, { action: 'queue.transferred' }, { limit: 10 }, T0);
    // Both at the same instant: the trail's order between them is its own.
    expect(records.map((r) => r.note).sort()).toEqual([
      'Bob fixed this boiler before',
      'a lease question after all',
    ]);
  });
});

describe('a workflow step waiting on a person', () => {
  it('becomes a queue item for its holder role’s department, done once the step is decided', async () => {
    const { deps, clock, hire } = desk();
    await hire('sup', { role: 'maintenance_supervisor' });
    const { workflow, effects } = open('maintenance_emergency', {
      propertyId: '7',
      habitability: true,
      estimateUsd: 1500,
    });
    await deps.workflows.create(workflow);
    const waiting = effects.find(
      (effect): effect is Extract<WorkflowEffect, { kind: 'notify' }> =>
        effect.kind === 'notify' && effect.template === 'approval_waiting',
    );
    if (!waiting) throw new Error('no approval_waiting effect');
    await queueWorkflowStep(deps, workflow, waiting);
    await queueWorkflowStep(deps, workflow, waiting);
    const [item, ...more] = await deps.queue.listOpen(orgId, {});
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      source: { kind: 'workflow_step', workflowId: workflow.workflowId, stepId: workflow.waiting?.stepId },
      skill: 'maintenance',
      holderRole: 'maintenance_supervisor',
      urgency: 'emergency',
      status: 'assigned',
      assignee: 'sup',
    });
    const decided = approve(workflow, person('maintenance_supervisor', 'sup'));
    await deps.workflows.save(decided.workflow, workflow.version);
    expect(await closeFinishedSteps(deps, await deps.queue.listOpen(orgId, {}))).toEqual([]);
    expect(await deps.queue.get(orgId, item?.itemId ?? '')).toMatchObject({
      status: 'done',
      doneAt: clock.now().toISOString(),
    });
  });

  it('is closed by the next reader once its conversation is resolved, even if resolving never finished it', async () => {
    const { deps, hire } = desk();
    await hire('ana');
    const { item } = await enqueueWork(deps, work('cv_em_resolved'));
    await deps.conversations.create(
      conversationOf(orgId, {
        conversationId: 'cv_em_resolved',
        status: 'resolved',
        resolvedAt: T0.toISOString(),
      }),
      [],
    );
    expect(await closeFinishedSteps(deps, [item])).toEqual([]);
    expect(await deps.queue.get(orgId, item.itemId)).toMatchObject({ status: 'done' });
  });

  // Items opened before step items lost their own deadline still carry one in the due index.
  async function oldStepItem(deps: ReturnType<typeof desk>['deps']) {
    const { workflow } = open('maintenance_emergency', { propertyId: '7', estimateUsd: 1500 });
    await deps.workflows.create(workflow);
    const fresh = openQueueItem(
      {
        orgId,
        source: {
          kind: 'workflow_step',
          workflowId: workflow.workflowId,
          stepId: workflow.waiting?.stepId ?? '',
        },
        title: 'maintenance emergency: approval for maintenance supervisor',
        urgency: 'emergency',
        skill: 'maintenance',
        holderRole: 'maintenance_supervisor',
      },
      T0,
      30 * MINUTE,
    );
    const item = { ...fresh, dueAt: new Date(T0.getTime() + 30 * MINUTE).toISOString() };
    await deps.queue.create(item);
    return { workflow, item };
  }

  it('is closed, not escalated, when it falls due after its step was left', async () => {
    const { deps, clock } = desk();
    const { workflow } = await oldStepItem(deps);
    const decided = approve(workflow, person('maintenance_supervisor'));
    await deps.workflows.save(decided.workflow, workflow.version);
    clock.advance(31 * MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 1, closed: 1, escalated: 0 });
    expect(deps.notices.published).toEqual([]);
  });

  it('is never escalated on the queue’s clock, even one still carrying a deadline: its step’s clock moves it', async () => {
    const { deps, clock } = desk();
    const { item } = await oldStepItem(deps);
    clock.advance(1000 * 60 * MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ escalated: 0, breaches: 0 });
    expect(await deps.queue.get(orgId, item.itemId)).toEqual(item);
    expect(deps.notices.published).toEqual([]);
  });
});
