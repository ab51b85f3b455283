import type { AuditEntry } from '#domain/audit/audit-record.ts';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import { count, logger } from './observability.ts';

/**
 * What an audit trail throws for a line it could not write, whoever wrote it (an API request,
 * the sweeper): `AuditWriteFailed` counted once, here, and the line logged in full (lines never
 * carry secrets) for an operator to restore.
 */
export function auditWriteFailure(entry: AuditEntry, cause: unknown): AuditWriteFailed {
  count('AuditWriteFailed');
  logger.error('audit line not written', { error: cause, auditEntry: entry });
  return new AuditWriteFailed(entry, { cause });
}
