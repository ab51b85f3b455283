import type { WorkflowFilter } from '#domain/workflow/ports.ts';
import type { Holder } from '#domain/workflow/workflow.ts';
import { filteredListing, type ListingQuery } from './filtered-listing.ts';
import { keys } from './keys.ts';

type Key = Record<string, unknown>;

/** The org's workflows (GSI1, newest first) with `GET /v1/workflows`'s filters (filtered-listing.ts). */
export function workflowListingQuery(tableName: string, orgId: string, filter: WorkflowFilter): ListingQuery {
  return filteredListing(tableName, orgId, { kind: 'WORKFLOWS', itemPrefix: 'WORKFLOW#' }, filter.since, [
    { name: 'type', path: ['type'], value: filter.type },
    { name: 'status', path: ['status'], value: filter.status },
    { name: 'state', path: ['state'], value: filter.state },
    { name: 'propertyId', path: ['facts', 'propertyId'], value: filter.propertyId },
  ]);
}

/**
 * The org's waiting-on items for a holder, the earliest due first. On the table itself, so the
 * read is consistent with the writes that keep the items beside their workflows.
 */
export function waitingOnQuery(tableName: string, orgId: string, holder: Holder): ListingQuery {
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
