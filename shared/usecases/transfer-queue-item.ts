import type { QueueItem } from '#domain/desk/queue-item.ts';
import { type TransferTarget, transferItem } from '#domain/desk/transitions.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import {
  type AuditedQueueDeps,
  afterHandOver,
  historyActor,
  type QueueCommandBy,
  type QueueCommandResult,
} from './assign-queue-item.ts';
import { autoAssignQueueItems } from './auto-assign-queue-items.ts';
import { changeQueueItem, deskSettingsOf } from './change-queue-item.ts';

export interface TransferCommand {
  readonly orgId: string;
  readonly itemId: string;
  readonly to: { readonly agentId: string } | { readonly skill: string };
  readonly note: string;
  readonly by: QueueCommandBy;
}

/**
 * `POST /v1/queue/{itemId}/transfer`: to an agent of the org, or back to the queue needing another
 * skill — where it is offered to an agent with that skill at once. The note stays in its history.
 */
export async function transferQueueItem(
  deps: AuditedQueueDeps,
  command: TransferCommand,
): Promise<QueueCommandResult> {
  const settings = await deskSettingsOf(deps, command.orgId);
  const target: TransferTarget =
    'agentId' in command.to
      ? { agent: await deps.agents.get(command.orgId, command.to.agentId) }
      : { skill: command.to.skill };
  let before: QueueItem | undefined;
  const result = await changeQueueItem(deps, command, (item) => {
    before = item;
    return transferItem(
      item,
      target,
      command.note,
      historyActor(command.by),
      deps.clock.now(),
      slaMs(settings.policy, item.urgency),
    );
  });
  await afterHandOver(deps, result, {
    action: 'queue.transferred',
    by: command.by,
    note: command.note,
    ...(before ? { before } : {}),
  });
  if (result.outcome !== 'changed' || result.item.status !== 'queued') return result;
  const [assigned] = await autoAssignQueueItems(deps, command.orgId, {
    fresh: [result.item],
    onlyFresh: true,
    settings,
  });
  return assigned ? { ...result, item: assigned } : result;
}
