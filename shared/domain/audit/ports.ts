/** Ports of the audit trail. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { AuditAction } from '#vocabulary/desk.ts';
import type { AuditEntry, AuditRecord } from './audit-record.ts';

export interface AuditFilter {
  /** At or after this instant. */
  readonly since?: string;
  /** The acting key's person (`agentId`) or key id. */
  readonly actor?: string;
  readonly action?: AuditAction;
}

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  readonly cursor?: string;
}

/** The org's append-only audit trail: records are added, never changed; they expire after 90 days. */
export interface AuditTrail {
  /** Appends one line, at `at`; returns it as stored. */
  record(entry: AuditEntry, at: Date): Promise<AuditRecord>;
  /** The org's lines, newest first, filtered; expired lines are never returned. */
  list(
    orgId: string,
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<AuditPage>;
}
