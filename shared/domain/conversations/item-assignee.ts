import type { QueueItem } from '../desk/queue-item.ts';
import type { Conversation } from './conversation.ts';
import type { ConversationChanged } from './transitions.ts';

/**
 * The conversation's assignee follows its queue item, the source of truth: an item assigned to
 * an agent makes them the conversation's assignee. Nothing else moves it: an item back in the
 * queue (transferred to a skill, escalated) leaves the last person named until the next one is
 * chosen — the thread keeps a person to ask meanwhile. Setting the assignee it has is no change,
 * and a resolved conversation is left as it is. Not activity: the 24-hour clock is untouched.
 */
export function followItemAssignee(
  conversation: Conversation,
  item: Pick<QueueItem, 'status' | 'assignee'>,
): ConversationChanged | undefined {
  if (item.status !== 'assigned' || item.assignee === undefined) return undefined;
  if (conversation.status === 'resolved' || conversation.assignee === item.assignee) return undefined;
  return {
    kind: 'changed',
    conversation: { ...conversation, assignee: item.assignee, version: conversation.version + 1 },
    messages: [],
  };
}
