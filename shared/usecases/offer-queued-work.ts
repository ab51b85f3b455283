import type { QueueItem } from '#domain/desk/queue-item.ts';
import { count, logger } from '#platform/observability.ts';
import { autoAssignQueueItems } from './auto-assign-queue-items.ts';
import type { DeskSettings, QueueDeps } from './change-queue-item.ts';

/**
 * An agent just became able to take work (created, changed, available): the org's queued items
 * are offered at once. Their change is saved already and stands whatever happens here, so a
 * failure is logged and counted (`QueueOfferFailed`), not thrown; the next trigger (another
 * change, a shift start, an escalation) offers them again.
 */
export async function offerQueuedWork(
  deps: QueueDeps,
  orgId: string,
  why: { readonly agentId: string },
): Promise<readonly QueueItem[]> {
  try {
    const assigned = await autoAssignQueueItems(deps, orgId);
    count('QueueAssigned', assigned.length);
    return assigned;
  } catch (error) {
    count('QueueOfferFailed');
    logger.error('queued work could not be offered; the next trigger offers it again', {
      orgId,
      agentId: why.agentId,
      error,
    });
    return [];
  }
}

/**
 * An item just saved (made, moved, escalated) is offered at once. The save stands whatever happens
 * here, so a failure (a notice not published, a conversation write lost) is logged and counted
 * (`QueueOfferFailed`), not thrown: the next trigger offers it again. Returns the item as it ends.
 */
export async function offerSavedItem(
  deps: QueueDeps,
  item: QueueItem,
  settings?: DeskSettings,
): Promise<QueueItem> {
  try {
    const [assigned] = await autoAssignQueueItems(deps, item.orgId, {
      fresh: [item],
      onlyFresh: true,
      ...(settings ? { settings } : {}),
    });
    return assigned ?? item;
  } catch (error) {
    count('QueueOfferFailed');
    logger.error('a saved queue item could not be offered; the next trigger offers it again', {
      orgId: item.orgId,
      itemId: item.itemId,
      error,
    });
    return item;
  }
}
