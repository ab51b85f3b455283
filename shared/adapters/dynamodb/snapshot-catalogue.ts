import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { ListedSnapshot, SnapshotCatalogue, SnapshotQuery } from '#domain/rentvine/ports.ts';
import { statusCondition } from '#domain/rentvine/snapshot-status.ts';
import { keys } from './keys.ts';
import { readListingPage } from './listing-page.ts';

/**
 * Lists the snapshot rows the snapshot store writes (PK `ORG#<org>`, SK `<KIND>#<id>`, attributes
 * `entity`, `snapshot`, `modifiedAt`, `updatedAt`) in the table's order (ids as text), filtered
 * in DynamoDB. A status the kind does not have matches nothing.
 */
export class DynamoSnapshotCatalogue implements SnapshotCatalogue {
  constructor(private readonly tableName: string) {}

  async list(orgId: string, query: SnapshotQuery): Promise<{ items: ListedSnapshot[]; cursor?: string }> {
    const prefix = snapshotPrefix(query.kind);
    // `snapshot` and `role` are DynamoDB reserved words; a name given but unused is an error.
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': keys.org(orgId), ':prefix': prefix };
    const filters: string[] = [];
    if (query.status !== undefined) {
      const condition = statusCondition(query.kind, query.status);
      if (!condition) return { items: [] };
      names['#snapshot'] = 'snapshot';
      names['#status'] = condition.field;
      values[':status'] = condition.value;
      filters.push('#snapshot.#status = :status');
    }
    if (query.role !== undefined) {
      names['#snapshot'] = 'snapshot';
      names['#role'] = 'role';
      values[':role'] = query.role;
      filters.push('#snapshot.#role = :role');
    }
    if (query.propertyId !== undefined) {
      names['#snapshot'] = 'snapshot';
      values[':propertyId'] = query.propertyId;
      filters.push('#snapshot.propertyId = :propertyId');
    }
    if (query.since !== undefined) {
      values[':since'] = query.since;
      filters.push('updatedAt >= :since');
    }
    return readListingPage(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
      {
        limit: query.limit,
        cursor: query.cursor,
        accepts: (key) => isSnapshotKey(key, orgId, prefix),
        map: (item) => ({
          id: String(item.SK).slice(prefix.length),
          data: item.snapshot as object,
          updatedAt: String(item.updatedAt),
        }),
      },
    );
  }
}

function snapshotPrefix(kind: EntityKind): string {
  return keys.snapshot('', kind, '').SK;
}

function isSnapshotKey(key: Record<string, unknown>, orgId: string, prefix: string): boolean {
  const { PK, SK, ...extra } = key;
  return (
    Object.keys(extra).length === 0 &&
    PK === keys.org(orgId) &&
    typeof SK === 'string' &&
    SK.startsWith(prefix)
  );
}
