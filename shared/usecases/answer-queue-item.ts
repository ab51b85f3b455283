import { answerItem, finishItem } from '#domain/desk/transitions.ts';
import { changeQueueItem, type QueueDeps } from './change-queue-item.ts';

/** The assignee's first reply or decision: the item is in progress (conversations call it when an agent replies). */
export function answerQueueItem(
  deps: Pick<QueueDeps, 'queue' | 'clock'>,
  ref: { readonly orgId: string; readonly itemId: string; readonly agentId: string },
) {
  return changeQueueItem(deps, ref, (item) => answerItem(item, ref.agentId, deps.clock.now()));
}

/** The matter is finished (a conversation resolved): its item is done. */
export function finishQueueItem(
  deps: Pick<QueueDeps, 'queue' | 'clock'>,
  ref: { readonly orgId: string; readonly itemId: string; readonly by: string; readonly note?: string },
) {
  return changeQueueItem(deps, ref, (item) => finishItem(item, ref.by, deps.clock.now(), ref.note));
}
