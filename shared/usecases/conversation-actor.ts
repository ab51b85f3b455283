import type { AuditActor, AuditEntry } from '#domain/audit/audit-record.ts';
import type { ConversationAuthor } from '#domain/conversations/conversation.ts';

/** Who works the desk: a key (and its person) or the platform's own rules; never a response link. */
export type DeskActor = Extract<AuditActor, { kind: 'key' | 'system' }>;

/** Who acts on a conversation, as the audit trail names them, and where the request came from. */
export interface ConversationActor {
  readonly actor: DeskActor;
  readonly from?: AuditEntry['from'];
  /** The request's own id (the key and its `Idempotency-Key`): a retried request changes nothing more. */
  readonly requestId?: string;
}

/** The person a key acts as: its agent, else the key itself. */
export function personOf(actor: DeskActor): string {
  return actor.kind === 'key' ? (actor.agentId ?? actor.keyId) : actor.name;
}

/** The author of the lines they write into the thread. */
export function authorOf(actor: DeskActor): ConversationAuthor {
  return actor.kind === 'key' ? { kind: 'agent', id: personOf(actor) } : { kind: 'system', id: actor.name };
}

/** The queue history's actor: `agent:<id>`, `key:<id>` or `system`. */
export function queueActorOf(actor: DeskActor): string {
  if (actor.kind === 'system') return 'system';
  return actor.agentId ? `agent:${actor.agentId}` : `key:${actor.keyId}`;
}
