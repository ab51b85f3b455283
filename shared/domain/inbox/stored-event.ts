import type { EmergencyWorkOrderTrigger } from '../workflows/workflow.ts';

/** Event ids: `evt_` and 32 hex digits derived from the event key. */
export const EVENT_ID = /^evt_[0-9a-f]{32}$/;

export const EVENT_STATUSES = ['received', 'processed', 'unrecognized', 'echo', 'failed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A verified webhook delivery as kept in the inbox: the raw body is the source of truth. */
export interface StoredEvent {
  readonly orgId: string;
  readonly eventId: string;
  readonly eventKey: string;
  /** Rentvine itself, or a generic integration (a website form, an answering service). */
  readonly source: 'rentvine' | 'integration';
  readonly integrationId?: string;
  /** How the delivery proved itself (see shared/platform/security). */
  readonly scheme: 'rentvine-header' | 'rentvine-body' | 'standard-webhooks';
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
  readonly trigger?: EmergencyWorkOrderTrigger;
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
