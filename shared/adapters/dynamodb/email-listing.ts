import type { EmailFilter } from '#domain/emails/ports.ts';
import { filteredListing, type ListingQuery } from './filtered-listing.ts';

/**
 * The org's email listing (GSI1, newest first) with `GET /v1/emails`'s filters (filtered-listing.ts).
 */
export function emailListingQuery(tableName: string, orgId: string, filter: EmailFilter): ListingQuery {
  return filteredListing(tableName, orgId, { kind: 'EMAILS', itemPrefix: 'EMAIL#' }, filter.since, [
    { name: 'status', path: ['status'], value: filter.status },
    { name: 'category', path: ['triage', 'category'], value: filter.category },
    { name: 'urgency', path: ['triage', 'urgency'], value: filter.urgency },
    { name: 'needsHuman', path: ['triage', 'needsHuman'], value: filter.needsHuman },
  ]);
}
