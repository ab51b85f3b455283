import type { Clock } from '#domain/clock.ts';
import {
  type EntitySnapshot,
  type EntitySnapshotStore,
  RentvineError,
  type RentvineReader,
  type RentvineReaders,
} from '#domain/rentvine/ports.ts';
import type { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { logger } from '#platform/observability.ts';

/** How long a property read for enrichment is reused: a burst of events on one property reads it once. */
export const RECENT_READ_MS = 60_000;
const RECENT_READ_LIMIT = 1000;

/**
 * Properties read from Rentvine lately, per container (a Lambda instance keeps it between
 * messages). Properties only: a work order changes from one event to the next, so a thin event
 * always re-reads it, while a property's address does not move within a minute.
 */
export class RecentReads {
  private readonly reads = new Map<string, { at: number; record: EntitySnapshot | undefined }>();

  constructor(private readonly clock: Clock) {}

  async property(
    orgId: string,
    reader: RentvineReader,
    propertyId: string,
  ): Promise<EntitySnapshot | undefined> {
    const key = `${orgId}|${propertyId}`;
    const now = this.clock.now().getTime();
    const cached = this.reads.get(key);
    if (cached && now - cached.at < RECENT_READ_MS) return cached.record;
    const record = await reader.read({ kind: 'property', id: propertyId });
    // Oldest first in a Map: dropping the first key keeps the cache bounded.
    if (this.reads.size >= RECENT_READ_LIMIT) this.reads.delete(this.reads.keys().next().value ?? key);
    this.reads.set(key, { at: now, record });
    return record;
  }
}

export interface EnrichDeps {
  readonly accounts: RentvineReaders;
  readonly snapshots: EntitySnapshotStore;
  readonly recentReads: RecentReads;
}

/** What to store for one work-order event: the records it needs first, then the work order itself. */
export interface Enriched {
  readonly related: readonly EntitySnapshot[];
  readonly snapshot: EntitySnapshot;
}

/**
 * What a work order needs before anyone acts on it: a full record (a thin event without a
 * modified time or a priority is re-read) and its property, whose address the people and vendors
 * who act on it need (webhooks carry ids, no address), stored if we have no snapshot of it.
 * Reads go through the org's account (rate-limited by the client). Rentvine unavailable throws:
 * the message fails and is redelivered, nothing was written. An org with no Rentvine connection,
 * or whose credentials Rentvine refuses, is processed with what the event carries (the next sync
 * fills the gaps once it is connected), logged.
 */
export async function enrichWorkOrder(
  deps: EnrichDeps,
  orgId: string,
  snapshot: EntitySnapshot,
): Promise<Enriched> {
  if (snapshot.kind !== 'work_order') return { related: [], snapshot };
  const account = await deps.accounts.forOrg(orgId);
  if (!account) return { related: [], snapshot };
  try {
    const workOrder = isThin(snapshot)
      ? ((await account.read({ kind: 'work_order', id: snapshot.id })) ?? snapshot)
      : snapshot;
    const propertyId = (workOrder.data as WorkOrderSnapshot).propertyId;
    if (await deps.snapshots.get(orgId, 'property', propertyId)) return { related: [], snapshot: workOrder };
    const property = await deps.recentReads.property(orgId, account, propertyId);
    return { related: property ? [property] : [], snapshot: workOrder };
  } catch (error) {
    if (!(error instanceof RentvineError) || error.failure === 'unavailable') throw error;
    logger.warn('work order not enriched: Rentvine refused the read', { orgId, failure: error.failure });
    return { related: [], snapshot };
  }
}

function isThin(snapshot: EntitySnapshot): boolean {
  return !snapshot.dateTimeModified || (snapshot.data as WorkOrderSnapshot).priorityId === undefined;
}
