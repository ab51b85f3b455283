import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '#domain/agents/agent.ts';
import { type NewQueueItem, openQueueItem, queueItemId } from '#domain/desk/open-item.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { finishItem } from '#domain/desk/transitions.ts';
import type { WorkflowEffect } from '#domain/workflow/workflow.ts';
import { metrics } from '#platform/observability.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { conversationOf } from '#test/support/conversation-fixtures.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform, ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { conversationWork } from '#test/support/queue-items.ts';
import { approve, open, person, T0 } from '#test/support/workflows.ts';
import { advanceWorkflow } from '#usecases/advance-workflow.ts';
import { takeUpQueueItem } from '#usecases/answer-queue-item.ts';
import { assignQueueItem } from '#usecases/assign-queue-item.ts';
import { closeFinishedSteps } from '#usecases/close-finished-steps.ts';
import { enqueueWork } from '#usecases/enqueue-work.ts';
import { escalateConversation } from '#usecases/escalate-conversation.ts';
import { createAgent, setAgentStatus } from '#usecases/manage-agents.ts';
import { queueWorkflowStep } from '#usecases/queue-workflow-step.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { transferQueueItem } from '#usecases/transfer-queue-item.ts';

const orgId = 'acme-homes';
const MINUTE = 60_000;
// T0 is Tuesday 2026-12-01 10:00 UTC. Medium items wait 48 h, emergencies 30 minutes (the default policy).
const MEDIUM_SLA = 2880 * MINUTE;
const DAY = 24 * 60 * MINUTE;

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

const work = (conversationId: string, fields: Partial<NewQueueItem> = {}): NewQueueItem =>
  conversationWork(orgId, conversationId, fields);
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

/** An emergency whose approval waits on the maintenance supervisor, stored, with its `approval_waiting` notice. */
async function approvalWaiting(deps: ReturnType<typeof desk>['deps']) {
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
  return { workflow, waiting };
}

describe('a workflow step waiting on a person', () => {
  it('becomes a queue item for its holder role’s department, done once the step is decided', async () => {
    const { deps, clock, hire } = desk();
    await hire('sup', { role: 'maintenance_supervisor' });
    const { workflow, waiting } = await approvalWaiting(deps);
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

  // Was: the item left as it was (still in the due index, re-read every minute). Now its deadline is dropped.
  it('is never escalated on the queue’s clock, even one still carrying a deadline: the deadline is dropped, the index left', async () => {
    const { deps, clock } = desk();
    const { item } = await oldStepItem(deps);
    clock.advance(1000 * 60 * MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 1, escalated: 0, breaches: 0 });
    const { dueAt: _dueAt, ...undated } = item;
    const saved = await deps.queue.get(orgId, item.itemId);
    expect(saved).toMatchObject({
      ...undated,
      history: [...item.history, expect.anything()],
      version: 1,
      updatedAt: clock.now().toISOString(),
    });
    expect(saved?.dueAt).toBeUndefined();
    expect(deps.notices.published).toEqual([]);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ due: 0 });
  });
});

const counted = () => vi.spyOn(metrics, 'addMetric');
afterEach(() => vi.restoreAllMocks());

describe('the queue sweep, one org at a time', () => {
  it('an org whose offer fails is counted and leaves the others swept; its shift starts stay due until its offer succeeds', async () => {
    const { deps, clock } = desk();
    for (const org of ['org-a', 'org-b']) {
      // T0 is Tuesday 10:00 UTC: off shift until 11:00, so the work waits queued.
      await createAgent(deps, {
        orgId: org,
        agentId: 'ana',
        name: 'Ana',
        role: 'maintenance_tech',
        skills: ['maintenance'],
        shift: { days: ['tue'], start: '11:00', end: '19:00' },
        status: 'available',
      });
      expect((await enqueueWork(deps, work('c1', { orgId: org }))).item.status).toBe('queued');
    }
    const nextStart = async (org: string) => (await deps.agents.get(org, 'ana'))?.nextShiftStartAt;
    clock.advance(61 * MINUTE);
    // org-a is swept first (its entry sorts first): its `queue_assigned` notice cannot be published.
    deps.notices.failNext(1);
    const addMetric = counted();
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ shiftStarts: 1, assigned: 1 });
    expect(addMetric).toHaveBeenCalledWith('QueueSweepOrgFailed', 'Count', 1);
    expect(await nextStart('org-a')).toBe('2026-12-01T11:00:00.000Z');
    expect(await nextStart('org-b')).toBe('2026-12-08T11:00:00.000Z');
    expect((await deps.queue.listOpen('org-b', {}))[0]).toMatchObject({
      status: 'assigned',
      assignee: 'ana',
    });
    // The next minute offers org-a's work again, then moves its shift start.
    clock.advance(MINUTE);
    expect(await sweepQueue(deps, clock.now())).toMatchObject({ shiftStarts: 1 });
    expect(await nextStart('org-a')).toBe('2026-12-08T11:00:00.000Z');
  });

  it('a due item that cannot be swept is counted and stays due, and neither its org’s other items nor its shift starts wait on it', async () => {
    const { deps, clock } = desk();
    await createAgent(deps, {
      orgId,
      agentId: 'ana',
      name: 'Ana',
      role: 'maintenance_tech',
      skills: ['maintenance'],
      shift: { days: ['tue'], start: '11:00', end: '19:00' },
      status: 'available',
    });
    await enqueueWork(deps, work('c1', { urgency: 'emergency' }));
    clock.advance(MINUTE);
    const second = (await enqueueWork(deps, work('c2', { urgency: 'emergency' }))).item;
    clock.advance(60 * MINUTE);
    // The first item's escalation notice cannot be published.
    deps.notices.failNext(1);
    const addMetric = counted();
    const swept = await sweepQueue(deps, clock.now());
    expect(addMetric).toHaveBeenCalledWith('QueueSweepItemFailed', 'Count', 1);
    expect(addMetric).not.toHaveBeenCalledWith('QueueSweepOrgFailed', 'Count', 1);
    expect(swept).toMatchObject({ due: 2, escalated: 1, shiftStarts: 1 });
    expect((await deps.queue.get(orgId, second.itemId))?.escalations).toBe(1);
    expect((await deps.agents.get(orgId, 'ana'))?.nextShiftStartAt).toBe('2026-12-08T11:00:00.000Z');
  });
});

describe('a step item at the top of its chain', () => {
  it('is taken back from its absent agent on the step’s `step_overdue` reminder and offered again', async () => {
    const { deps, hire } = desk();
    await hire('sup', { role: 'maintenance_supervisor' });
    const { workflow, waiting } = await approvalWaiting(deps);
    await queueWorkflowStep(deps, workflow, waiting);
    const itemId = queueItemId({
      kind: 'workflow_step',
      workflowId: workflow.workflowId,
      stepId: waiting.stepId,
    });
    expect(await deps.queue.get(orgId, itemId)).toMatchObject({ status: 'assigned', assignee: 'sup' });
    // sup is away; another supervisor is at work.
    const away = await deps.agents.get(orgId, 'sup');
    if (!away) throw new Error('no sup');
    await deps.agents.save({ ...away, status: 'offline', version: away.version + 1 }, away.version);
    await hire('sue', { role: 'maintenance_supervisor' });
    // The reminder the engine emits at the top of the chain (no `escalated` effect with it).
    const overdue = { ...waiting, effectId: `${waiting.effectId}:overdue`, template: 'step_overdue' };
    await queueWorkflowStep(deps, workflow, overdue);
    const item = await deps.queue.get(orgId, itemId);
    expect(item).toMatchObject({ status: 'assigned', assignee: 'sue', escalations: 1 });
    expect(item?.dueAt).toBeUndefined();
    expect(item?.history.slice(-2).map((line) => [line.action, line.agentId])).toEqual([
      ['escalated', 'sup'],
      ['assigned', 'sue'],
    ]);
    expect(item?.history.at(-2)?.note).toContain('did not answer');
  });
});

describe('offers after a save are best-effort', () => {
  it('an escalation whose offer fails stands, is audited and counted; its retry is a duplicate', async () => {
    const { deps, hire } = desk();
    await hire('pm', { role: 'property_manager' });
    const conversation = conversationOf(orgId);
    await deps.conversations.create(conversation, []);
    const who = { actor: { kind: 'key' as const, keyId: 'k1', agentId: 'boss' }, requestId: 'api:k1:esc-1' };
    const request = { orgId, conversationId: conversation.conversationId, reason: 'needs a manager' };
    deps.notices.failNext(1);
    const addMetric = counted();
    expect(await escalateConversation(deps, who, request)).toMatchObject({
      kind: 'escalated',
      item: { holderRole: 'property_manager' },
    });
    expect(addMetric).toHaveBeenCalledWith('QueueOfferFailed', 'Count', 1);
    const lines = await deps.audit.list(orgId, {}, { limit: 10 }, deps.clock.now());
    expect(lines.records.map((line) => line.action)).toEqual(['conversation.escalated']);
    expect(await escalateConversation(deps, who, request)).toMatchObject({ kind: 'duplicate' });
  });

  it('a new item whose offer fails stands, counted', async () => {
    const { deps, hire } = desk();
    await hire('ana');
    deps.notices.failNext(1);
    const addMetric = counted();
    // The offer saved the assignment, then its notice failed: the item stands, the classifier is not failed.
    expect(await enqueueWork(deps, work('c1'))).toMatchObject({ outcome: 'created' });
    expect(addMetric).toHaveBeenCalledWith('QueueOfferFailed', 'Count', 1);
  });

  it('a redelivered request offers its item again while it is still queued', async () => {
    const { deps, hire } = desk();
    await hire('bob', { status: 'offline' });
    expect((await enqueueWork(deps, work('c1'))).item.status).toBe('queued');
    // bob became available, and no offer reached the item (lost with its trigger).
    const bob = await deps.agents.get(orgId, 'bob');
    if (!bob) throw new Error('no bob');
    await deps.agents.save({ ...bob, status: 'available', version: bob.version + 1 }, bob.version);
    expect(await enqueueWork(deps, work('c1'))).toMatchObject({
      outcome: 'exists',
      item: { status: 'assigned', assignee: 'bob' },
    });
  });
});

describe('a done item is history: the thing queued again gets a new one', () => {
  async function doneItem(deps: ReturnType<typeof desk>['deps'], doneAt: Date): Promise<QueueItem> {
    const item = openQueueItem(work('c1'), T0, 60 * MINUTE);
    await deps.queue.create(item);
    const finished = finishItem(item, 'system', doneAt);
    if (finished.outcome !== 'changed') throw new Error('not finished');
    await deps.queue.save(finished.item, item.version);
    return finished.item;
  }

  it('past its TTL but not yet deleted: enqueued again, not "exists but cannot be read"', async () => {
    const { deps, clock, hire } = desk();
    await doneItem(deps, T0);
    clock.advance(91 * DAY);
    await hire('ana');
    const again = await enqueueWork(deps, work('c1'));
    expect(again).toMatchObject({
      outcome: 'created',
      item: { status: 'assigned', assignee: 'ana', version: 1 },
    });
  });

  it('a conversation reopened within 90 days is queued again', async () => {
    const { deps, clock } = desk();
    await doneItem(deps, T0);
    clock.advance(5 * DAY);
    const again = await enqueueWork(deps, work('c1'));
    expect(again).toMatchObject({ outcome: 'created', item: { status: 'queued', version: 0 } });
    expect(await enqueueWork(deps, work('c1'))).toMatchObject({ outcome: 'exists' });
  });
});

describe('a left step whose item cannot be closed', () => {
  it('the transition stands; the failure is logged and counted', async () => {
    const platform = inMemoryPlatform(T0);
    const { workflow } = open('maintenance_emergency', { propertyId: '7', estimateUsd: 1500 });
    await platform.workflows.create(workflow);
    const unreadable = new InMemoryQueueStore();
    unreadable.get = async () => {
      throw new Error('the table is throttled');
    };
    const addMetric = counted();
    const outcome = await advanceWorkflow(
      { ...platform, desk: { queue: unreadable } },
      {
        orgId: workflow.orgId,
        workflowId: workflow.workflowId,
        inputId: 'api:k1:approve',
        input: { kind: 'decide', stepId: workflow.waiting?.stepId ?? '', decision: 'approve' },
        actor: person('maintenance_supervisor'),
      },
    );
    expect(outcome).toMatchObject({ outcome: 'applied' });
    expect(addMetric).toHaveBeenCalledWith('StepItemCloseFailed', 'Count', 1);
  });
});
