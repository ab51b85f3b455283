/**
 * Ports: what the use cases need from the outside world. Adapters in shared/adapters implement
 * them (DynamoDB, SQS, Secrets Manager); every method is scoped to one org where data is involved.
 */
import type { ApiKeyRecord } from './access/principal.ts';
import type { Classification } from './classification/taxonomy.ts';
import type { ClassifyMessage, EmailRecord } from './emails/email.ts';
import type { EventMessage, EventStatus, StoredEvent } from './inbox/stored-event.ts';
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
}

export interface EmailStore {
  /** Conditional on the email id (derived from Message-ID when given). */
  submit(email: EmailRecord): Promise<{ stored: true } | { stored: false; existing: EmailRecord }>;
  get(orgId: string, emailId: string): Promise<EmailRecord | undefined>;
  saveClassification(
    orgId: string,
    emailId: string,
    classification: Classification,
    at: string,
  ): Promise<void>;
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
}
export type PendingItem =
  | { kind: 'event'; orgId: string; id: string; pendingSince: string }
  | { kind: 'email'; orgId: string; id: string; pendingSince: string };

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

export interface Clock {
  now(): Date;
}
