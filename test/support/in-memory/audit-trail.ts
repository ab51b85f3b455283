import { randomBytes } from 'node:crypto';
import type { AuditEntry, AuditRecord } from '#domain/audit/audit-record.ts';
import type { AuditFilter, AuditPage, AuditTrail } from '#domain/audit/ports.ts';
import { auditKept } from '#domain/audit/retention.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { copy } from './rows.ts';

/**
 * The in-memory twin of DynamoAuditTrail: lines only appended, listed newest first by id
 * (`<at>#<random>`), expired ones never answered, cursors refused outside the org and range.
 */
export class InMemoryAuditTrail implements AuditTrail {
  readonly #lines: AuditRecord[] = [];

  async record(entry: AuditEntry, at: Date): Promise<AuditRecord> {
    const when = at.toISOString();
    const record: AuditRecord = {
      ...copy(entry),
      auditId: `${when}#${randomBytes(6).toString('hex')}`,
      at: when,
    };
    this.#lines.push(copy(record));
    return record;
  }

  async list(
    orgId: string,
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<AuditPage> {
    const before = decodeCursor(page.cursor, orgId, filter.since);
    const matching = this.#lines
      .filter(
        (line) =>
          line.orgId === orgId &&
          auditKept(line.at, now) &&
          (filter.since === undefined || line.auditId >= filter.since) &&
          (before === undefined || line.auditId < before) &&
          (filter.action === undefined || line.action === filter.action) &&
          (filter.actor === undefined ||
            (line.actor.kind === 'key' &&
              (line.actor.keyId === filter.actor || line.actor.agentId === filter.actor))),
      )
      .sort((a, b) => (a.auditId < b.auditId ? 1 : -1));
    const records = matching.slice(0, page.limit).map(copy);
    const last = records.at(-1);
    return matching.length > page.limit && last
      ? { records, cursor: Buffer.from(`${orgId}|${last.auditId}`).toString('base64url') }
      : { records };
  }
}

function decodeCursor(
  cursor: string | undefined,
  orgId: string,
  since: string | undefined,
): string | undefined {
  if (cursor === undefined) return undefined;
  const [org, position = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    org !== orgId ||
    !/^\d{4}-\d\d-\d\dT[^#]+#[0-9a-f]+$/.test(position) ||
    (since !== undefined && position < since)
  )
    throw new InvalidCursorError();
  return position;
}
