/** Ports of conversations. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { ConversationStatus } from '#vocabulary/desk.ts';
import type { Conversation, ConversationMessage } from './conversation.ts';

export interface ConversationFilter {
  readonly status?: ConversationStatus;
  readonly assignee?: string;
}

export interface ConversationPage {
  readonly conversations: readonly Conversation[];
  /** Opaque; absent on the last page. */
  readonly cursor?: string;
}

/**
 * Conversations, one item each with a version, and their messages, items of their own beside it.
 * Every write keeps the due index true (family `conversation`, retention.ts `conversationDueAt`: an
 * unresolved conversation is due 24 h after its last activity, one whose messages owe their TTL a
 * few minutes after the change). Reads at `now` never return an expired message.
 */
export interface ConversationStore {
  /** Creates it with its first messages if absent: a second create of the same id changes nothing. */
  create(conversation: Conversation, messages: readonly ConversationMessage[]): Promise<'created' | 'exists'>;
  get(orgId: string, conversationId: string): Promise<Conversation | undefined>;
  /**
   * Writes `next` if the stored version is still `expectedVersion`, with the messages it adds
   * (a message already stored under its id stays as it is).
   */
  save(
    next: Conversation,
    expectedVersion: number,
    added: readonly ConversationMessage[],
  ): Promise<'saved' | 'conflict'>;
  /**
   * Settles what its messages owe (retention.ts `messagesTtlOwed`): marks every message to expire
   * when the stored conversation asks (`messagesExpireAt`: its TTL, DynamoDB deletes it some time
   * after) or, not resolved, lifts the mark from those not yet expired at `now`; then records it on
   * the conversation (`messagesTtl`, one version up: a writer that read before conflicts), which
   * leaves the due index unless it has a deadline of its own. Owing nothing, it does nothing; a repeat sets the same TTL; a change of
   * the conversation meanwhile is followed (its messages marked again for the newer status).
   */
  settleMessagesTtl(orgId: string, conversationId: string, now: Date): Promise<void>;
  /**
   * Its messages at `now`, oldest first. None once the conversation has been resolved 7 days
   * (whatever the marks say), and never a message past its own mark.
   */
  messages(orgId: string, conversationId: string, now: Date): Promise<readonly ConversationMessage[]>;
  /** The org's conversations, newest first, filtered. */
  list(
    orgId: string,
    filter: ConversationFilter,
    page: { limit: number; cursor?: string },
  ): Promise<ConversationPage>;
  /** Conversations of every org due to auto-resolve at `at` or before, earliest first. */
  due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }>;
}
