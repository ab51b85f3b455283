import type { AuditLineView } from '#contracts/audit.ts';
import type { AuditRecord } from '#domain/audit/audit-record.ts';

/** An audit line as admins read it: everything but the org (always theirs). */
export function auditLineView(record: AuditRecord): AuditLineView {
  return {
    auditId: record.auditId,
    at: record.at,
    action: record.action,
    actor: { ...record.actor },
    target: { ...record.target },
    ...(record.from ? { from: { ...record.from } } : {}),
    ...(record.before !== undefined ? { before: record.before } : {}),
    ...(record.after !== undefined ? { after: record.after } : {}),
    ...(record.note !== undefined ? { note: record.note } : {}),
  };
}
