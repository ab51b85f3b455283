/** Ports of the audit trail. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { AuditAction } from '#vocabulary/desk.ts';
import type { AuditEntry, AuditRecord } from './audit-record.ts';

export interface AuditFilter {
  /** At or after this instant. */
  readonly since?: string;
  /** The acting key's person (`agentId`) or key id; a link's id or the person it was sent to. */
  readonly actor?: string;
  readonly action?: AuditAction;
}

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  readonly cursor?: string;
}

/** The org's append-only audit trail: records are added, never changed; they expire after 90 days. */
export interface AuditTrail {
  /**
   * Appends one line, at `at`; returns it as stored. A line that cannot be written throws
   * `AuditWriteFailed` carrying the entry (counted and logged in full by the trail), never
   * another error: every caller fails the same way. With `lineKey` (lower-case hex) the line's id
   * is `at` and that key, not random: a line recorded again with both the same is not written
   * twice (for a writer that cannot tell whether an earlier attempt wrote it); returned as built.
   */
  record(entry: AuditEntry, at: Date, lineKey?: string): Promise<AuditRecord>;
  /** The org's lines, newest first, filtered; expired lines are never returned. */
  list(
    orgId: string,
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<AuditPage>;
}
