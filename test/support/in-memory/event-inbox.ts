import type { EventInbox, EventQuery } from '#domain/inbox/ports.ts';
import { InvalidCursorError, type StoredEvent } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { copy, type InMemoryRows, mark, rowKey } from './rows.ts';

/** The in-memory twin of DynamoEventInbox (test/integration/contracts proves them alike). */
export class InMemoryEventInbox implements EventInbox {
  constructor(private readonly rows: InMemoryRows) {}

  async store(event: StoredEvent) {
    const key = rowKey(event.orgId, event.eventId);
    const existing = this.rows.events.get(key);
    if (existing) return { stored: false as const, existing: copy(existing.record) };
    this.rows.events.set(key, {
      record: copy(event),
      ...(event.status === 'received'
        ? { outbox: mark(eventsEntry(event.orgId, event.eventId, event.attempt ?? 0), event.receivedAt) }
        : {}),
    });
    return { stored: true as const };
  }

  async get(orgId: string, eventId: string): Promise<StoredEvent | undefined> {
    const row = this.rows.events.get(rowKey(orgId, eventId));
    return row ? copy(row.record) : undefined;
  }

  async settle(
    orgId: string,
    eventId: string,
    outcome: Parameters<EventInbox['settle']>[2],
  ): Promise<boolean> {
    const row = this.rows.events.get(rowKey(orgId, eventId));
    // The conditional settle: only out of `received`, once.
    if (row?.record.status !== 'received') return false;
    const { next, at, ...fields } = outcome;
    row.record = { ...row.record, ...copy(fields), processedAt: at };
    row.outbox = next ? mark(next, at) : undefined;
    return true;
  }

  async reopen(orgId: string, eventId: string, at: string): Promise<number | undefined> {
    const row = this.rows.events.get(rowKey(orgId, eventId));
    if (!row) return undefined;
    if (row.record.status === 'received') return row.record.attempt ?? 0;
    const attempt = (row.record.attempt ?? 0) + 1;
    const { reason: _reason, processedAt: _processedAt, trigger: _trigger, ...kept } = row.record;
    row.record = { ...kept, status: 'received', attempt };
    row.outbox = mark(eventsEntry(orgId, eventId, attempt), at);
    return attempt;
  }

  async list(orgId: string, query: EventQuery): Promise<{ events: StoredEvent[]; cursor?: string }> {
    const listed = [...this.rows.events.values()]
      .map((row) => row.record)
      .filter((event) => event.orgId === orgId)
      .map((event) => ({ event, position: `${event.receivedAt}#${event.eventId}` }))
      .filter(({ position }) => query.since === undefined || position >= query.since)
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    const after = decodeCursor(query.cursor, query.since);
    const matching = listed.filter(
      ({ event, position }) =>
        (after === undefined || position > after) &&
        (query.status === undefined || event.status === query.status) &&
        (query.type === undefined || event.eventType === query.type),
    );
    const page = matching.slice(0, query.limit);
    const last = page.at(-1);
    return matching.length > query.limit && last
      ? {
          events: page.map(({ event }) => copy(event)),
          cursor: Buffer.from(last.position).toString('base64url'),
        }
      : { events: page.map(({ event }) => copy(event)) };
  }
}

function eventsEntry(orgId: string, eventId: string, attempt: number) {
  return outboxEntry('events', { orgId, eventId, attempt });
}

/** Like the DynamoDB cursor: refused unless it is a position inside the query's range. */
function decodeCursor(cursor: string | undefined, since: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d\d-\d\dT[^#]+#evt_/.test(position) || (since !== undefined && position < since))
    throw new InvalidCursorError();
  return position;
}
