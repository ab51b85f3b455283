/** Ports of the Rentvine mirror: entity snapshots. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { EntityKind } from './event-types.ts';

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
