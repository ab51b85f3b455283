import type { EmailRecord } from '#domain/emails/email.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { OutboxEntry } from '#domain/messaging/outbox.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';

/** A row's place in the outbox: the message it owes, since when, how often it was re-sent. */
export interface OutboxMark {
  readonly entry: OutboxEntry;
  readonly pendingSince: string;
  readonly resends: number;
}

export interface Row<T> {
  record: T;
  outbox?: OutboxMark;
  /** A workflow's outbox give-up, kept beside the record as the table keeps it beside the item. */
  gaveUp?: { readonly at: string; readonly reason: string };
}

type WaitingRow = Row<EmailRecord> | Row<StoredEvent> | Row<Workflow>;

/**
 * The rows the in-memory twins share, as the DynamoDB adapters share one table: the email and
 * event stores put rows in the outbox, the workflow store takes them out, the pending-work twin
 * reads it. Keyed by org first, like the table. Records are copied in and out, as a database
 * would, so a caller never holds a live reference.
 */
export class InMemoryRows {
  readonly emails = new Map<string, Row<EmailRecord>>();
  readonly events = new Map<string, Row<StoredEvent>>();
  readonly workflows = new Map<string, Row<Workflow>>();

  /** Every table of rows that can wait in the outbox, with the handle the pending-work twin uses. */
  *waiting(): Generator<{ handle: string; row: WaitingRow }> {
    for (const [key, row] of this.emails) if (row.outbox) yield { handle: `EMAIL|${key}`, row };
    for (const [key, row] of this.events) if (row.outbox) yield { handle: `EVENT|${key}`, row };
    for (const [key, row] of this.workflows) if (row.outbox) yield { handle: `WORKFLOW|${key}`, row };
  }

  byHandle(handle: string): { table: string; row: WaitingRow | undefined } {
    const [table = '', ...rest] = handle.split('|');
    const key = rest.join('|');
    const tables: Record<string, Map<string, WaitingRow>> = {
      EMAIL: this.emails,
      EVENT: this.events,
      WORKFLOW: this.workflows,
    };
    return { table, row: tables[table]?.get(key) };
  }
}

export function rowKey(orgId: string, id: string): string {
  return `${orgId}|${id}`;
}

export function copy<T>(value: T): T {
  return structuredClone(value);
}

export function mark(entry: OutboxEntry, pendingSince: string): OutboxMark {
  return { entry: copy(entry), pendingSince, resends: 0 };
}
