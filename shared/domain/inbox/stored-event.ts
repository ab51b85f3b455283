import type { EventScheme, EventSource, EventStatus } from '#vocabulary/events.ts';
import type { WorkflowTrigger } from '../workflow/start.ts';

/** A verified webhook delivery as kept in the inbox: the raw body is the source of truth. */
export interface StoredEvent {
  readonly orgId: string;
  readonly eventId: string;
  readonly eventKey: string;
  readonly source: EventSource;
  readonly integrationId?: string;
  readonly scheme: EventScheme;
  readonly receivedAt: string;
  /** The body as received: UTF-8 text, or base64 when `rawBodyEncoding` says so (bytes that are not UTF-8). */
  readonly rawBody: string;
  readonly rawBodyEncoding?: 'base64';
  /** Only the headers that matter for audit (signature scheme, content type, user agent). */
  readonly headers: Readonly<Record<string, string>>;
  readonly status: EventStatus;
  readonly reason?: string;
  readonly eventType?: string;
  readonly objectId?: string;
  readonly processedAt?: string;
  /** What processing found for the workflow stage to act on (an emergency work order). */
  readonly trigger?: WorkflowTrigger;
  readonly workflowId?: string;
  /** Incremented by each replay, so a replayed event is processed afresh (and once). */
  readonly attempt?: number;
}

/** A listing cursor that this org's listing did not issue (malformed, foreign, or for another query). */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor was not issued for this listing');
    this.name = 'InvalidCursorError';
  }
}
