import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import type { ListedSnapshot, SnapshotCatalogue, SnapshotQuery } from '#domain/rentvine/ports.ts';
import { statusCondition } from '#domain/rentvine/snapshot-status.ts';
import { copy } from './rows.ts';
import type { InMemorySnapshotStore } from './snapshot-store.ts';

/**
 * The in-memory twin of DynamoSnapshotCatalogue: lists what the snapshot-store twin holds, in id
 * order (as the table's sort key orders them), with the same filters and an opaque cursor.
 */
export class InMemorySnapshotCatalogue implements SnapshotCatalogue {
  constructor(private readonly store: InMemorySnapshotStore) {}

  async list(orgId: string, query: SnapshotQuery): Promise<{ items: ListedSnapshot[]; cursor?: string }> {
    const prefix = `${orgId}|${query.kind}#`;
    const after = decodeCursor(query.cursor, prefix);
    const condition = query.status === undefined ? undefined : statusCondition(query.kind, query.status);
    if (query.status !== undefined && !condition) return { items: [] };
    const matching = this.rowsOf(prefix)
      .filter(({ id }) => after === undefined || id > after)
      .filter(({ data, updatedAt }) => {
        const fields = data as Record<string, unknown>;
        return (
          (condition === undefined || fields[condition.field] === condition.value) &&
          (query.role === undefined || fields.role === query.role) &&
          (query.propertyId === undefined || fields.propertyId === query.propertyId) &&
          (query.since === undefined || updatedAt >= query.since)
        );
      });
    const items = matching.slice(0, query.limit);
    const last = items.at(-1);
    return matching.length > query.limit && last
      ? { items, cursor: Buffer.from(`${prefix}${last.id}`).toString('base64url') }
      : { items };
  }

  /** The rows under `<org>|<kind>#`, the twin store's keys. */
  private rowsOf(prefix: string): ListedSnapshot[] {
    return [...this.store.snapshots.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, row]) => ({ id: key.slice(prefix.length), data: copy(row.data), updatedAt: row.updatedAt }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/** Like the DynamoDB cursor: refused unless it is a position in this org's listing of this kind. */
function decodeCursor(cursor: string | undefined, prefix: string): string | undefined {
  if (cursor === undefined) return undefined;
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!position.startsWith(prefix)) throw new InvalidCursorError();
  return position.slice(prefix.length);
}
