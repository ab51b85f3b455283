import type { AuditTrail } from '#domain/audit/ports.ts';
import type { Conversation } from '#domain/conversations/conversation.ts';
import { resolveConversation as resolved } from '#domain/conversations/transitions.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { finishQueueItem } from './answer-queue-item.ts';
import { type ChangeOutcome, type ConversationDeps, changeConversation } from './change-conversation.ts';
import { authorOf, type ConversationActor, queueActorOf } from './conversation-actor.ts';
import type { ConversationQueueDeps } from './queue-conversation.ts';

export interface ResolveConversationDeps extends ConversationDeps, Pick<ConversationQueueDeps, 'queue'> {
  readonly audit: AuditTrail;
}

export type ResolveOutcome =
  | Exclude<ChangeOutcome, { kind: 'changed' } | { kind: 'unchanged' }>
  | { readonly kind: 'resolved'; readonly conversation: Conversation };

/**
 * A person marks the matter done: resolved (its messages expire 7 days on, its summary stays),
 * its queue item done, audited.
 */
export async function resolveConversation(
  deps: ResolveConversationDeps,
  who: ConversationActor,
  request: { readonly orgId: string; readonly conversationId: string },
): Promise<ResolveOutcome> {
  const outcome = await changeConversation(
    deps,
    request.orgId,
    request.conversationId,
    (conversation, now) =>
      resolved(conversation, { by: authorOf(who.actor), why: 'marked resolved', at: now.toISOString() }),

    who.requestId,
  );
  if (outcome.kind === 'unchanged') throw new Error('a resolution always changes the conversation');
  if (outcome.kind !== 'changed') return outcome;
  await afterResolve(deps, who, outcome.before, outcome.change.conversation);
  return { kind: 'resolved', conversation: outcome.change.conversation };
}

/** What follows any resolution, by a person or the sweep: the queue item done, the audit line. */
export async function afterResolve(
  deps: Pick<ResolveConversationDeps, 'queue' | 'audit' | 'clock'>,
  who: ConversationActor,
  before: Conversation,
  conversation: Conversation,
): Promise<void> {
  const at = new Date(conversation.resolvedAt ?? conversation.lastActivityAt);
  const itemId = queueItemId({ kind: 'conversation', conversationId: conversation.conversationId });
  // No item (nobody needed to look) is fine: there is nothing to finish.
  await finishQueueItem(deps, {
    orgId: conversation.orgId,
    itemId,
    by: queueActorOf(who.actor),
    note: 'conversation resolved',
  });
  await deps.audit.record(
    {
      orgId: conversation.orgId,
      action: 'conversation.resolved',
      actor: who.actor,
      ...(who.from ? { from: who.from } : {}),
      target: { kind: 'conversation', id: conversation.conversationId },
      before: { status: before.status },
      after: { status: conversation.status, resolvedAt: conversation.resolvedAt },
    },
    at,
  );
}
