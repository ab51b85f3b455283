import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EmailFilter } from '#domain/emails/ports.ts';
import { keys } from './keys.ts';

type Key = Record<string, unknown>;

/**
 * The org's email listing (GSI1, newest first) with `GET /v1/emails`'s filters: `since` bounds
 * the key range, the rest are a filter DynamoDB applies after reading (readListingPage keeps
 * reading, bounded, to fill a page). `accepts` takes only a cursor this listing could issue.
 */
export function emailListingQuery(
  tableName: string,
  orgId: string,
  filter: EmailFilter,
): { query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>; accepts: (key: Key) => boolean } {
  const listingPk = keys.listing(orgId, 'EMAILS', '', '').GSI1PK;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': listingPk };
  const filters: string[] = [];
  const match = (name: string, path: string, value: unknown) => {
    values[`:${name}`] = value;
    filters.push(`${path} = :${name}`);
  };
  if (filter.status !== undefined) {
    names['#status'] = 'status';
    match('status', '#status', filter.status);
  }
  if (filter.category !== undefined) match('category', 'triage.category', filter.category);
  if (filter.urgency !== undefined) match('urgency', 'triage.urgency', filter.urgency);
  if (filter.needsHuman !== undefined) match('needsHuman', 'triage.needsHuman', filter.needsHuman);
  let condition = 'GSI1PK = :pk';
  if (filter.since !== undefined) {
    values[':since'] = filter.since;
    condition += ' AND GSI1SK >= :since';
  }
  const accepts = (key: Key) => {
    const { PK, SK, GSI1PK, GSI1SK, ...extra } = key;
    return (
      Object.keys(extra).length === 0 &&
      PK === keys.org(orgId) &&
      typeof SK === 'string' &&
      SK.startsWith('EMAIL#') &&
      GSI1PK === listingPk &&
      typeof GSI1SK === 'string' &&
      (filter.since === undefined || GSI1SK >= filter.since)
    );
  };
  return {
    query: {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: condition,
      ScanIndexForward: false,
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
    accepts,
  };
}
