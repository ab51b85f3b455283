import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot, EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { snapshotContent, snapshotVersion } from '#domain/rentvine/snapshot-version.ts';
import { copy, rowKey } from './rows.ts';

interface StoredSnapshot {
  version: number;
  dateTimeModified?: string;
  content: string;
  data: object;
  updatedAt: string;
}

/** The in-memory twin of DynamoSnapshotStore (test/integration/contracts proves them alike). */
export class InMemorySnapshotStore implements EntitySnapshotStore {
  readonly snapshots = new Map<string, StoredSnapshot>();
  /** Every put that wrote (created, updated or refreshed), for "items written per sync" figures. */
  writes = 0;

  async put(orgId: string, snapshot: EntitySnapshot, at: string): Promise<SnapshotWrite> {
    const version = snapshotVersion(snapshot.dateTimeModified);
    const content = snapshotContent(snapshot.data);
    const key = rowKey(orgId, `${snapshot.kind}#${snapshot.id}`);
    const stored = this.snapshots.get(key);
    if (stored && stored.version > version) return 'stale';
    if (stored && stored.version === version && stored.content === content) return 'unchanged';
    this.snapshots.set(key, {
      version,
      ...(snapshot.dateTimeModified ? { dateTimeModified: snapshot.dateTimeModified } : {}),
      content,
      data: copy(snapshot.data),
      updatedAt: at,
    });
    this.writes += 1;
    if (!stored) return 'created';
    return stored.version === version ? 'refreshed' : 'updated';
  }

  async getMany(
    orgId: string,
    kind: EntityKind,
    ids: readonly string[],
  ): Promise<Map<string, EntitySnapshot>> {
    const found = new Map<string, EntitySnapshot>();
    for (const id of ids) {
      const snapshot = await this.get(orgId, kind, id);
      if (snapshot) found.set(id, snapshot);
    }
    return found;
  }

  async get(orgId: string, kind: EntityKind, id: string): Promise<EntitySnapshot | undefined> {
    const stored = this.snapshots.get(rowKey(orgId, `${kind}#${id}`));
    if (!stored) return undefined;
    return {
      kind,
      id,
      ...(stored.dateTimeModified ? { dateTimeModified: stored.dateTimeModified } : {}),
      data: copy(stored.data),
    };
  }
}
