import type { AuditTrail } from '#domain/audit/ports.ts';
import type { ConversationMessage } from '#domain/conversations/conversation.ts';
import { addPersonMessage } from '#domain/conversations/transitions.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import type { QueueStore } from '#domain/desk/ports.ts';
import { takeUpQueueItem } from './answer-queue-item.ts';
import { type ChangeOutcome, type ConversationDeps, changeConversation } from './change-conversation.ts';
import { type ConversationActor, personOf } from './conversation-actor.ts';

export interface AddConversationMessageDeps extends ConversationDeps {
  readonly audit: AuditTrail;
  readonly queue: QueueStore;
}

export interface PersonMessage {
  readonly orgId: string;
  readonly conversationId: string;
  /** Unique in the conversation (the API derives it from the request). */
  readonly messageId: string;
  readonly text: string;
  readonly internal: boolean;
}

export type AddMessageOutcome =
  | Exclude<ChangeOutcome, { kind: 'changed' } | { kind: 'unchanged' }>
  | { readonly kind: 'added'; readonly message: ConversationMessage; readonly takenOverFrom?: string };

/**
 * A person's reply or internal note. A reply is outbound but waits for the email channel (nothing
 * is sent here); one that takes the conversation over from someone else (or from the AI) is
 * audited as `conversation.taken_over` as well as `conversation.replied`.
 */
export async function addConversationMessage(
  deps: AddConversationMessageDeps,
  who: ConversationActor,
  words: PersonMessage,
): Promise<AddMessageOutcome> {
  const person = personOf(who.actor);
  const outcome = await changeConversation(
    deps,
    words.orgId,
    words.conversationId,
    (conversation, now) =>
      addPersonMessage(conversation, {
        person,
        messageId: words.messageId,
        text: words.text,
        internal: words.internal,
        at: now.toISOString(),
      }),

    who.requestId,
  );
  if (outcome.kind === 'unchanged') throw new Error('a person message always changes the conversation');
  if (outcome.kind !== 'changed') return outcome;
  const { change, before } = outcome;
  const [message] = change.messages;
  if (!message) throw new Error('a person message adds one line');
  const target = { kind: 'conversation', id: words.conversationId };
  const at = new Date(message.at);
  if (change.takenOverFrom !== undefined)
    await deps.audit.record(
      {
        orgId: words.orgId,
        action: 'conversation.taken_over',
        actor: who.actor,
        ...(who.from ? { from: who.from } : {}),
        target,
        before: { assignee: before.assignee ?? null, handledBy: before.assignee ? 'person' : 'ai' },
        after: { assignee: person },
      },
      at,
    );
  if (!words.internal)
    await deps.audit.record(
      {
        orgId: words.orgId,
        action: 'conversation.replied',
        actor: who.actor,
        ...(who.from ? { from: who.from } : {}),
        target,
        after: { messageId: message.messageId, delivery: message.delivery },
      },
      at,
    );
  // A reply takes up the conversation's queue item: the replier works it now (no deadline, no
  // escalation or re-assignment of what somebody is answering), whoever the queue had given it to.
  if (!words.internal && who.actor.kind === 'key' && who.actor.agentId)
    await takeUpQueueItem(deps, {
      orgId: words.orgId,
      itemId: queueItemId({ kind: 'conversation', conversationId: words.conversationId }),
      agentId: who.actor.agentId,
    });
  return {
    kind: 'added',
    message,
    ...(change.takenOverFrom !== undefined ? { takenOverFrom: change.takenOverFrom } : {}),
  };
}
