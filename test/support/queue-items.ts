import { type NewQueueItem, openQueueItem } from '#domain/desk/open-item.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import type { Urgency } from '#vocabulary/classification.ts';

/** A queued item for a conversation, opened at `at` with an SLA of `slaMinutes`. */
export function queuedItem(
  orgId: string,
  conversationId: string,
  at: string,
  options: { urgency?: Urgency; skill?: string; slaMinutes?: number; preferredSkills?: string[] } = {},
): QueueItem {
  return openQueueItem(
    {
      orgId,
      source: { kind: 'conversation', conversationId },
      title: `conversation ${conversationId}`,
      urgency: options.urgency ?? 'medium',
      skill: options.skill ?? 'maintenance',
      ...(options.preferredSkills ? { preferredSkills: options.preferredSkills } : {}),
    },
    new Date(at),
    (options.slaMinutes ?? 60) * 60_000,
  );
}

/** A request for a conversation's item (medium urgency, maintenance), with `fields` over it. */
export function conversationWork(
  orgId: string,
  conversationId: string,
  fields: Partial<NewQueueItem> = {},
): NewQueueItem {
  return {
    orgId,
    source: { kind: 'conversation', conversationId },
    title: `conversation ${conversationId}`,
    urgency: 'medium',
    skill: 'maintenance',
    ...fields,
  };
}
