import type { AuditEntry } from './audit-record.ts';

/**
 * An audit line that could not be written. The change it describes was already made, so whoever
 * catches this must not retry the change: the request fails loudly (503 at the HTTP edge) and
 * the entry it carries is what an operator restores.
 */
export class AuditWriteFailed extends Error {
  constructor(
    readonly entry: AuditEntry,
    options?: { cause?: unknown },
  ) {
    super(`the audit line of ${entry.action} could not be written`, options);
    this.name = 'AuditWriteFailed';
  }
}
