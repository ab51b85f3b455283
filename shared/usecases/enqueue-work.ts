import { type NewQueueItem, openQueueItem, queueItemId } from '#domain/desk/open-item.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import { deskSettingsOf, type QueueDeps } from './change-queue-item.ts';
import { followConversationItem } from './follow-item-assignee.ts';
import { offerSavedItem } from './offer-queued-work.ts';

export interface Enqueued {
  /** `exists`: the thing already had its item (one item per conversation or step), left as it was. */
  readonly outcome: 'created' | 'exists';
  readonly item: QueueItem;
}

/**
 * Puts work in the queue (due one SLA of its urgency later) and tries to give it to an agent at
 * once (best-effort: the item stands if the offer fails). Idempotent: the item's id comes from
 * what it is for, so asking twice creates one; a redelivery offers a still-queued item again, as
 * its first offer may have been lost. A done item is history: asked again, the thing gets a new one.
 */
export async function enqueueWork(deps: QueueDeps, request: NewQueueItem): Promise<Enqueued> {
  const settings = await deskSettingsOf(deps, request.orgId);
  const item = openQueueItem(request, deps.clock.now(), slaMs(settings.policy, request.urgency));
  const created = await deps.queue.create(item);
  if (created === 'exists') {
    const existing = await deps.queue.get(request.orgId, queueItemId(request.source));
    if (!existing) throw new Error(`queue item ${item.itemId} exists but cannot be read`);
    // A retry after a crash between the assignment and its conversation catches the conversation up.
    await followConversationItem(deps, existing);
    const offered = existing.status === 'queued' ? await offerSavedItem(deps, existing, settings) : existing;
    return { outcome: 'exists', item: offered };
  }
  return { outcome: 'created', item: await offerSavedItem(deps, item, settings) };
}
