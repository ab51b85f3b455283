/**
 * Ports: what the use cases need from the outside world. Adapters in shared/adapters implement
 * them (DynamoDB, SQS, Secrets Manager); every method is scoped to one org where data is involved.
 */
import type { ApiKeyRecord } from './access/principal.ts';
import type { Classification } from './classification/taxonomy.ts';
import type { ClassifyMessage, EmailRecord } from './emails/email.ts';
import type { EventMessage, EventStatus, StoredEvent } from './inbox/stored-event.ts';
import type { Integration, OrgSettings } from './orgs/org-settings.ts';
import type { LeaseSnapshot, WorkOrderSnapshot } from './rentvine/snapshots.ts';
import type { WorkflowRecord, WorkflowStart } from './workflows/workflow.ts';

export interface EventInbox {
  /** Conditional on the event id: a second delivery of the same event finds the first. */
  store(event: StoredEvent): Promise<{ stored: true } | { stored: false; existing: StoredEvent }>;
  get(orgId: string, eventId: string): Promise<StoredEvent | undefined>;
  /** Moves an event out of `received` exactly once; false when it had already left it. */
  settle(
    orgId: string,
    eventId: string,
    outcome: {
      status: Exclude<EventStatus, 'received'>;
      reason?: string;
      eventType?: string;
      objectId?: string;
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
  /** Normalised event type, e.g. `work_order.created`. */
  readonly type?: string;
  readonly limit: number;
  /** Opaque: the `cursor` of the previous page. */
  readonly cursor?: string;
}

export interface EmailStore {
  /** Conditional on the email id (derived from Message-ID when given). */
  submit(email: EmailRecord): Promise<{ stored: true } | { stored: false; existing: EmailRecord }>;
  get(orgId: string, emailId: string): Promise<EmailRecord | undefined>;
  /** The first classification saved wins; returns the one that is stored. */
  saveClassification(
    orgId: string,
    emailId: string,
    classification: Classification,
    at: string,
  ): Promise<Classification>;
}

export type SnapshotWrite = 'written' | 'stale';

export interface SnapshotStore {
  /** Moves forward only: an older `dateTimeModified` never overwrites a newer snapshot. */
  putWorkOrder(orgId: string, snapshot: WorkOrderSnapshot, at: string): Promise<SnapshotWrite>;
  putLease(orgId: string, snapshot: LeaseSnapshot, at: string): Promise<SnapshotWrite>;
}

export interface WorkflowStore {
  create(workflow: WorkflowRecord): Promise<'created' | 'exists'>;
  get(orgId: string, workflowId: string): Promise<WorkflowRecord | undefined>;
  /** Records on the email or event that started it which workflow it started. */
  linkSource(workflow: WorkflowRecord): Promise<void>;
}

/** Hands work to the next stage (a queue in AWS and locally). */
export interface WorkQueue {
  enqueueEvent(message: EventMessage): Promise<void>;
  enqueueClassification(message: ClassifyMessage): Promise<void>;
  enqueueWorkflow(message: WorkflowStart): Promise<void>;
}

/** Stored rows that have not reached their next stage yet, oldest first (the outbox). */
export interface PendingWork {
  listStale(olderThan: Date, limit: number): Promise<PendingItem[]>;
  /** Records a re-send so the row is not picked up again until it is stale once more. */
  markResent(item: PendingItem, at: Date): Promise<void>;
  /** Ends a row that re-sends could not get processed: status `failed`, out of the outbox. */
  giveUp(item: PendingItem, at: Date, reason: string): Promise<void>;
}
export interface PendingItem {
  readonly kind: 'event' | 'email';
  readonly orgId: string;
  readonly id: string;
  readonly pendingSince: string;
  /** The event's replay generation, carried on the re-sent message. */
  readonly attempt: number;
  /** How often the sweeper has re-sent it already. */
  readonly resends: number;
}

export interface ApiKeyStore {
  findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined>;
  put(key: ApiKeyRecord): Promise<void>;
}

/** Active signing secrets of an org's Rentvine webhook: several during a rotation. */
export interface WebhookSecrets {
  secretsFor(orgId: string): Promise<readonly string[]>;
}

/** Where an org's signing secrets are set when the platform holds them itself (local runs). */
export interface WebhookSecretsWriter {
  setSecrets(orgId: string, secrets: readonly string[]): Promise<void>;
}

export interface OrgSettingsStore {
  /** The org's settings, defaults when none were ever saved. */
  get(orgId: string): Promise<OrgSettings>;
  put(settings: OrgSettings): Promise<void>;
}

export interface IntegrationStore {
  get(integrationId: string): Promise<Integration | undefined>;
  put(integration: Integration): Promise<void>;
}

export interface Clock {
  now(): Date;
}
