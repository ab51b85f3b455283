import type { z } from 'zod';
import {
  ContactListQuery,
  ContactView,
  LeaseListQuery,
  LeasePage,
  LeaseView,
  PropertyListQuery,
  PropertyPage,
  PropertyView,
  TenantPage,
  UnitListQuery,
  UnitPage,
  UnitView,
  VendorPage,
  WorkOrderListQuery,
  WorkOrderPage,
  WorkOrderView,
} from '#contracts/rentvine-records.ts';
import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { SnapshotCatalogue } from '#domain/rentvine/ports.ts';
import type { ContactRole } from '#domain/rentvine/snapshots.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { pageOf } from './listing.ts';
import { recordView } from './rentvine-record-view.ts';

type RecordListing =
  | 'listProperties'
  | 'listUnits'
  | 'listLeases'
  | 'listTenants'
  | 'listVendors'
  | 'listWorkOrders';

interface Listing {
  readonly summary: string;
  readonly kind: EntityKind;
  /** Contacts: which of them. */
  readonly role?: ContactRole;
  readonly query: z.ZodType<{
    status?: string;
    propertyId?: string;
    since?: string;
    limit: number;
    cursor?: string;
  }>;
  /** The answer's member holding the records, and its schemas. */
  readonly member: string;
  readonly page: z.ZodType;
  readonly view: z.ZodObject;
}

const LISTINGS: Record<RecordListing, Listing> = {
  listProperties: {
    summary: "List the org's Rentvine properties",
    kind: 'property',
    query: PropertyListQuery,
    member: 'properties',
    page: PropertyPage,
    view: PropertyView,
  },
  listUnits: {
    summary: "List the org's Rentvine units",
    kind: 'unit',
    query: UnitListQuery,
    member: 'units',
    page: UnitPage,
    view: UnitView,
  },
  listLeases: {
    summary: "List the org's Rentvine leases, with their balances",
    kind: 'lease',
    query: LeaseListQuery,
    member: 'leases',
    page: LeasePage,
    view: LeaseView,
  },
  listTenants: {
    summary: "List the org's Rentvine tenants",
    kind: 'contact',
    role: 'tenant',
    query: ContactListQuery,
    member: 'tenants',
    page: TenantPage,
    view: ContactView,
  },
  listVendors: {
    summary: "List the org's Rentvine vendors",
    kind: 'contact',
    role: 'vendor',
    query: ContactListQuery,
    member: 'vendors',
    page: VendorPage,
    view: ContactView,
  },
  listWorkOrders: {
    summary: "List the org's Rentvine work orders",
    kind: 'work_order',
    query: WorkOrderListQuery,
    member: 'workOrders',
    page: WorkOrderPage,
    view: WorkOrderView,
  },
};

const DESCRIPTION =
  'The records the platform mirrors from Rentvine (kept by webhooks and the scheduled sync), ordered ' +
  'by id as text (`10` before `9`), one page at a time: pass `nextCursor` as `cursor` for the next.';

/** The listings of an org's Rentvine records (scope `properties:read`). */
export function rentvineRecordOperations(deps: {
  readonly catalogue: SnapshotCatalogue;
}): Record<RecordListing, Operation> {
  const operations = Object.entries(LISTINGS).map(([name, listing]) => {
    const view = recordView(listing.view, listing.kind);
    const answer = operation(
      {
        summary: listing.summary,
        description: DESCRIPTION,
        query: listing.query,
        responses: { 200: { description: 'One page of records', body: listing.page } },
      },
      async (request) => {
        const page = await pageOf(() =>
          deps.catalogue.list(orgOf(request), {
            ...request.query,
            kind: listing.kind,
            ...(listing.role ? { role: listing.role } : {}),
          }),
        );
        return jsonResponse(200, {
          [listing.member]: page.items.map(view),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        });
      },
    );
    return [name, answer] as const;
  });
  return Object.fromEntries(operations) as Record<RecordListing, Operation>;
}
