import type { RoleName } from '#vocabulary/access.ts';
import type { Category, Urgency } from '#vocabulary/classification.ts';
import type {
  ConversationAuthorKind,
  ConversationMessageKind,
  ConversationStatus,
  ReplyDeliveryStatus,
} from '#vocabulary/desk.ts';

/**
 * The thread of one matter: what the contact wrote, what the AI drafted and found, what people
 * replied and noted. The conversation is one item with a version (its summary, links and state);
 * its messages are items of their own beside it, each written once by its id.
 */
export interface Conversation {
  readonly orgId: string;
  /** Derived from what opened it (conversationIdOf): a redelivered opening opens nothing new. */
  readonly conversationId: string;
  readonly subject: string;
  /** Triage's one-sentence summary: it stays when the messages are deleted. */
  readonly summary: string;
  readonly contact: ConversationContact;
  /** The inbound emails of the thread, oldest first. */
  readonly emailIds: readonly string[];
  readonly workflowId?: string;
  readonly category?: Category;
  readonly urgency: Urgency;
  /** The language triage read (`es` prefers an agent who speaks Spanish). */
  readonly language?: string;
  /** The role the message was routed to: where its queue item starts. */
  readonly routeTo?: RoleName;
  readonly status: ConversationStatus;
  /** The person working it (an agent id, or the key id of a key without one); absent while the AI alone handles it. */
  readonly assignee?: string;
  readonly lastActivityAt: string;
  readonly resolvedAt?: string;
  /**
   * The TTL its messages were last given, recorded by the store once they carry it (absent: none).
   * While it differs from what the status asks (retention.ts `messagesTtlOwed`) the messages still
   * owe it, and the conversation sweep settles it: a crash after the status change loses nothing.
   */
  readonly messagesTtl?: string;
  readonly createdAt: string;
  /** People's requests already applied (their `Idempotency-Key`s), newest last, bounded: a retry changes nothing. */
  readonly appliedRequests?: readonly string[];
  /** Each write is conditional on the version read. */
  readonly version: number;
}

/** Who wrote: their address, and their Rentvine contact when the sender is identified. */
export interface ConversationContact {
  readonly address: string;
  readonly rentvine?: { readonly kind: 'tenant' | 'owner' | 'vendor'; readonly id: string };
}

export interface ConversationAuthor {
  readonly kind: ConversationAuthorKind;
  /** The agent (or key) for `agent`, the rule for `system`, the model for `ai`. */
  readonly id?: string;
}

export interface ConversationMessage {
  readonly orgId: string;
  readonly conversationId: string;
  /** Unique in the conversation; derived from its source where it has one (the email id), so it is written once. */
  readonly messageId: string;
  readonly at: string;
  readonly kind: ConversationMessageKind;
  readonly author: ConversationAuthor;
  readonly text: string;
  /** A note, a finding, a draft: never sent to anyone. */
  readonly internal: boolean;
  /** A reply's: nothing is sent until the email channel (issue 13) takes it. */
  readonly delivery?: ReplyDeliveryStatus;
  /** After this instant the message is gone (its conversation resolved 7 days before); reads drop it. */
  readonly expiresAt?: string;
}
