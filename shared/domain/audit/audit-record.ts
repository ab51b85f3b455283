import type { AuditAction } from '#vocabulary/desk.ts';
import type { ResponseLinkPurposeName } from '#vocabulary/workflows.ts';

/**
 * One line of the org's append-only audit trail: who did what, when, from where, and — where a
 * thing changed — what it was before and after. Never updated; kept 90 days (RETENTION.historyDays).
 */
export interface AuditRecord {
  readonly orgId: string;
  /** Sorts by time: `<at>#<random>`-like, unique within the org. */
  readonly auditId: string;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: AuditActor;
  /** What was acted on, e.g. `{ kind: 'api_key', id }`, `{ kind: 'workflow', id }`. */
  readonly target: { readonly kind: string; readonly id: string };
  /** Where the request came from: the caller's address and user agent, when known. */
  readonly from?: { readonly ip?: string; readonly userAgent?: string };
  /** The state before and after, for changes (no secrets: a key's hash or a secret is never here). */
  readonly before?: unknown;
  readonly after?: unknown;
  /** A short reason or comment the actor gave. */
  readonly note?: string;
}

/**
 * Who acted: the key, and the person it belongs to; `system` for the platform's own rules; `link`
 * for an owner or vendor answering through a signed response link (no key): the link by its id
 * (a hash of the token, never the token) and the person it was sent to, when the link names one.
 */
export type AuditActor =
  | { readonly kind: 'key'; readonly keyId: string; readonly agentId?: string }
  | { readonly kind: 'system'; readonly name: string }
  | {
      readonly kind: 'link';
      readonly purpose: ResponseLinkPurposeName;
      readonly linkId: string;
      readonly recipient?: string;
    };

/** Whether `who` (an `actor=` filter) names this actor: a key or its person, a link or its recipient. */
export function actedAs(actor: AuditActor, who: string): boolean {
  switch (actor.kind) {
    case 'key':
      return actor.keyId === who || actor.agentId === who;
    case 'link':
      return actor.linkId === who || actor.recipient === who;
    case 'system':
      return false;
  }
}

/** What one audit line says; the trail gives it its id and time. */
export type AuditEntry = Omit<AuditRecord, 'auditId' | 'at' | 'orgId'> & { readonly orgId: string };

/**
 * The line an entry becomes at `at`: its id sorts by time, `nonce` (random, from the trail) keeps
 * two lines of the same millisecond apart.
 */
export function auditRecordOf(entry: AuditEntry, at: Date, nonce: string): AuditRecord {
  const when = at.toISOString();
  return { ...entry, auditId: `${when}#${nonce}`, at: when };
}
