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

/** DynamoDB deletes expired items lazily (within days): every read drops what is past its time. */
export function isExpired(expiresAt: string | undefined, now: Date): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime();
}

function after(at: string, ms: number): string {
  return new Date(Date.parse(at) + ms).toISOString();
}
