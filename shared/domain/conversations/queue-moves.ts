import type { RoleName } from '#vocabulary/access.ts';
import type { QueueItem } from '../desk/queue-item.ts';

/**
 * What a conversation does to its queue item. Kept here, beside the conversation's rules, until
 * the queue's own escalation (issue 12, queue) offers the same moves; both write the item's history.
 */

/**
 * Escalated: the item goes to `holderRole` (one level up), back in the queue for someone there,
 * due again within the urgency's SLA. A finished item is opened again: the matter is not done.
 */
export function escalateItem(
  item: QueueItem,
  move: { readonly holderRole: RoleName | undefined; readonly actor: string; readonly reason: string; readonly slaMs: number },
  now: Date,
): QueueItem {
  const at = now.toISOString();
  const { assignee: _assignee, assignedAt: _assignedAt, doneAt: _doneAt, ...rest } = item;
  return {
    ...rest,
    ...(move.holderRole ? { holderRole: move.holderRole } : {}),
    status: 'queued',
    dueAt: new Date(now.getTime() + move.slaMs).toISOString(),
    escalations: item.escalations + 1,
    updatedAt: at,
    version: item.version + 1,
    history: [...item.history, { at, actor: move.actor, action: 'escalated', note: move.reason }],
  };
}

/** Resolved: the item is done and has no deadline left. */
export function finishItem(item: QueueItem, actor: string, now: Date): QueueItem {
  const at = now.toISOString();
  const { dueAt: _dueAt, ...rest } = item;
  return {
    ...rest,
    status: 'done',
    doneAt: at,
    updatedAt: at,
    version: item.version + 1,
    history: [...item.history, { at, actor, action: 'done' }],
  };
}
