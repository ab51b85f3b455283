import type { Conversation } from '#domain/conversations/conversation.ts';
import { conversationQueueRequest, escalatedHolder } from '#domain/conversations/desk-routing.ts';
import { escalateItemByRequest } from '#domain/conversations/queue-moves.ts';
import { departmentOf } from '#domain/desk/department.ts';
import { openQueueItem, queueItemId } from '#domain/desk/open-item.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import { deskSettingsOf, type QueueDeps } from './change-queue-item.ts';
import { enqueueWork } from './enqueue-work.ts';
import { offerSavedItem } from './offer-queued-work.ts';

/** The queue's deps: a conversation's item is offered to the org's agents the moment it is made or moved. */
export type ConversationQueueDeps = QueueDeps;

const ATTEMPTS = 5;

/**
 * The conversation needs a person: its queue item, created once (its id is the conversation's)
 * and given at once to an eligible agent, who becomes the conversation's assignee.
 */
export async function queueConversation(
  deps: ConversationQueueDeps,
  conversation: Conversation,
): Promise<'created' | 'exists'> {
  return (await enqueueWork(deps, conversationQueueRequest(conversation))).outcome;
}

/**
 * Escalated: the item moves one level up its department's chain (created there when the
 * conversation had none yet), read and written on its version (a lost race reads again), and is
 * offered at once to someone there: best-effort, the escalation stands (and is audited) if the
 * offer fails.
 */
export async function escalateConversationItem(
  deps: ConversationQueueDeps,
  conversation: Conversation,
  move: { readonly actor: string; readonly reason: string },
  now: Date,
): Promise<QueueItem> {
  const settings = await deskSettingsOf(deps, conversation.orgId);
  const { policy } = settings;
  const sla = slaMs(policy, conversation.urgency);
  const itemId = queueItemId({ kind: 'conversation', conversationId: conversation.conversationId });
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const found = await deps.queue.get(conversation.orgId, itemId);
    const item = found ?? openQueueItem(conversationQueueRequest(conversation), now, sla);
    const chain = policy.chains[departmentOf(item)];
    const holderRole = escalatedHolder(chain, item.holderRole ?? conversation.routeTo);
    const escalated = escalateItemByRequest(item, { ...move, holderRole, slaMs: sla }, now);
    // A new item is created already escalated (its history says so), at version 0.
    const written = found ? escalated : { ...escalated, version: 0 };
    const stored = found
      ? (await deps.queue.save(written, found.version)) === 'saved'
      : (await deps.queue.create(written)) === 'created';
    if (!stored) continue;
    return offerSavedItem(deps, written, settings);
  }
  throw new Error(`queue item ${itemId}: still contended after ${ATTEMPTS} attempts`);
}
