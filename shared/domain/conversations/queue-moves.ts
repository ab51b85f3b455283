import type { RoleName } from '#vocabulary/access.ts';
import type { QueueItem } from '../desk/queue-item.ts';

/**
 * A person escalating a conversation moves its queue item by hand. The queue's own escalation
 * (#domain/desk/transitions.ts `escalateItem`) moves only an overdue item, so this is the one
 * asked-for move; like it, it writes the item's history.
 */

/**
 * Escalated: the item goes to `holderRole` (one level up), back in the queue for someone there,
 * due again within the urgency's SLA. A finished item is opened again: the matter is not done.
 */
export function escalateItemByRequest(
  item: QueueItem,
  move: {
    readonly holderRole: RoleName | undefined;
    readonly actor: string;
    readonly reason: string;
    readonly slaMs: number;
  },
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
