import { describe, expect, it } from 'vitest';
import { chooseAgent, workloads } from '#domain/desk/assignment.ts';
import { departmentOf } from '#domain/desk/department.ts';
import { openQueueItem } from '#domain/desk/open-item.ts';
import { byPriority } from '#domain/desk/priority.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import {
  answerItem,
  assignItem,
  escalateItem,
  finishItem,
  followStepEscalation,
  type QueueTransition,
  transferItem,
} from '#domain/desk/transitions.ts';
import { DEFAULT_APPROVAL_POLICY } from '#domain/workflow/approval-policy.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { queuedItem } from '#test/support/queue-items.ts';

const orgId = 'org-desk';
const chains = DEFAULT_APPROVAL_POLICY.chains;
const HOUR = 3_600_000;
// A Wednesday, 15:00 UTC.
const now = new Date('2026-11-25T15:00:00.000Z');
const available = (agentId: string, fields: Parameters<typeof agentOf>[2] = {}) =>
  agentOf(orgId, agentId, { status: 'available', ...fields });
const context = (open: readonly QueueItem[] = [], at = now, timeZone = 'UTC') => ({
  now: at,
  timeZone,
  chains,
  workloads: workloads(open),
});

function changed(result: QueueTransition): QueueItem {
  if (result.outcome !== 'changed') throw new Error(`expected a change, got ${result.outcome}`);
  return result.item;
}

describe('queue priority', () => {
  it('orders by urgency first, then age (oldest first), keeping equal items in their order', () => {
    const items = [
      queuedItem(orgId, 'low-old', '2026-11-25T08:00:00Z', { urgency: 'low' }),
      queuedItem(orgId, 'high-new', '2026-11-25T12:00:00Z', { urgency: 'high' }),
      queuedItem(orgId, 'emergency', '2026-11-25T14:00:00Z', { urgency: 'emergency' }),
      queuedItem(orgId, 'high-old', '2026-11-25T09:00:00Z', { urgency: 'high' }),
      queuedItem(orgId, 'medium-a', '2026-11-25T10:00:00Z'),
      queuedItem(orgId, 'medium-b', '2026-11-25T10:00:00Z'),
    ];
    expect(byPriority(items).map((item) => item.source)).toEqual(
      ['emergency', 'high-old', 'high-new', 'medium-a', 'medium-b', 'low-old'].map((conversationId) => ({
        kind: 'conversation',
        conversationId,
      })),
    );
  });
});

describe('chooseAgent', () => {
  const item = queuedItem(orgId, 'leak', '2026-11-25T14:00:00Z');

  it('takes only available agents of the org with the skill', () => {
    const agents = [
      available('busy', { status: 'busy' }),
      agentOf(orgId, 'offline'),
      available('leasing', { skills: ['leasing'] }),
      agentOf('org-other', 'stranger', { status: 'available' }),
    ];
    expect(chooseAgent(item, agents, context())).toBeUndefined();
    expect(chooseAgent(item, [...agents, available('tech')], context())?.agentId).toBe('tech');
  });

  it('takes only agents on shift now, on the org’s clock', () => {
    const morning = available('morning', { shift: { days: ['wed'], start: '08:00', end: '12:00' } });
    const night = available('night', { shift: { days: ['tue'], start: '22:00', end: '08:00' } });
    // 15:00 UTC is 07:00 in Los Angeles: neither is on shift in UTC; in Los Angeles the Tuesday night shift still runs.
    expect(chooseAgent(item, [morning, night], context())).toBeUndefined();
    expect(chooseAgent(item, [morning, night], context([], now, 'America/Los_Angeles'))?.agentId).toBe(
      'night',
    );
    // 17:00 UTC is 09:00 in Los Angeles: the morning shift.
    const later = new Date('2026-11-25T17:00:00Z');
    expect(chooseAgent(item, [morning, night], context([], later, 'America/Los_Angeles'))?.agentId).toBe(
      'morning',
    );
  });

  it('gives the item to the least loaded, counting only open items assigned to each', () => {
    const ana = available('ana');
    const bob = available('bob');
    const held = [
      changed(assignItem(queuedItem(orgId, 'x1', '2026-11-25T09:00:00Z'), ana, 'system', now, HOUR)),
      changed(assignItem(queuedItem(orgId, 'x2', '2026-11-25T09:00:00Z'), ana, 'system', now, HOUR)),
      changed(assignItem(queuedItem(orgId, 'x3', '2026-11-25T09:00:00Z'), bob, 'system', now, HOUR)),
    ];
    expect(chooseAgent(item, [ana, bob], context(held))?.agentId).toBe('bob');
    const [first, second] = held as [QueueItem, QueueItem];
    const finished = [
      changed(finishItem(first, 'system', now)),
      changed(finishItem(second, 'system', now)),
      held[2] as QueueItem,
    ];
    expect(chooseAgent(item, [ana, bob], context(finished))?.agentId).toBe('ana');
  });

  it('breaks ties by preferred skills, then the least recently assigned, then agentId', () => {
    const spanish = queuedItem(orgId, 'es', '2026-11-25T14:00:00Z', { preferredSkills: ['spanish'] });
    const [carol, dave, erin] = [
      available('carol'),
      available('dave', { skills: ['maintenance', 'spanish'] }),
      available('erin'),
    ];
    expect(chooseAgent(spanish, [carol, dave, erin], context())?.agentId).toBe('dave');
    expect(chooseAgent(item, [erin, carol], context())?.agentId).toBe('carol');
    const earlier = changed(
      assignItem(
        queuedItem(orgId, 'e1', '2026-11-25T09:00:00Z'),
        erin,
        'system',
        new Date('2026-11-25T10:00:00Z'),
        HOUR,
      ),
    );
    const later = changed(
      assignItem(
        queuedItem(orgId, 'c1', '2026-11-25T09:00:00Z'),
        carol,
        'system',
        new Date('2026-11-25T11:00:00Z'),
        HOUR,
      ),
    );
    expect(chooseAgent(item, [carol, erin], context([earlier, later]))?.agentId).toBe('erin');
  });

  it('gives a role-held item (a workflow step) only to that role or one above it, escalated or not', () => {
    const step = { ...item, holderRole: 'maintenance_tech_lead' as const };
    const tech = available('tech');
    const supervisor = available('super', { role: 'maintenance_supervisor' });
    expect(chooseAgent(step, [tech], context())).toBeUndefined();
    expect(chooseAgent(step, [tech, supervisor], context())?.agentId).toBe('super');
  });

  it('once escalated, takes only the holder role or a role above it on the department chain', () => {
    const escalated = escalateItem(item, chains, new Date('2026-11-25T16:00:00Z'), HOUR);
    if (!escalated) throw new Error('not escalated');
    expect(escalated.item.holderRole).toBe('maintenance_tech_lead');
    const tech = available('tech');
    const lead = available('lead', { role: 'maintenance_tech_lead' });
    const supervisor = available('super', { role: 'maintenance_supervisor' });
    expect(chooseAgent(escalated.item, [tech], context())).toBeUndefined();
    expect(chooseAgent(escalated.item, [tech, supervisor], context())?.agentId).toBe('super');
    expect(chooseAgent(escalated.item, [tech, lead, supervisor], context())?.agentId).toBe('lead');
  });
});

describe('queue transitions', () => {
  const item = queuedItem(orgId, 'leak', '2026-11-25T14:00:00Z');

  it('assigns any agent of the org by hand; refuses an unknown agent and a done item', () => {
    const assigned = changed(assignItem(item, agentOf(orgId, 'off'), 'key:k1', now, HOUR));
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignee: 'off',
      assignedAt: now.toISOString(),
      dueAt: new Date(now.getTime() + HOUR).toISOString(),
      version: item.version + 1,
    });
    expect(assigned.history.at(-1)).toEqual({
      at: now.toISOString(),
      actor: 'key:k1',
      action: 'assigned',
      agentId: 'off',
    });
    expect(assignItem(item, undefined, 'key:k1', now, HOUR)).toMatchObject({
      outcome: 'refused',
      reason: 'unknown_agent',
    });
    expect(assignItem(item, agentOf('org-other', 'off'), 'key:k1', now, HOUR)).toMatchObject({
      reason: 'unknown_agent',
    });
    const done = changed(finishItem(item, 'system', now));
    expect(assignItem(done, agentOf(orgId, 'off'), 'key:k1', now, HOUR)).toMatchObject({
      outcome: 'refused',
      reason: 'done',
    });
  });

  it('transfers to an agent or back to the queue with a new skill, keeping the note', () => {
    const held = changed(assignItem(item, available('ana'), 'system', now, HOUR));
    const toBob = changed(
      transferItem(held, { agent: available('bob') }, 'Bob knows the boiler', 'agent:ana', now, HOUR),
    );
    expect(toBob).toMatchObject({ status: 'assigned', assignee: 'bob' });
    expect(toBob.history.at(-1)).toMatchObject({
      action: 'transferred',
      agentId: 'bob',
      note: 'Bob knows the boiler',
    });
    const back = changed(
      transferItem(toBob, { skill: 'accounting' }, 'a billing question', 'agent:bob', now, 2 * HOUR),
    );
    expect(back).toMatchObject({
      status: 'queued',
      skill: 'accounting',
      dueAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
    });
    expect(back.assignee).toBeUndefined();
    expect(back.history.at(-1)).toMatchObject({ action: 'transferred', note: 'a billing question' });
    expect(transferItem(back, { agent: undefined }, 'n', 'agent:bob', now, HOUR)).toMatchObject({
      reason: 'unknown_agent',
    });
  });

  it('the assignee’s first answer moves it to in_progress, without a deadline; others are refused', () => {
    const held = changed(assignItem(item, available('ana'), 'system', now, HOUR));
    expect(answerItem(held, 'bob', now)).toMatchObject({ outcome: 'refused', reason: 'not_assignee' });
    const answered = changed(answerItem(held, 'ana', now));
    expect(answered.status).toBe('in_progress');
    expect(answered.dueAt).toBeUndefined();
    expect(answerItem(answered, 'ana', now).outcome).toBe('unchanged');
    expect(escalateItem(answered, chains, new Date(now.getTime() + 10 * HOUR), HOUR)).toBeUndefined();
  });

  it('escalates a queued item past its deadline up its chain, breached once, due one SLA later', () => {
    const opened = queuedItem(orgId, 'slow', '2026-11-25T10:00:00Z', { slaMinutes: 60 });
    expect(escalateItem(opened, chains, new Date('2026-11-25T10:59:00Z'), HOUR)).toBeUndefined();
    const first = escalateItem(opened, chains, new Date('2026-11-25T11:00:00Z'), HOUR);
    expect(first).toMatchObject({
      to: 'maintenance_tech_lead',
      breachedNow: true,
      notify: ['maintenance_tech_lead'],
    });
    expect(first?.item).toMatchObject({
      status: 'queued',
      escalations: 1,
      breached: true,
      dueAt: '2026-11-25T12:00:00.000Z',
    });
    const second = first && escalateItem(first.item, chains, new Date('2026-11-25T12:00:00Z'), HOUR);
    expect(second).toMatchObject({
      from: 'maintenance_tech_lead',
      to: 'maintenance_supervisor',
      breachedNow: false,
    });
    expect(second?.item.escalations).toBe(2);
  });

  it('takes an assigned but unanswered item back to the queue, telling the role above and the agent', () => {
    const held = changed(assignItem(item, available('ana'), 'system', now, HOUR));
    const late = new Date(now.getTime() + HOUR);
    const escalation = escalateItem(held, chains, late, HOUR);
    expect(escalation).toMatchObject({ takenFrom: 'ana', notify: ['maintenance_tech_lead', 'agent:ana'] });
    expect(escalation?.item).toMatchObject({ status: 'queued', holderRole: 'maintenance_tech_lead' });
    expect(escalation?.item.assignee).toBeUndefined();
    expect(escalation?.history).toMatchObject({ action: 'escalated', agentId: 'ana' });
  });

  it('at the top of the chain, stays with the top role', () => {
    const top = {
      ...item,
      holderRole: 'president' as const,
      escalations: 5,
      breached: true,
      dueAt: now.toISOString(),
    };
    expect(escalateItem(top, chains, now, HOUR)).toMatchObject({ to: 'president', breachedNow: false });
  });

  it('takes the department from a department skill, else the holder role, else management', () => {
    expect(departmentOf({ skill: 'leasing' })).toBe('leasing');
    expect(departmentOf({ skill: 'spanish', holderRole: 'accountant' })).toBe('accounting');
    expect(departmentOf({ skill: 'spanish' })).toBe('management');
  });
});

describe('a workflow step’s item', () => {
  const stepItem = openQueueItem(
    {
      orgId,
      source: { kind: 'workflow_step', workflowId: 'wf_1', stepId: 'approve_dispatch.1' },
      title: 'maintenance emergency: approval for maintenance supervisor',
      urgency: 'emergency',
      skill: 'maintenance',
      holderRole: 'maintenance_supervisor',
    },
    now,
    HOUR,
  );
  const farLater = new Date(now.getTime() + 1000 * HOUR);

  it('has no deadline of its own, opened, assigned or transferred, and never escalates on the queue’s clock', () => {
    expect(stepItem.dueAt).toBeUndefined();
    const held = changed(assignItem(stepItem, available('sam'), 'system', now, HOUR));
    expect(held).toMatchObject({ status: 'assigned', assignee: 'sam' });
    expect(held.dueAt).toBeUndefined();
    const back = changed(transferItem(held, { skill: 'maintenance' }, 'not mine', 'agent:sam', now, HOUR));
    expect(back.dueAt).toBeUndefined();
    expect(escalateItem(held, chains, farLater, HOUR)).toBeUndefined();
    // One opened before step items lost their deadline still carries it: the queue leaves it alone.
    const old = { ...held, dueAt: now.toISOString() };
    expect(escalateItem(old, chains, farLater, HOUR)).toBeUndefined();
  });

  it('follows its step’s escalation: the new holder, one escalation more, breached as the step, back in the queue', () => {
    const held = changed(
      assignItem({ ...stepItem, dueAt: now.toISOString() }, available('sam'), 'system', now, HOUR),
    );
    const later = new Date(now.getTime() + HOUR);
    const moved = changed(
      followStepEscalation(
        held,
        { from: 'maintenance_supervisor', to: 'property_manager', breached: true },
        later,
      ),
    );
    expect(moved).toMatchObject({
      status: 'queued',
      holderRole: 'property_manager',
      escalations: 1,
      breached: true,
      version: held.version + 1,
    });
    expect(moved.assignee).toBeUndefined();
    expect(moved.dueAt).toBeUndefined();
    expect(moved.history.at(-1)).toEqual({
      at: later.toISOString(),
      actor: 'system',
      action: 'escalated',
      agentId: 'sam',
      note: 'its step escalated from maintenance_supervisor to property_manager, taken back from sam, who did not decide it',
    });
    // The same escalation again (a retried effect) changes nothing; nor does a done item, or an owner's step.
    const step = { from: 'maintenance_supervisor', to: 'property_manager', breached: true } as const;
    expect(followStepEscalation(moved, step, later).outcome).toBe('unchanged');
    const done = changed(finishItem(held, 'system', later));
    expect(followStepEscalation(done, step, later).outcome).toBe('unchanged');
    expect(followStepEscalation(held, { ...step, to: 'owner' }, later).outcome).toBe('unchanged');
    // Not breached yet: the step says so, the item says so.
    expect(changed(followStepEscalation(stepItem, { ...step, breached: false }, later))).toMatchObject({
      escalations: 1,
      breached: false,
      holderRole: 'property_manager',
    });
  });
});
