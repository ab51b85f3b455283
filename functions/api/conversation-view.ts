import type {
  ConversationMessageView,
  ConversationSummary,
  ConversationView,
} from '#contracts/conversations.ts';
import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';

export function conversationSummary(c: Conversation): ConversationSummary {
  return {
    conversationId: c.conversationId,
    subject: c.subject,
    summary: c.summary,
    contact: c.contact.rentvine
      ? { address: c.contact.address, rentvine: c.contact.rentvine }
      : { address: c.contact.address },
    emailIds: [...c.emailIds],
    ...(c.workflowId ? { workflowId: c.workflowId } : {}),
    ...(c.category ? { category: c.category } : {}),
    urgency: c.urgency,
    ...(c.language ? { language: c.language } : {}),
    status: c.status,
    ...(c.assignee ? { assignee: c.assignee } : {}),
    lastActivityAt: c.lastActivityAt,
    ...(c.resolvedAt ? { resolvedAt: c.resolvedAt } : {}),
    createdAt: c.createdAt,
  };
}

export function conversationMessageView(m: ConversationMessage): ConversationMessageView {
  return {
    messageId: m.messageId,
    at: m.at,
    kind: m.kind,
    author: m.author.id === undefined ? { kind: m.author.kind } : { kind: m.author.kind, id: m.author.id },
    text: m.text,
    internal: m.internal,
    ...(m.delivery ? { delivery: m.delivery } : {}),
  };
}

export function conversationView(
  c: Conversation,
  messages: readonly ConversationMessage[],
): ConversationView {
  return { ...conversationSummary(c), messages: messages.map(conversationMessageView) };
}
