/**
 * Ports: what the use cases need from the outside world. Adapters in shared/adapters implement
 * them (DynamoDB, SQS, Secrets Manager); every method is scoped to one org where data is involved.
 */
import type { ApiKeyRecord } from './access/principal.ts';
import type { Classification } from './classification/taxonomy.ts';
import type { ClassifyMessage, EmailRecord } from './emails/email.ts';
import type { EventMessage } from './inbox/event-message.ts';
import type { EventStatus, StoredEvent } from './inbox/stored-event.ts';
import type { Integration, OrgSettings } from './orgs/org-settings.ts';
import type { EntityKind } from './rentvine/event-types.ts';
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

/** A snapshot as the store sees it: which entity, its id, and the version it describes. */
export interface EntitySnapshot {
  readonly kind: EntityKind;
  readonly id: string;
  /** Rentvine's modified time, the order of versions; without one a snapshot only fills a gap. */
  readonly dateTimeModified?: string;
  readonly data: object;
}

/** Entity snapshots per org, one method for every kind (a new kind needs no new method). */
export interface EntitySnapshotStore {
  /** Moves forward only: an older `dateTimeModified` never overwrites a newer snapshot. */
  put(orgId: string, snapshot: EntitySnapshot, at: string): Promise<SnapshotWrite>;
}

/** Single-use webhook tokens (the Rentvine body scheme signs a token, not the body). */
export interface WebhookTokenLedger {
  /** False when the token was claimed before. */
  claim(orgId: string, token: string, expiresAt: Date): Promise<boolean>;
  release(orgId: string, token: string): Promise<void>;
}

/** A queue's dead-letter queue, for putting its messages back after a fix. */
export interface DeadLetterQueue {
  /** Messages waiting in the DLQ, as SQS approximates them. */
  waiting(): Promise<number>;
  /** Moves the DLQ's messages back to the queue they came from. */
  moveBack(): Promise<MoveBack>;
}

export type MoveBack =
  | { readonly method: 'move-task'; readonly taskHandle: string }
  /** `failed`: messages still in the DLQ after the move (they stay there, nothing is lost). */
  | { readonly method: 'one-by-one'; readonly moved: number; readonly failed: number };

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

/**
 * API keys. Keys are found by their public id before the org is known (the authorizer); every
 * other change is conditional on the org, so another org's key behaves as a missing one.
 */
export interface ApiKeyStore {
  findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Never overwrites a key id of another org. */
  put(key: ApiKeyRecord): Promise<void>;
  /** The org's keys, oldest first, revoked ones included. */
  list(orgId: string): Promise<ApiKeyRecord[]>;
  /** Marks the org's key revoked (the first revocation time stays); false when it has no such key. */
  revoke(orgId: string, keyId: string, at: string): Promise<boolean>;
  /**
   * Makes `secretHash` the key's secret and keeps the current one valid until `previousValidUntil`.
   * Only if the key is the org's, not revoked, and its secret is still `expectedSecretHash` (two
   * concurrent rotations cannot both win); false otherwise.
   */
  rotate(
    orgId: string,
    keyId: string,
    rotation: { expectedSecretHash: string; secretHash: string; previousValidUntil: string; at: string },
  ): Promise<boolean>;
  /** Sets `lastUsedAt` unless a use at or after `notBefore` is recorded; false when it did not. */
  recordUse(keyId: string, at: string, notBefore: string): Promise<boolean>;
}

/** The secret API-key hashes are keyed with (HMAC): without it a stolen table yields no keys. */
export interface ApiKeyPepper {
  pepper(): Promise<Buffer>;
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
