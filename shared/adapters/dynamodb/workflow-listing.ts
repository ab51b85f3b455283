import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { WorkflowFilter } from '#domain/workflow/ports.ts';
import type { Holder } from '#domain/workflow/workflow.ts';
import { keys } from './keys.ts';

type Key = Record<string, unknown>;
type Listing = {
  query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  accepts: (key: Key) => boolean;
};

/**
 * The org's workflows (GSI1, newest first): `since` bounds the key range, the other filters
 * apply after the read (readListingPage reads on, bounded, to fill the page). `accepts` takes
 * only a cursor this listing could have issued.
 */
export function workflowListingQuery(tableName: string, orgId: string, filter: WorkflowFilter): Listing {
  const listingPk = keys.listing(orgId, 'WORKFLOWS', '', '').GSI1PK;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': listingPk };
  const filters: string[] = [];
  const match = (name: string, path: readonly string[], value: unknown) => {
    for (const part of path) names[`#${part}`] = part;
    values[`:${name}`] = value;
    filters.push(`${path.map((part) => `#${part}`).join('.')} = :${name}`);
  };
  if (filter.type !== undefined) match('type', ['type'], filter.type);
  if (filter.status !== undefined) match('status', ['status'], filter.status);
  if (filter.state !== undefined) match('state', ['state'], filter.state);
  if (filter.propertyId !== undefined) match('propertyId', ['facts', 'propertyId'], filter.propertyId);
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
      SK.startsWith('WORKFLOW#') &&
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
      ...(filters.length > 0
        ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
        : {}),
      ExpressionAttributeValues: values,
    },
    accepts,
  };
}

/**
 * The org's waiting-on items for a holder, the earliest due first. On the table itself, so the
 * read is consistent with the writes that keep the items beside their workflows.
 */
export function waitingOnQuery(tableName: string, orgId: string, holder: Holder): Listing {
  const prefix = keys.waitingOnPrefix(holder);
  const accepts = (key: Key) => {
    const { PK, SK, ...extra } = key;
    return (
      Object.keys(extra).length === 0 &&
      PK === keys.org(orgId) &&
      typeof SK === 'string' &&
      SK.startsWith(prefix)
    );
  };
  return {
    query: {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.org(orgId), ':prefix': prefix },
      ConsistentRead: true,
    },
    accepts,
  };
}
