import { RETENTION } from '#vocabulary/desk.ts';
import type { Conversation } from './conversation.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When a conversation without further activity resolves itself: 24 h after its last activity,
 * while it is not resolved. Its place in the due index (family `conversation`) moves with each activity.
 */
export function autoResolveAt(conversation: Conversation): string | undefined {
  if (conversation.status === 'resolved') return undefined;
  return after(conversation.lastActivityAt, RETENTION.autoResolveHours * HOUR_MS);
}

/** When a resolved conversation's messages are deleted: 7 days after it resolved (its summary stays). */
export function messagesExpireAt(conversation: Conversation): string | undefined {
  if (conversation.status !== 'resolved' || conversation.resolvedAt === undefined) return undefined;
  return after(conversation.resolvedAt, RETENTION.messagesAfterResolveDays * DAY_MS);
}

/**
 * Its messages do not yet carry the TTL its status asks: resolved, they must expire 7 days on;
 * reopened, their TTL must be lifted. True from the write that changed the status until the store
 * has marked the messages and recorded it (`messagesTtl`).
 */
export function messagesTtlOwed(conversation: Conversation): boolean {
  return messagesExpireAt(conversation) !== conversation.messagesTtl;
}

/**
 * A resolved conversation reopened: its messages owe the lifting of the TTL they may carry. One
 * resolved before the store recorded `messagesTtl` has none recorded though its messages were
 * stamped: the TTL its resolve gave them is recorded in its stead, so the reopening write owes the
 * lifting (and the sweep settles it if that write's settlement is lost).
 */
export function reopen(conversation: Conversation): Conversation {
  const { resolvedAt: _resolved, messagesTtl: recorded, ...open } = conversation;
  const carried = recorded ?? messagesExpireAt(conversation);
  return { ...open, status: 'open', ...(carried === undefined ? {} : { messagesTtl: carried }) };
}

/** The write that changes the status settles its messages' TTL at once; the sweep steps in after this. */
const SETTLE_GRACE_MS = 5 * 60_000;

/**
 * Its entry in the due index (family `conversation`): while its messages owe their TTL (the write
 * that owed it failed or crashed before marking them), a few minutes after that change, for the
 * sweep to settle; otherwise when it auto-resolves (none once resolved and settled).
 */
export function conversationDueAt(conversation: Conversation): string | undefined {
  if (messagesTtlOwed(conversation)) return after(conversation.lastActivityAt, SETTLE_GRACE_MS);
  return autoResolveAt(conversation);
}

/** DynamoDB deletes expired items lazily (within days): every read drops what is past its time. */
export function isExpired(expiresAt: string | undefined, now: Date): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime();
}

function after(at: string, ms: number): string {
  return new Date(Date.parse(at) + ms).toISOString();
}
