import { followItemAssignee } from '#domain/conversations/item-assignee.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import type { QueueStore } from '#domain/desk/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { type ConversationDeps, changeConversation } from './change-conversation.ts';

export interface FollowDeps extends ConversationDeps {
  readonly queue: Pick<QueueStore, 'get'>;
  readonly conversations: ConversationStore;
}

/**
 * A conversation's queue item was given to someone: the conversation's `assignee` follows it,
 * through the conversation's versioned change. The item is read again first and followed as it
 * is now, so two hand-overs in quick succession leave the conversation with the later one
 * whichever finishes last; a repeat changes nothing.
 */
export async function followConversationItem(deps: FollowDeps, changed: QueueItem): Promise<void> {
  if (changed.source.kind !== 'conversation') return;
  const item = await deps.queue.get(changed.orgId, changed.itemId);
  if (!item) return;
  await changeConversation(deps, item.orgId, changed.source.conversationId, (conversation) =>
    followItemAssignee(conversation, item),
  );
}
