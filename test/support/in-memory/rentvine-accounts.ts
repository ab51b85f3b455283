import type { EntityKind } from '#domain/rentvine/event-types.ts';
import {
  type EntitySnapshot,
  type RecordRef,
  type RentvineAccount,
  type RentvineAccounts,
  RentvineError,
  type SyncResource,
  type WorkOrderFields,
  type WorkOrderWrite,
  type WriteIntent,
} from '#domain/rentvine/ports.ts';
import { snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import type { ContactRole, WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';

/** What each sync resource holds, and which ones Rentvine filters by modified time (its exports). */
const RESOURCES: Record<SyncResource, { kind: EntityKind; role?: ContactRole; filtered: boolean }> = {
  properties: { kind: 'property', filtered: true },
  units: { kind: 'unit', filtered: true },
  leases: { kind: 'lease', filtered: true },
  tenants: { kind: 'contact', role: 'tenant', filtered: false },
  owners: { kind: 'contact', role: 'owner', filtered: false },
  vendors: { kind: 'contact', role: 'vendor', filtered: false },
  work_orders: { kind: 'work_order', filtered: false },
};

/**
 * The in-memory twin of an org's Rentvine account: records per resource, read page by page as
 * the client pages (filtered by modified time where Rentvine filters), counted per request, and
 * able to be down (every call then fails `unavailable`, as the client reports it after retries).
 */
export class InMemoryRentvineAccount implements RentvineAccount {
  readonly records = new Map<SyncResource, Map<string, EntitySnapshot>>();
  requests = 0;
  down = false;
  /** Resources whose listing fails `unavailable` (one export down while the rest answer). */
  readonly failing = new Set<SyncResource>();
  private nextWorkOrderId = 90_000;
  private readonly writes = new Map<string, WorkOrderWrite>();

  constructor(readonly pageSize = 500) {}

  /** Adds or replaces a record, as an edit in Rentvine does. */
  set(resource: SyncResource, record: EntitySnapshot): void {
    const records = this.records.get(resource) ?? new Map<string, EntitySnapshot>();
    records.set(record.id, record);
    this.records.set(resource, records);
  }

  async *pages(resource: SyncResource, options: { readonly modifiedSince?: string } = {}) {
    if (this.failing.has(resource)) throw new RentvineError('unavailable', `${resource} did not answer`);
    const { filtered } = RESOURCES[resource];
    const since = filtered && options.modifiedSince ? snapshotVersion(options.modifiedSince) : undefined;
    const all = [...(this.records.get(resource)?.values() ?? [])];
    const records =
      since === undefined ? all : all.filter((r) => snapshotVersion(r.dateTimeModified) >= since);
    // Page until a short page, as the client does against Rentvine (an exact multiple costs one empty page).
    for (let page = 0; ; page += 1) {
      this.request();
      const slice = records.slice(page * this.pageSize, (page + 1) * this.pageSize);
      if (slice.length > 0) yield { records: slice, filtered: since !== undefined };
      if (slice.length < this.pageSize) return;
    }
  }

  async read(ref: RecordRef): Promise<EntitySnapshot | undefined> {
    this.request();
    for (const [resource, spec] of Object.entries(RESOURCES)) {
      if (spec.kind !== ref.kind) continue;
      const record = this.records.get(resource as SyncResource)?.get(ref.id);
      if (record) return record;
    }
    return undefined;
  }

  async probe(): Promise<void> {
    this.request();
  }

  async create(fields: WorkOrderFields, intent: WriteIntent): Promise<WorkOrderWrite> {
    return this.keyed(intent, () => {
      this.nextWorkOrderId += 1;
      return this.writeWorkOrder(String(this.nextWorkOrderId), fields);
    });
  }

  async update(
    workOrderId: string,
    changes: Partial<Omit<WorkOrderFields, 'propertyId'>>,
    intent: WriteIntent,
  ): Promise<WorkOrderWrite> {
    return this.keyed(intent, () => {
      const current = this.records.get('work_orders')?.get(workOrderId);
      if (!current) throw new RentvineError('rejected', `no work order ${workOrderId}`);
      return this.writeWorkOrder(workOrderId, { ...current.data, ...changes });
    });
  }

  /** Reopens as the client does: the account's first pending status (the twin's is `1`). */
  async reopen(workOrderId: string, intent: WriteIntent): Promise<WorkOrderWrite> {
    return this.update(workOrderId, { workOrderStatusId: '1' }, intent);
  }

  private keyed(intent: WriteIntent, write: () => WorkOrderWrite): WorkOrderWrite {
    this.request();
    const earlier = this.writes.get(intent.idempotencyKey);
    if (earlier) return { ...earlier, replayed: true };
    const result = write();
    this.writes.set(intent.idempotencyKey, result);
    return result;
  }

  /** Stores the fields as the work order's snapshot, modified now (the twin does not map Rentvine's statuses). */
  private writeWorkOrder(id: string, fields: object): WorkOrderWrite {
    const workOrder = { ...fields, workOrderId: id, dateTimeModified: new Date().toISOString() };
    this.set('work_orders', {
      kind: 'work_order',
      id,
      dateTimeModified: workOrder.dateTimeModified,
      data: workOrder,
    });
    return { workOrder: workOrder as unknown as WorkOrderSnapshot, changed: true, replayed: false };
  }

  private request(): void {
    this.requests += 1;
    if (this.down) throw new RentvineError('unavailable', 'Rentvine did not answer');
  }
}

/** Orgs' accounts in memory; an org without one has no Rentvine connection. */
export class InMemoryRentvineAccounts implements RentvineAccounts {
  readonly accounts = new Map<string, InMemoryRentvineAccount>();

  connect(orgId: string, account = new InMemoryRentvineAccount()): InMemoryRentvineAccount {
    this.accounts.set(orgId, account);
    return account;
  }

  async forOrg(orgId: string): Promise<RentvineAccount | undefined> {
    return this.accounts.get(orgId);
  }

  async connectedOrgs(): Promise<readonly string[]> {
    return [...this.accounts.keys()];
  }
}
