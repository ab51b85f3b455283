import type { StoredEvent } from '#domain/inbox/stored-event.ts';

/** A Rentvine delivery as the webhook ingest stores it: verified, waiting for the processor. */
export function receivedEvent(orgId: string, eventId: string, body: object, receivedAt: string): StoredEvent {
  return {
    orgId,
    eventId,
    eventKey: eventId,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt,
    rawBody: JSON.stringify(body),
    headers: {},
    status: 'received',
  };
}
