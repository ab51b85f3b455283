import { randomBytes } from 'node:crypto';
import { type AuditEntry, type AuditRecord, actedAs, auditRecordOf } from '#domain/audit/audit-record.ts';
import type { AuditFilter, AuditPage, AuditTrail } from '#domain/audit/ports.ts';
import { auditKept } from '#domain/audit/retention.ts';
import { auditWriteFailure } from '#platform/audit-write-failure.ts';
import { decodePositionCursor, encodePositionCursor } from './position-cursor.ts';
import { copy } from './rows.ts';

/**
 * The in-memory twin of DynamoAuditTrail: lines only appended, listed newest first by id
 * (`<at>#<random>`), expired ones never answered, cursors refused outside the org and range.
 * `failWrites()` makes every later write fail as the adapter's does (AuditWriteFailed, counted).
 */
export class InMemoryAuditTrail implements AuditTrail {
  readonly #lines: AuditRecord[] = [];
  #failing = false;

  /** From now on (or again, with `false`), no line can be written: the table is unreachable. */
  failWrites(failing = true): void {
    this.#failing = failing;
  }

  async record(entry: AuditEntry, at: Date, lineKey?: string): Promise<AuditRecord> {
    if (this.#failing) throw auditWriteFailure(entry, new Error('the audit trail is unreachable'));
    const record = auditRecordOf(copy(entry), at, lineKey ?? randomBytes(6).toString('hex'));
    const written = this.#lines.some(
      (line) => line.orgId === record.orgId && line.auditId === record.auditId,
    );
    if (!written) this.#lines.push(copy(record));
    return record;
  }

  async list(
    orgId: string,
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<AuditPage> {
    const before = decodePositionCursor(
      page.cursor,
      orgId,
      /^\d{4}-\d\d-\d\dT[^#]+#[0-9a-f]+$/,
      filter.since,
    );
    const matching = this.#lines
      .filter(
        (line) =>
          line.orgId === orgId &&
          auditKept(line.at, now) &&
          (filter.since === undefined || line.auditId >= filter.since) &&
          (before === undefined || line.auditId < before) &&
          (filter.action === undefined || line.action === filter.action) &&
          (filter.actor === undefined || actedAs(line.actor, filter.actor)),
      )
      .sort((a, b) => (a.auditId < b.auditId ? 1 : -1));
    const records = matching.slice(0, page.limit).map(copy);
    const last = records.at(-1);
    return matching.length > page.limit && last
      ? { records, cursor: encodePositionCursor(orgId, last.auditId) }
      : { records };
  }
}
