import type { AuditTrail } from '#domain/audit/ports.ts';
import type { Conversation } from '#domain/conversations/conversation.ts';
import { escalateConversation as escalated } from '#domain/conversations/transitions.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { type ChangeOutcome, type ConversationDeps, changeConversation } from './change-conversation.ts';
import { authorOf, type ConversationActor, queueActorOf } from './conversation-actor.ts';
import { type ConversationQueueDeps, escalateConversationItem } from './queue-conversation.ts';

export interface EscalateConversationDeps extends ConversationDeps, ConversationQueueDeps {
  readonly audit: AuditTrail;
}

export type EscalateOutcome =
  | Exclude<ChangeOutcome, { kind: 'changed' } | { kind: 'unchanged' }>
  | { readonly kind: 'escalated'; readonly conversation: Conversation; readonly item: QueueItem };

/**
 * Someone asks for more authority: the conversation is `escalated` (a system line says who and
 * why), its queue item moves one level up its department's chain (or is created there), audited.
 */
export async function escalateConversation(
  deps: EscalateConversationDeps,
  who: ConversationActor,
  request: { readonly orgId: string; readonly conversationId: string; readonly reason: string },
): Promise<EscalateOutcome> {
  const outcome = await changeConversation(
    deps,
    request.orgId,
    request.conversationId,
    (conversation, now) =>
      escalated(conversation, { by: authorOf(who.actor), reason: request.reason, at: now.toISOString() }),

    who.requestId,
  );
  if (outcome.kind === 'unchanged') throw new Error('an escalation always changes the conversation');
  if (outcome.kind !== 'changed') return outcome;
  const { conversation } = outcome.change;
  const at = new Date(conversation.lastActivityAt);
  const item = await escalateConversationItem(
    deps,
    conversation,
    { actor: queueActorOf(who.actor), reason: request.reason },
    at,
  );
  await deps.audit.record(
    {
      orgId: request.orgId,
      action: 'conversation.escalated',
      actor: who.actor,
      ...(who.from ? { from: who.from } : {}),
      target: { kind: 'conversation', id: request.conversationId },
      before: { status: outcome.before.status },
      after: { status: conversation.status, holderRole: item.holderRole ?? null, queueItemId: item.itemId },
      note: request.reason,
    },
    at,
  );
  return { kind: 'escalated', conversation, item };
}
