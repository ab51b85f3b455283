import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';
import { conversationDueAt } from '#domain/conversations/retention.ts';
import { keys } from './keys.ts';

/**
 * The layout of conversations on the main table, all in the org's partition:
 * the conversation `CONV#<id>` (in the org's GSI1 listing by creation, and in the due index while
 * unresolved or while its messages owe their TTL) and each message
 * `CONV#<id>#MSG#<at>#<messageId>`, so a query on the prefix reads the thread oldest first. A
 * message's TTL is `expiresAt` in epoch seconds.
 */
export const conversationKeys = {
  conversation: (orgId: string, conversationId: string) => ({
    PK: keys.org(orgId),
    SK: `CONV#${conversationId}`,
  }),
  messagePrefix: (conversationId: string) => `CONV#${conversationId}#MSG#`,
  message: (message: Pick<ConversationMessage, 'orgId' | 'conversationId' | 'at' | 'messageId'>) => ({
    PK: keys.org(message.orgId),
    SK: `${conversationKeys.messagePrefix(message.conversationId)}${message.at}#${message.messageId}`,
  }),
  listing: (orgId: string) => `${keys.org(orgId)}#CONVERSATIONS`,
};

export function conversationItem(conversation: Conversation): Record<string, unknown> {
  const { orgId, conversationId } = conversation;
  const due = conversationDueAt(conversation);
  return {
    ...conversation,
    ...conversationKeys.conversation(orgId, conversationId),
    GSI1PK: conversationKeys.listing(orgId),
    GSI1SK: `${conversation.createdAt}#${conversationId}`,
    ...(due ? keys.due(orgId, conversationId, new Date(due).toISOString(), 'conversation') : {}),
  };
}

export function messageItem(message: ConversationMessage): Record<string, unknown> {
  const { expiresAt, ...rest } = message;
  return {
    ...rest,
    ...conversationKeys.message(message),
    ...(expiresAt ? { expiresAt: ttlSeconds(expiresAt) } : {}),
  };
}

/** The message as stored: its TTL back as an instant. */
export function messageOf(item: Record<string, unknown>): ConversationMessage {
  const { PK: _pk, SK: _sk, expiresAt, ...message } = item;
  return {
    ...(message as unknown as ConversationMessage),
    ...(typeof expiresAt === 'number' ? { expiresAt: new Date(expiresAt * 1000).toISOString() } : {}),
  };
}

/** DynamoDB's TTL is in whole seconds: rounded up, so nothing expires before its time. */
export function ttlSeconds(at: string): number {
  return Math.ceil(Date.parse(at) / 1000);
}
