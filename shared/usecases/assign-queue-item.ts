import type { AuditActor, AuditRecord } from '#domain/audit/audit-record.ts';
import type { AuditTrail } from '#domain/audit/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { assignItem, type QueueTransition } from '#domain/desk/transitions.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import { changeQueueItem, deskSettingsOf, publishQueueNotice, type QueueDeps } from './change-queue-item.ts';
import { followConversationItem } from './follow-item-assignee.ts';

export interface AuditedQueueDeps extends QueueDeps {
  readonly audit: AuditTrail;
}

/** Who asks, as the audit trail records them, and from where. */
export interface QueueCommandBy {
  readonly actor: Extract<AuditActor, { kind: 'key' }>;
  readonly from?: AuditRecord['from'];
}

/** The history's name for a key's holder: its person, else the key. */
export function historyActor(by: QueueCommandBy): string {
  return by.actor.agentId !== undefined ? `agent:${by.actor.agentId}` : `key:${by.actor.keyId}`;
}

export type QueueCommandResult = QueueTransition | { readonly outcome: 'not_found' };

/**
 * Records a changed item in the audit trail, tells its new assignee and makes them its
 * conversation's assignee (an item sent back to the queue leaves the conversation's as it is).
 */
export async function afterHandOver(
  deps: AuditedQueueDeps,
  result: QueueCommandResult,
  how: {
    action: 'queue.assigned' | 'queue.transferred';
    by: QueueCommandBy;
    before?: QueueItem;
    note?: string;
  },
): Promise<void> {
  if (result.outcome !== 'changed') return;
  const { item } = result;
  await deps.audit.record(
    {
      orgId: item.orgId,
      action: how.action,
      actor: how.by.actor,
      target: { kind: 'queue_item', id: item.itemId },
      ...(how.by.from ? { from: how.by.from } : {}),
      before: { status: how.before?.status, assignee: how.before?.assignee, skill: how.before?.skill },
      after: { status: item.status, assignee: item.assignee, skill: item.skill },
      ...(how.note !== undefined ? { note: how.note } : {}),
    },
    deps.clock.now(),
  );
  if (item.assignee === undefined || item.status !== 'assigned') return;
  await publishQueueNotice(deps, item, 'queue_assigned', `agent:${item.assignee}`);
  await followConversationItem(deps, item);
}

/**
 * `POST /v1/queue/{itemId}/assign`: gives the item to any agent of the org, whatever their status
 * or shift (a person decided). Refused when the agent does not exist or the item is done.
 */
export async function assignQueueItem(
  deps: AuditedQueueDeps,
  command: {
    readonly orgId: string;
    readonly itemId: string;
    readonly agentId: string;
    readonly by: QueueCommandBy;
  },
): Promise<QueueCommandResult> {
  const { policy } = await deskSettingsOf(deps, command.orgId);
  const agent = await deps.agents.get(command.orgId, command.agentId);
  let before: QueueItem | undefined;
  const result = await changeQueueItem(deps, command, (item) => {
    before = item;
    return assignItem(item, agent, historyActor(command.by), deps.clock.now(), slaMs(policy, item.urgency));
  });
  await afterHandOver(deps, result, {
    action: 'queue.assigned',
    by: command.by,
    ...(before ? { before } : {}),
  });
  return result;
}
