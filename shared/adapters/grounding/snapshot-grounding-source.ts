import type { z } from 'zod';
import type { GroundedFact } from '#domain/drafts/draft.ts';
import {
  factsFromRecords,
  isOpenWorkOrderOf,
  leaseHasTenant,
  StoredLease,
  StoredWorkOrder,
  senderAddress,
  senderLease,
} from '#domain/drafts/grounded-facts.ts';
import type { GroundingQuery, GroundingSource } from '#domain/drafts/ports.ts';
import type { EntitySnapshotStore, SnapshotCatalogue, SnapshotQuery } from '#domain/rentvine/ports.ts';

export interface GroundingLimits {
  /** Rows per listing page. */
  readonly pageSize: number;
  /** Pages read per listing, so one message never reads an unbounded share of a big org. */
  readonly maxPages: number;
  /** Open work orders stated at most (newest first). */
  readonly maxWorkOrders: number;
}

const DEFAULT_LIMITS: GroundingLimits = { pageSize: 500, maxPages: 20, maxWorkOrders: 5 };

/**
 * The facts an org's synced Rentvine snapshots hold about a message: the lease named by the
 * request when the sender is a tenant on it, or else the one lease naming the sender as a tenant
 * (the leases export carries each tenant's email; a tenant contact with the sender's email counts
 * too), its balances and end date, and the open work orders on its unit. Every read is keyed by
 * the org, so no org sees another's. Nothing else identifies a sender: a request's lease the
 * sender is not a tenant on, an address on no lease, or on two equally current leases, gives no
 * facts, and the draft says it will check.
 */
export class SnapshotGroundingSource implements GroundingSource {
  private readonly limits: GroundingLimits;

  constructor(
    private readonly snapshots: EntitySnapshotStore,
    private readonly catalogue: SnapshotCatalogue,
    limits: Partial<GroundingLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  async factsFor(query: GroundingQuery): Promise<GroundedFact[]> {
    const lease = query.leaseId
      ? await this.namedLeaseOfSender(query, query.leaseId)
      : await this.leaseOfSender(query);
    if (!lease) return [];
    const orders = await this.rows(
      query.orgId,
      { kind: 'work_order', propertyId: lease.propertyId },
      StoredWorkOrder,
    );
    const open = orders
      .filter((order) => isOpenWorkOrderOf(lease, order))
      .sort((a, b) => (b.dateTimeModified ?? '').localeCompare(a.dateTimeModified ?? ''))
      .slice(0, this.limits.maxWorkOrders);
    return factsFromRecords(lease, open);
  }

  /** The lease a request names, only when the sender is a tenant on it: a lease id is not proof of who asks. */
  private async namedLeaseOfSender(query: GroundingQuery, leaseId: string): Promise<StoredLease | undefined> {
    const address = senderAddress(query.from);
    if (!address) return undefined;
    const snapshot = await this.snapshots.get(query.orgId, 'lease', leaseId);
    const parsed = StoredLease.safeParse(snapshot?.data);
    if (!parsed.success) return undefined;
    const lease = parsed.data;
    if (leaseHasTenant(lease, address, new Set())) return lease;
    const ids = await this.tenantContactIds(query.orgId, address);
    return leaseHasTenant(lease, address, ids) ? lease : undefined;
  }

  private async leaseOfSender(query: GroundingQuery): Promise<StoredLease | undefined> {
    const address = senderAddress(query.from);
    if (!address) return undefined;
    const scope = { kind: 'lease', ...(query.propertyId ? { propertyId: query.propertyId } : {}) } as const;
    const leases = await this.rows(query.orgId, scope, StoredLease);
    const byEmail = leases.filter((lease) => leaseHasTenant(lease, address, new Set()));
    if (byEmail.length > 0) return senderLease(byEmail);
    // Leases whose tenant rows lack an email: the tenant contact may have it.
    const ids = await this.tenantContactIds(query.orgId, address);
    return ids.size > 0
      ? senderLease(leases.filter((lease) => leaseHasTenant(lease, address, ids)))
      : undefined;
  }

  /** The ids of the org's tenant contacts whose email is `address`. */
  private async tenantContactIds(orgId: string, address: string): Promise<Set<string>> {
    const contacts = await this.catalogueRows(orgId, { kind: 'contact', role: 'tenant' });
    return new Set(
      contacts
        .filter(
          ({ data }) =>
            String((data as { email?: unknown }).email ?? '')
              .trim()
              .toLowerCase() === address,
        )
        .map(({ id }) => id),
    );
  }

  /** A listing's rows that parse as `schema` (a drifted row is skipped, never stated). */
  private async rows<T>(
    orgId: string,
    query: Omit<SnapshotQuery, 'limit'>,
    schema: z.ZodType<T>,
  ): Promise<T[]> {
    return (await this.catalogueRows(orgId, query)).flatMap(({ data }) => {
      const parsed = schema.safeParse(data);
      return parsed.success ? [parsed.data] : [];
    });
  }

  private async catalogueRows(orgId: string, query: Omit<SnapshotQuery, 'limit'>) {
    const rows = [];
    let cursor: string | undefined;
    for (let page = 0; page < this.limits.maxPages; page += 1) {
      const answer = await this.catalogue.list(orgId, { ...query, limit: this.limits.pageSize, cursor });
      rows.push(...answer.items);
      cursor = answer.cursor;
      if (!cursor) break;
    }
    return rows;
  }
}
