import { finishItem, takeUpItem } from '#domain/desk/transitions.ts';
import { changeQueueItem, type QueueDeps } from './change-queue-item.ts';

/** A person answered the matter in its conversation: the item is theirs and in progress, whoever held it. */
export function takeUpQueueItem(
  deps: Pick<QueueDeps, 'queue' | 'clock'>,
  ref: { readonly orgId: string; readonly itemId: string; readonly agentId: string },
) {
  return changeQueueItem(deps, ref, (item) => takeUpItem(item, ref.agentId, deps.clock.now()));
}

/** The matter is finished (a conversation resolved): its item is done. */
export function finishQueueItem(
  deps: Pick<QueueDeps, 'queue' | 'clock'>,
  ref: { readonly orgId: string; readonly itemId: string; readonly by: string; readonly note?: string },
) {
  return changeQueueItem(deps, ref, (item) => finishItem(item, ref.by, deps.clock.now(), ref.note));
}
