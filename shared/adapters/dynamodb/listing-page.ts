import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { documentClient } from './document-client.ts';
import { keys } from './keys.ts';

type Key = Record<string, unknown>;

/** An org holds a handful of keys or integrations; a listing this long means something is wrong, not a big org. */
const MAX_WHOLE_LISTING_PAGES = 20;

/**
 * All of an org's small listing (its API keys, its integrations) through GSI1, oldest first.
 * Bounded: past MAX_WHOLE_LISTING_PAGES pages it throws, naming what overflowed.
 */
export async function readWholeListing<T>(
  tableName: string,
  orgId: string,
  listing: { kind: 'APIKEYS' | 'INTEGRATIONS'; noun: string; map: (item: Key) => T },
): Promise<T[]> {
  const found: T[] = [];
  let startKey: Key | undefined;
  for (let page = 0; page < MAX_WHOLE_LISTING_PAGES; page += 1) {
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.listing(orgId, listing.kind, '', '').GSI1PK },
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...Items.map(listing.map));
    if (!LastEvaluatedKey) return found;
    startKey = LastEvaluatedKey;
  }
  throw new Error(`org ${orgId} has more ${listing.noun} than ${MAX_WHOLE_LISTING_PAGES} pages hold`);
}

/** Reads a bounded number of times per page: a very selective filter answers a short page, never a slow one. */
const MAX_READS_PER_PAGE = 10;

/**
 * One page of a filtered listing. Filters apply after DynamoDB reads, so it keeps reading
 * (bounded) until the page is full; the cursor is the last key read, opaque to the caller.
 * `accepts` says whether a decoded cursor can belong to this listing (its org's partition, the
 * query's range): anything else is refused, never silently read as "start from the beginning".
 */
export async function readListingPage<T>(
  query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; cursor?: string; accepts: (key: Key) => boolean; map: (item: Key) => T },
): Promise<{ items: T[]; cursor?: string }> {
  const items: T[] = [];
  let startKey = decodeCursor(page.cursor, page.accepts);
  for (let reads = 0; reads < MAX_READS_PER_PAGE && items.length < page.limit; reads += 1) {
    const answer = await documentClient().send(
      new QueryCommand({ ...query, Limit: page.limit - items.length, ExclusiveStartKey: startKey }),
    );
    items.push(...(answer.Items ?? []).map(page.map));
    startKey = answer.LastEvaluatedKey;
    if (!startKey) break;
  }
  return startKey ? { items, cursor: encodeCursor(startKey) } : { items };
}

function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined, accepts: (key: Key) => boolean): Key | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key) || !accepts(key as Key))
    throw new InvalidCursorError();
  return key as Key;
}
