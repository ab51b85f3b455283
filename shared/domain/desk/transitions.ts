import type { Agent } from '#domain/agents/agent.ts';
import { type ApprovalPolicy, nextInChain } from '#domain/workflow/approval-policy.ts';
import type { Holder } from '#domain/workflow/workflow.ts';
import type { RoleName } from '#vocabulary/access.ts';
import { departmentOf } from './department.ts';
import { deadlineOf } from './open-item.ts';
import type { QueueHistoryEntry, QueueItem } from './queue-item.ts';

/**
 * What can happen to a queue item. Each transition returns the next item (version + 1, one
 * history line more) or a typed refusal; the caller saves it on the version it read.
 */

/** `done`: the item is finished (409); `unknown_agent`: no such agent in the org (422); `not_assignee`: someone else holds it (403). */
export type QueueRefusal = 'done' | 'unknown_agent' | 'not_assignee';

export type QueueTransition =
  | { readonly outcome: 'changed'; readonly item: QueueItem; readonly history: QueueHistoryEntry }
  | { readonly outcome: 'unchanged'; readonly item: QueueItem }
  | { readonly outcome: 'refused'; readonly reason: QueueRefusal; readonly detail: string };

/** Who acts: `agent:<id>`, `key:<id>` or `system`. */
export type QueueActor = string;

const refuse = (reason: QueueRefusal, detail: string): QueueTransition => ({
  outcome: 'refused',
  reason,
  detail,
});

function changed(
  item: QueueItem,
  next: Omit<QueueItem, 'version' | 'history' | 'updatedAt'>,
  history: QueueHistoryEntry,
): QueueTransition {
  return {
    outcome: 'changed',
    item: { ...next, version: item.version + 1, updatedAt: history.at, history: [...item.history, history] },
    history,
  };
}

/** The item without its assignee: back in the queue, or finished. */
function unheld(item: QueueItem): Omit<QueueItem, 'assignee' | 'assignedAt' | 'dueAt'> {
  const { assignee: _assignee, assignedAt: _assignedAt, dueAt: _dueAt, ...rest } = item;
  return rest;
}

function withoutDeadline(item: QueueItem): Omit<QueueItem, 'dueAt'> {
  const { dueAt: _dueAt, ...rest } = item;
  return rest;
}

function given(
  item: QueueItem,
  agent: Agent | undefined,
  how: { by: QueueActor; now: Date; slaMs: number; action: 'assigned' | 'transferred'; note?: string },
): QueueTransition {
  if (item.status === 'done') return refuse('done', `queue item ${item.itemId} is done`);
  if (!agent || agent.orgId !== item.orgId) return refuse('unknown_agent', 'no such agent in the org');
  const at = how.now.toISOString();
  return changed(
    item,
    {
      ...unheld(item),
      status: 'assigned',
      assignee: agent.agentId,
      assignedAt: at,
      // Now the agent must answer by then, or the item escalates and returns to the queue.
      ...deadlineOf(item, how.now, how.slaMs),
    },
    {
      at,
      actor: how.by,
      action: how.action,
      agentId: agent.agentId,
      ...(how.note !== undefined ? { note: how.note } : {}),
    },
  );
}

/** Gives the item to an agent (automatically, or by hand: any agent of the org, whatever their status). */
export function assignItem(
  item: QueueItem,
  agent: Agent | undefined,
  by: QueueActor,
  now: Date,
  slaMs: number,
): QueueTransition {
  return given(item, agent, { by, now, slaMs, action: 'assigned' });
}

/** Where a transfer sends the item: to an agent, or back to the queue needing another skill. */
export type TransferTarget = { readonly agent: Agent | undefined } | { readonly skill: string };

/** Hands the item on, with a note the history keeps. */
export function transferItem(
  item: QueueItem,
  target: TransferTarget,
  note: string,
  by: QueueActor,
  now: Date,
  slaMs: number,
): QueueTransition {
  if ('agent' in target) return given(item, target.agent, { by, now, slaMs, action: 'transferred', note });
  if (item.status === 'done') return refuse('done', `queue item ${item.itemId} is done`);
  const at = now.toISOString();
  return changed(
    item,
    {
      ...unheld(item),
      status: 'queued',
      skill: target.skill,
      ...deadlineOf(item, now, slaMs),
    },
    { at, actor: by, action: 'transferred', note },
  );
}

/** The assignee's first reply or decision: the item is being worked, with no deadline of its own. */
export function answerItem(item: QueueItem, agentId: string, now: Date): QueueTransition {
  if (item.status === 'done') return refuse('done', `queue item ${item.itemId} is done`);
  if (item.assignee !== agentId) return refuse('not_assignee', `queue item ${item.itemId} is not yours`);
  if (item.status === 'in_progress') return { outcome: 'unchanged', item };
  const at = now.toISOString();
  return changed(
    item,
    { ...withoutDeadline(item), status: 'in_progress' },
    { at, actor: `agent:${agentId}`, action: 'answered' },
  );
}

/**
 * A person answered the matter (a reply in its conversation): they work it now. The assignee's
 * answer moves it on as `answerItem` does; anyone else's takes it over — theirs, in progress, off
 * the deadline — so the queue never escalates or re-assigns what somebody is working.
 */
export function takeUpItem(item: QueueItem, agentId: string, now: Date): QueueTransition {
  if (item.status === 'done') return { outcome: 'unchanged', item };
  if (item.assignee === agentId) return answerItem(item, agentId, now);
  const at = now.toISOString();
  return changed(
    item,
    { ...withoutDeadline(item), status: 'in_progress', assignee: agentId, assignedAt: at },
    {
      at,
      actor: `agent:${agentId}`,
      action: 'answered',
      agentId,
      note: `taken over from ${item.assignee ?? 'the queue'}`,
    },
  );
}

/** Finished (the conversation resolved, the workflow step decided or left): out of the queue for good. */
export function finishItem(item: QueueItem, by: QueueActor, now: Date, note?: string): QueueTransition {
  if (item.status === 'done') return { outcome: 'unchanged', item };
  const at = now.toISOString();
  return changed(
    item,
    { ...withoutDeadline(item), status: 'done', doneAt: at },
    { at, actor: by, action: 'done', ...(note !== undefined ? { note } : {}) },
  );
}

export interface Escalation {
  readonly item: QueueItem;
  readonly history: QueueHistoryEntry;
  readonly from?: RoleName;
  readonly to: RoleName;
  /** The agent who held it and did not answer: it was taken back from them. */
  readonly takenFrom?: string;
  /** True the first time the item passes a deadline. */
  readonly breachedNow: boolean;
  /** Who is told: the role it moved to (and the agent it was taken from). */
  readonly notify: readonly string[];
}

/**
 * Like a workflow step's: past its deadline while queued (nobody took it) or assigned (its
 * assignee did not answer), it moves up its department's chain, counts an escalation, is breached
 * (once), gets a new deadline one SLA later, and an assigned item returns to the queue. At the
 * top of the chain it stays with the top role (still counted, its holder reminded). Never a
 * workflow step's item, even one from before steps had no deadline: it follows its step's clock.
 */
export function escalateItem(
  item: QueueItem,
  chains: ApprovalPolicy['chains'],
  now: Date,
  slaMs: number,
): Escalation | undefined {
  if (item.status !== 'queued' && item.status !== 'assigned') return undefined;
  if (item.source.kind === 'workflow_step') return undefined;
  if (item.dueAt === undefined || new Date(item.dueAt).getTime() > now.getTime()) return undefined;
  const chain = chains[departmentOf(item)];
  const from = item.holderRole ?? (chain[0] as RoleName);
  const to = nextInChain(chain, from) ?? from;
  const at = now.toISOString();
  const takenFrom = item.status === 'assigned' ? item.assignee : undefined;
  const history: QueueHistoryEntry = {
    at,
    actor: 'system',
    action: 'escalated',
    ...(takenFrom ? { agentId: takenFrom } : {}),
    note:
      to === from
        ? `overdue since ${item.dueAt}; ${from} is the top of the chain`
        : `overdue since ${item.dueAt}: from ${from} to ${to}${takenFrom ? `, taken back from ${takenFrom}, who did not answer` : ''}`,
  };
  const result = changed(
    item,
    {
      ...unheld(item),
      status: 'queued',
      holderRole: to,
      escalations: item.escalations + 1,
      breached: true,
      dueAt: new Date(now.getTime() + slaMs).toISOString(),
    },
    history,
  );
  if (result.outcome !== 'changed') throw new Error('an escalation always changes the item');
  return {
    item: result.item,
    history,
    ...(item.holderRole ? { from: item.holderRole } : {}),
    to,
    ...(takenFrom ? { takenFrom } : {}),
    breachedNow: !item.breached,
    notify: [to, ...(takenFrom ? [`agent:${takenFrom}`] : [])],
  };
}

/** A workflow step's escalation, as its `escalated` effect says it: from and to a holder, breached or not. */
export interface StepEscalation {
  readonly from: Holder;
  readonly to: Holder;
  readonly breached: boolean;
}

/**
 * The step's item follows its step up the chain: held by the step's new holder, one escalation
 * more, breached as the step is, and back in the queue — the step escalates because nobody decided
 * it in time, as an unanswered queue item returns to the queue — with no deadline of its own.
 * Unchanged when done, when the owner holds the step now (no role's queue holds it), or when the
 * new holder already holds the item (this escalation moved it already).
 */
export function followStepEscalation(item: QueueItem, step: StepEscalation, now: Date): QueueTransition {
  if (item.status === 'done' || step.to === 'owner' || item.holderRole === step.to)
    return { outcome: 'unchanged', item };
  const takenFrom = item.assignee;
  return changed(
    item,
    {
      ...unheld(item),
      status: 'queued',
      holderRole: step.to,
      escalations: item.escalations + 1,
      breached: step.breached,
    },
    {
      at: now.toISOString(),
      actor: 'system',
      action: 'escalated',
      ...(takenFrom ? { agentId: takenFrom } : {}),
      note: `its step escalated from ${step.from} to ${step.to}${takenFrom ? `, taken back from ${takenFrom}, who did not decide it` : ''}`,
    },
  );
}

/**
 * The step is overdue at the top of its chain (its `step_overdue` reminder): nowhere to escalate,
 * so an assigned item is taken back from the agent who did not decide it and returns to the queue
 * to be offered again (one escalation more, as the step counts one). Anything else is unchanged.
 */
export function returnOverdueStepItem(item: QueueItem, now: Date): QueueTransition {
  if (item.status !== 'assigned') return { outcome: 'unchanged', item };
  const takenFrom = item.assignee;
  return changed(
    item,
    { ...unheld(item), status: 'queued', escalations: item.escalations + 1 },
    {
      at: now.toISOString(),
      actor: 'system',
      action: 'escalated',
      ...(takenFrom ? { agentId: takenFrom } : {}),
      note: `its step is overdue at the top of the chain; taken back from ${takenFrom}, who did not answer`,
    },
  );
}

/**
 * A step's item from before steps had no deadline still carries one, so it sits in the due index
 * (and is read every sweep) though nothing escalates it: saved without it, it leaves the index.
 */
export function dropStepItemDeadline(item: QueueItem, now: Date): QueueTransition {
  if (item.source.kind !== 'workflow_step' || item.dueAt === undefined) return { outcome: 'unchanged', item };
  return changed(item, withoutDeadline(item), {
    at: now.toISOString(),
    actor: 'system',
    action: 'queued',
    note: 'its deadline dropped: a step item follows its step’s clock',
  });
}
