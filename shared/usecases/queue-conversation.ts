import type { Conversation } from '#domain/conversations/conversation.ts';
import { conversationQueueRequest, escalatedHolder } from '#domain/conversations/desk-routing.ts';
import { escalateItemByRequest } from '#domain/conversations/queue-moves.ts';
import { departmentOf } from '#domain/desk/department.ts';
import { openQueueItem, queueItemId } from '#domain/desk/open-item.ts';
import type { QueueStore } from '#domain/desk/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import type { WorkflowSettingsSource } from '#domain/workflow/ports.ts';

export interface ConversationQueueDeps {
  readonly queue: QueueStore;
  /** The org's approval policy: its SLAs by urgency and its departments' chains. */
  readonly settings: WorkflowSettingsSource;
}

const ATTEMPTS = 5;

/** The conversation needs a person: its queue item, created once (its id is the conversation's). */
export async function queueConversation(
  deps: ConversationQueueDeps,
  conversation: Conversation,
  now: Date,
): Promise<'created' | 'exists'> {
  const { policy } = await deps.settings.forOrg(conversation.orgId);
  return deps.queue.create(
    openQueueItem(conversationQueueRequest(conversation), now, slaMs(policy, conversation.urgency)),
  );
}

/**
 * Escalated: the item moves one level up its department's chain (created there when the
 * conversation had none yet), read and written on its version (a lost race reads again).
 */
export async function escalateConversationItem(
  deps: ConversationQueueDeps,
  conversation: Conversation,
  move: { readonly actor: string; readonly reason: string },
  now: Date,
): Promise<QueueItem> {
  const { policy } = await deps.settings.forOrg(conversation.orgId);
  const sla = slaMs(policy, conversation.urgency);
  const itemId = queueItemId({ kind: 'conversation', conversationId: conversation.conversationId });
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const found = await deps.queue.get(conversation.orgId, itemId);
    const item = found ?? openQueueItem(conversationQueueRequest(conversation), now, sla);
    const chain = policy.chains[departmentOf(item)];
    const holderRole = escalatedHolder(chain, item.holderRole ?? conversation.routeTo);
    const escalated = escalateItemByRequest(item, { ...move, holderRole, slaMs: sla }, now);
    if (!found) {
      // A new item is created already escalated (its history says so), at version 0.
      const created = { ...escalated, version: 0 };
      if ((await deps.queue.create(created)) === 'created') return created;
    } else if ((await deps.queue.save(escalated, found.version)) === 'saved') return escalated;
  }
  throw new Error(`queue item ${itemId}: still contended after ${ATTEMPTS} attempts`);
}
