import type { QueueItemView } from '#contracts/queue.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';

/** The item as `/v1/queue` shows it: everything but its org, version and internal times. */
export function queueItemView(item: QueueItem): QueueItemView {
  const { orgId: _orgId, version: _version, doneAt: _doneAt, preferredSkills, history, ...view } = item;
  return {
    ...view,
    history: [...history],
    ...(preferredSkills ? { preferredSkills: [...preferredSkills] } : {}),
  };
}
