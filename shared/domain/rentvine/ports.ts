/** Ports of the Rentvine mirror and connection. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { EntityKind } from './event-types.ts';
import type { ContactRole, WorkOrderSnapshot } from './snapshots.ts';

/**
 * What a put did: `created` (the first version), `updated` (a newer version), `refreshed` (the
 * same version with other data: two reads of one version can carry different fields; rewritten,
 * but no change in Rentvine), `unchanged` (the same version and data: nothing rewritten),
 * `stale` (older than the stored version: nothing written).
 */
export type SnapshotWrite = 'created' | 'updated' | 'refreshed' | 'unchanged' | 'stale';

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
  get(orgId: string, kind: EntityKind, id: string): Promise<EntitySnapshot | undefined>;
  /** The stored snapshots among these ids (absent ids are not in the map): one page of a sync. */
  getMany(orgId: string, kind: EntityKind, ids: readonly string[]): Promise<Map<string, EntitySnapshot>>;
}

/**
 * The resources a sync reads, in the order it reads them (parents before their children), named
 * as the `aictive rentvine sync` output names them.
 */
export const SYNC_RESOURCES = [
  'properties',
  'units',
  'leases',
  'tenants',
  'owners',
  'vendors',
  'work_orders',
] as const;
export type SyncResource = (typeof SYNC_RESOURCES)[number];

/**
 * How far a sync of one org's resource has read: the latest Rentvine `dateTimeModified` among the
 * records of its last complete pass. Absent until the first pass completes (the next one is full).
 */
export interface SyncWatermark {
  readonly resource: SyncResource;
  readonly highWater?: string;
  /** When the last complete pass ended. */
  readonly syncedAt: string;
}

/** Watermarks per org and resource; they only move forward. */
export interface SyncWatermarks {
  get(orgId: string, resource: SyncResource): Promise<SyncWatermark | undefined>;
  /** Records a complete pass; a `highWater` older than the stored one leaves the stored one. */
  advance(orgId: string, watermark: SyncWatermark): Promise<void>;
}

/** One record to re-read. Units live under their property in Rentvine's paths. */
export type RecordRef =
  | { readonly kind: 'property' | 'lease' | 'work_order'; readonly id: string }
  | { readonly kind: 'unit'; readonly id: string; readonly propertyId: string }
  | { readonly kind: 'contact'; readonly id: string; readonly role: ContactRole };

/** Reads an org's Rentvine account, already coerced into snapshots (personal data dropped). */
export interface RentvineReader {
  /**
   * A resource page by page at the largest page size Rentvine honours for it, deduplicated by
   * id. With `modifiedSince`, resources Rentvine can filter by modified time are filtered there;
   * the others are read whole (`filtered` false) and the caller compares modified times.
   */
  pages(
    resource: SyncResource,
    options?: { readonly modifiedSince?: string },
  ): AsyncIterable<{ readonly records: readonly EntitySnapshot[]; readonly filtered: boolean }>;
  /** One record, fresh; undefined when Rentvine has none by that id (404). */
  read(ref: RecordRef): Promise<EntitySnapshot | undefined>;
}

/** The fields the platform sets on a work order. Priority 1–3 only (Rentvine rejects 4). */
export interface WorkOrderFields {
  readonly propertyId: string;
  readonly unitId?: string;
  readonly leaseId?: string;
  /** Plain text; sent as Rentvine's HTML description. */
  readonly description: string;
  readonly priorityId: 1 | 2 | 3;
  /** The account-defined status (never the primary status, which Rentvine derives). */
  readonly workOrderStatusId?: string;
  readonly vendorContactId?: string;
  readonly vendorTradeId?: string;
  readonly estimatedAmount?: number;
}

export interface WriteIntent {
  /** The caller's key for this write (e.g. workflow id + step): a retry with it writes nothing new. */
  readonly idempotencyKey: string;
  /** Only a person's approval of the dispatch lets Rentvine notify the vendor. */
  readonly dispatchApproved: boolean;
}

export interface WorkOrderWrite {
  /** The work order as re-read after the write. */
  readonly workOrder: WorkOrderSnapshot;
  /** False when Rentvine answered 200 but the re-read shows nothing changed (reported, not hidden). */
  readonly changed: boolean;
  /** True when the ledger answered from an earlier identical write: nothing was sent this time. */
  readonly replayed: boolean;
}

/** Writes to an org's Rentvine account. Rentvine does not deduplicate: every write is keyed. */
export interface RentvineWorkOrders {
  create(fields: WorkOrderFields, intent: WriteIntent): Promise<WorkOrderWrite>;
  update(
    workOrderId: string,
    changes: Partial<Omit<WorkOrderFields, 'propertyId'>>,
    intent: WriteIntent,
  ): Promise<WorkOrderWrite>;
  /** Puts a work order back in the account's first pending status (a repair the resident says is not fixed). */
  reopen(workOrderId: string, intent: WriteIntent): Promise<WorkOrderWrite>;
}

/** One org's Rentvine account: reads, keyed writes and a cheap reachability probe. */
export interface RentvineAccount extends RentvineReader, RentvineWorkOrders {
  /** Resolves when Rentvine answers with the org's credentials; throws a RentvineError otherwise. */
  probe(): Promise<void>;
}

/** Readers of orgs' Rentvine accounts, for those who only read (sync, enrichment): undefined when not connected. */
export interface RentvineReaders {
  forOrg(orgId: string): Promise<RentvineReader | undefined>;
  /** Orgs with a connection, for the scheduled sync and readiness. */
  connectedOrgs(): Promise<readonly string[]>;
}

/** The Rentvine accounts of orgs: undefined for an org with no Rentvine connection. */
export interface RentvineAccounts extends RentvineReaders {
  forOrg(orgId: string): Promise<RentvineAccount | undefined>;
}

/** Why a Rentvine call failed, in the terms callers act on. */
export type RentvineFailure =
  /** Down, timing out, 5xx or 429 after retries, or the breaker is open: try again later. */
  | 'unavailable'
  /** 401/403: the org's credentials are wrong or lack a permission; retrying will not help. */
  | 'unauthorized'
  /** 400: Rentvine refused the request; `fields` maps field paths to its messages. */
  | 'rejected';

export class RentvineError extends Error {
  override readonly name = 'RentvineError';
  constructor(
    readonly failure: RentvineFailure,
    message: string,
    readonly fields: Readonly<Record<string, readonly string[]>> = {},
  ) {
    super(message);
  }
}

/** What the API lists of an org's snapshots (`GET /v1/properties` and its siblings). */
export interface SnapshotQuery {
  readonly kind: EntityKind;
  /** Contacts only: tenants, owners or vendors. */
  readonly role?: ContactRole;
  readonly status?: string;
  readonly propertyId?: string;
  /** Snapshots stored (created or changed) at or after this instant. */
  readonly since?: string;
  readonly limit: number;
  /** Opaque: the `cursor` of the previous page. */
  readonly cursor?: string;
}

export interface ListedSnapshot {
  readonly id: string;
  readonly data: object;
  /** When the platform last stored this snapshot. */
  readonly updatedAt: string;
}

export interface SnapshotCatalogue {
  list(orgId: string, query: SnapshotQuery): Promise<{ items: ListedSnapshot[]; cursor?: string }>;
}
