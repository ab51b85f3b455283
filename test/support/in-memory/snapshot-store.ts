import type { EntitySnapshot, EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { toInstant } from '#domain/rentvine/wire.ts';
import { copy, rowKey } from './rows.ts';

/** The in-memory twin of DynamoSnapshotStore (test/integration/contracts proves them alike). */
export class InMemorySnapshotStore implements EntitySnapshotStore {
  readonly snapshots = new Map<string, { version: number; data: object; updatedAt: string }>();

  async put(orgId: string, snapshot: EntitySnapshot, at: string): Promise<SnapshotWrite> {
    const modifiedAt = snapshot.dateTimeModified ? toInstant(snapshot.dateTimeModified) : 0;
    const version = Number.isNaN(modifiedAt) ? 0 : modifiedAt;
    const key = rowKey(orgId, `${snapshot.kind}#${snapshot.id}`);
    const stored = this.snapshots.get(key);
    // Forward only; an equal version rewrites (a replay is processed afresh).
    if (stored && stored.version > version) return 'stale';
    this.snapshots.set(key, { version, data: copy(snapshot.data), updatedAt: at });
    return 'written';
  }
}
