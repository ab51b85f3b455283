/** Ports of the webhook inbox: stored deliveries and the single-use tokens of the body scheme. Adapters in shared/adapters implement them; in-memory twins live in test/support. */

import type { EventStatus } from '#vocabulary/events.ts';
import type { OutboxEntry } from '../messaging/outbox.ts';
import type { WorkflowTrigger } from '../workflow/start.ts';
import type { StoredEvent } from './stored-event.ts';

export interface EventInbox {
  /** Conditional on the event id: a second delivery of the same event finds the first. */
  store(event: StoredEvent): Promise<{ stored: true } | { stored: false; existing: StoredEvent }>;
  get(orgId: string, eventId: string): Promise<StoredEvent | undefined>;
  /**
   * Moves an event out of `received` exactly once; false when it had already left it. With
   * `next` the event enters the outbox for its next stage in that same write (with `trigger`,
   * what that stage reads).
   */
  settle(
    orgId: string,
    eventId: string,
    outcome: {
      status: Exclude<EventStatus, 'received'>;
      reason?: string;
      eventType?: string;
      objectId?: string;
      trigger?: WorkflowTrigger;
      next?: OutboxEntry;
      at: string;
    },
  ): Promise<boolean>;
  /**
   * Puts a settled event back to `received` for a replay and returns its new attempt number,
   * so the processor treats the replay as fresh work (once).
   */
  reopen(orgId: string, eventId: string, at: string): Promise<number | undefined>;
  /** An org's events received at or after `since`, oldest first, one page at a time. */
  list(orgId: string, query: EventQuery): Promise<{ events: StoredEvent[]; cursor?: string }>;
}

export interface EventQuery {
  readonly since?: string;
  readonly status?: EventStatus;
  /** Event type exactly as delivered, e.g. `maintenance::workOrder.created`. */
  readonly type?: string;
  readonly limit: number;
  /** Opaque: the `cursor` of the previous page. */
  readonly cursor?: string;
}

/**
 * Single-use webhook tokens (the Rentvine body scheme signs a token, not the body): each is bound
 * to the event it was first used for, so the sender's retry of that very delivery still passes
 * (and is then a duplicate) while the token with any other body is refused.
 */
export interface WebhookTokenLedger {
  /** False when the token was claimed before for another event. */
  claim(orgId: string, token: string, expiresAt: Date, eventKey: string): Promise<boolean>;
}

/**
 * A well-formed Rentvine body-scheme delivery whose signature did not match under the org's
 * reading. Kept so an operator can tell which reading Rentvine really uses
 * (`aictive rentvine identify-signature`); never processed, never listed by the API.
 */
export interface QuarantinedDelivery {
  readonly orgId: string;
  readonly receivedAt: string;
  /** The delivered body, UTF-8 text (a body-scheme delivery is JSON), byte for byte. */
  readonly body: string;
}

/** How long a quarantined delivery is kept, and how many per org: the oldest makes room for the newest. */
export const QUARANTINE_POLICY = { days: 7, perOrg: 300, maxBodyBytes: 64 * 1024 } as const;

/**
 * Deliveries that failed verification, briefly, per org. At most `perOrg` per org: a new one
 * evicts the org's oldest (newest kept: the latest deliveries say what the sender does now, and a
 * flood of forgeries cannot lock real deliveries out for a week); each expires after `days`.
 */
export interface DeliveryQuarantine {
  keep(delivery: QuarantinedDelivery): Promise<void>;
  /** The org's unexpired deliveries, newest first. */
  list(orgId: string, now: Date): Promise<QuarantinedDelivery[]>;
}
