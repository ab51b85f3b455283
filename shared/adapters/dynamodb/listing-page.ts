import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { documentClient } from './document-client.ts';

type Key = Record<string, unknown>;

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
