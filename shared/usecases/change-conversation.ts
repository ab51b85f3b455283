import type { Clock } from '#domain/clock.ts';
import type { Conversation } from '#domain/conversations/conversation.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import { messagesTtlOwed } from '#domain/conversations/retention.ts';
import type {
  ConversationChange,
  ConversationChanged,
  ConversationRefusal,
} from '#domain/conversations/transitions.ts';
import { count, logger } from '#platform/observability.ts';

export interface ConversationDeps {
  readonly conversations: ConversationStore;
  readonly clock: Clock;
}

export type ChangeOutcome =
  | { readonly kind: 'changed'; readonly before: Conversation; readonly change: ConversationChanged }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'refused'; readonly reason: ConversationRefusal }
  /** The rule found nothing to do (the sweep: activity since it fell due). */
  | { readonly kind: 'unchanged'; readonly conversation: Conversation }
  /** The request was applied before (a retry): nothing changed now. */
  | { readonly kind: 'duplicate'; readonly conversation: Conversation };

/** Requests remembered per conversation: far more than any client retries one. */
const REMEMBERED_REQUESTS = 50;

/** Lost races are re-read and decided again; a handful is plenty for people and one sweeper. */
const ATTEMPTS = 5;

/**
 * Reads the conversation, lets `decide` change it, writes the change on the version read (a lost
 * race reads again), then keeps its messages' TTL in step: resolved, they expire 7 days on;
 * reopened, that is lifted. A request with an id is applied once: its id is written with the
 * change, so a retry (even one racing the first) finds it and changes nothing.
 */
export async function changeConversation(
  deps: ConversationDeps,
  orgId: string,
  conversationId: string,
  decide: (conversation: Conversation, now: Date) => ConversationChange | undefined,
  requestId?: string,
): Promise<ChangeOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const before = await deps.conversations.get(orgId, conversationId);
    if (!before) return { kind: 'not_found' };
    if (requestId !== undefined && before.appliedRequests?.includes(requestId))
      return { kind: 'duplicate', conversation: before };
    const now = deps.clock.now();
    const decided = decide(before, now);
    if (!decided) return { kind: 'unchanged', conversation: before };
    if (decided.kind === 'refused') return decided;
    const change = requestId === undefined ? decided : remembering(decided, requestId);
    const saved = await deps.conversations.save(change.conversation, before.version, change.messages);
    if (saved === 'conflict') continue;
    await keepRetention(deps, change.conversation, now);
    return { kind: 'changed', before, change };
  }
  throw new Error(`conversation ${conversationId}: still contended after ${ATTEMPTS} attempts`);
}

/**
 * The messages' TTL follows the conversation's status: set on resolve, lifted on reopen. Best
 * effort: the change is saved already and its caller has more to do (finish the queue item, write
 * the audit line), and what is left owed here keeps the conversation in the due index, for the
 * sweep to settle a few minutes on.
 */
export async function keepRetention(deps: ConversationDeps, after: Conversation, now: Date): Promise<void> {
  if (!messagesTtlOwed(after)) return;
  try {
    await deps.conversations.settleMessagesTtl(after.orgId, after.conversationId, now);
  } catch (error) {
    count('MessagesTtlDeferred');
    logger.warn("the messages' TTL was not settled; the conversation sweep settles it", {
      orgId: after.orgId,
      conversationId: after.conversationId,
      error,
    });
  }
}

function remembering(change: ConversationChanged, requestId: string): ConversationChanged {
  const applied = [...(change.conversation.appliedRequests ?? []), requestId].slice(-REMEMBERED_REQUESTS);
  return { ...change, conversation: { ...change.conversation, appliedRequests: applied } };
}
