import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.ts';

type Key = Record<string, unknown>;

/** A listing's query and the cursors it accepts (readListingPage pages it). */
export interface ListingQuery {
  readonly query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  readonly accepts: (key: Key) => boolean;
}

/** One filter: the attribute at `path` (e.g. `['triage', 'category']`) equals `value`; skipped when undefined. */
export interface ListingMatch {
  readonly name: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

/**
 * An org's GSI1 listing of one kind of item, newest first: `since` bounds the key range, the
 * matches are a filter DynamoDB applies after reading (readListingPage keeps reading, bounded, to
 * fill a page). `accepts` takes only a cursor this listing could have issued: the org's, of this
 * kind, within `since`.
 */
export function filteredListing(
  tableName: string,
  orgId: string,
  listing: { readonly kind: 'EMAILS' | 'WORKFLOWS'; readonly itemPrefix: string },
  since: string | undefined,
  matches: readonly ListingMatch[],
): ListingQuery {
  const listingPk = keys.listing(orgId, listing.kind, '', '').GSI1PK;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': listingPk };
  const filters: string[] = [];
  for (const { name, path, value } of matches) {
    if (value === undefined) continue;
    for (const part of path) names[`#${part}`] = part;
    values[`:${name}`] = value;
    filters.push(`${path.map((part) => `#${part}`).join('.')} = :${name}`);
  }
  let condition = 'GSI1PK = :pk';
  if (since !== undefined) {
    values[':since'] = since;
    condition += ' AND GSI1SK >= :since';
  }
  const accepts = (key: Key) => {
    const { PK, SK, GSI1PK, GSI1SK, ...extra } = key;
    return (
      Object.keys(extra).length === 0 &&
      PK === keys.org(orgId) &&
      typeof SK === 'string' &&
      SK.startsWith(listing.itemPrefix) &&
      GSI1PK === listingPk &&
      typeof GSI1SK === 'string' &&
      (since === undefined || GSI1SK >= since)
    );
  };
  return {
    query: {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: condition,
      ScanIndexForward: false,
      ...(filters.length > 0
        ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
        : {}),
      ExpressionAttributeValues: values,
    },
    accepts,
  };
}
