import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { RecordRef, SyncResource } from '#domain/rentvine/ports.ts';
import type { ContactRole } from '#domain/rentvine/snapshots.ts';

/**
 * Where each resource lives in Rentvine's API and how its rows become entity data (the input of
 * the snapshot schemas in shared/domain/rentvine/snapshots.ts). Page sizes are the largest each
 * list is known to honour (docs/RENTVINE.md); those marked [guess] were never measured.
 */
export interface ResourceSpec {
  readonly path: string;
  readonly pageSize: number;
  /** Takes `dateTimeModifiedMin`: only the exports do. */
  readonly modifiedFilter: boolean;
  readonly kind: EntityKind;
  /** A list row (wrapped or bare) → the entity's data. */
  readonly entityOf: (row: unknown) => unknown;
}

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => !!value && typeof value === 'object' && !Array.isArray(value);

/** The row's `wrapper` member when it is wrapped by type, else the row itself (bare). */
export function unwrap(row: unknown, wrapper: string): unknown {
  return isRow(row) && isRow(row[wrapper]) ? row[wrapper] : row;
}

/**
 * A lease's tenants as objects with their contact id. The export and `?includes=tenants` give
 * `{leaseTenant, contact}` pairs or contacts; a plain `GET /leases/{id}` gives names only,
 * which identify no one and are dropped.
 */
function leaseTenants(tenants: unknown): unknown[] | undefined {
  if (!Array.isArray(tenants)) return undefined;
  return tenants
    .map((tenant) => unwrap(tenant, 'contact'))
    .filter((tenant) => isRow(tenant) && 'contactID' in tenant);
}

/**
 * A lease row: the export puts `balances` (and, with `includes=tenants`, the tenants) beside the
 * lease; LeaseSnapshot reads them on the lease.
 */
export function leaseEntity(row: unknown, tenantsBeside?: unknown): unknown {
  const lease = unwrap(row, 'lease');
  if (!isRow(lease)) return lease;
  const balances = isRow(row) && isRow(row.balances) ? row.balances : lease.balances;
  const tenants = leaseTenants(tenantsBeside ?? (isRow(row) ? row.tenants : undefined) ?? lease.tenants);
  return { ...lease, balances, tenants };
}

/** A contact, with the role it was read as (tenants, owners and vendors share one shape). */
export function contactEntity(row: unknown, role: ContactRole): unknown {
  const contact = unwrap(row, 'contact');
  return isRow(contact) ? { ...contact, role } : contact;
}

const contacts = (path: string, role: ContactRole): ResourceSpec => ({
  path,
  pageSize: 500, // [guess]: the largest size measured on other lists
  modifiedFilter: false,
  kind: 'contact',
  entityOf: (row) => contactEntity(row, role),
});

export const RESOURCES: Readonly<Record<SyncResource, ResourceSpec>> = {
  properties: {
    path: '/properties/export',
    pageSize: 500, // [guess]
    modifiedFilter: true,
    kind: 'property',
    entityOf: (row) => unwrap(row, 'property'),
  },
  units: {
    path: '/properties/units/export',
    pageSize: 500,
    modifiedFilter: true,
    kind: 'unit',
    entityOf: (row) => unwrap(row, 'unit'),
  },
  leases: {
    path: '/leases/export',
    pageSize: 2000,
    modifiedFilter: true,
    kind: 'lease',
    entityOf: (row) => leaseEntity(row),
  },
  tenants: contacts('/tenants', 'tenant'),
  owners: contacts('/owners', 'owner'),
  vendors: contacts('/vendors', 'vendor'),
  work_orders: {
    path: '/maintenance/work-orders',
    pageSize: 500,
    modifiedFilter: false,
    kind: 'work_order',
    entityOf: (row) => unwrap(row, 'workOrder'),
  },
};

const CONTACT_PATHS: Readonly<Record<ContactRole, string>> = {
  tenant: '/tenants',
  owner: '/owners',
  vendor: '/vendors',
};

const segment = (id: string) => encodeURIComponent(id);

/** The path of one record, its query, and how its answer becomes entity data. */
export function recordRequest(ref: RecordRef): {
  path: string;
  query: Record<string, string>;
  entityOf: (body: unknown) => unknown;
} {
  switch (ref.kind) {
    case 'property':
      return { path: `/properties/${segment(ref.id)}`, query: {}, entityOf: (b) => unwrap(b, 'property') };
    case 'unit':
      return {
        path: `/properties/${segment(ref.propertyId)}/units/${segment(ref.id)}`,
        query: {},
        entityOf: (b) => unwrap(b, 'unit'),
      };
    case 'lease':
      // Without `includes=tenants` the lease's tenants are bare names.
      return {
        path: `/leases/${segment(ref.id)}`,
        query: { includes: 'tenants' },
        entityOf: (b) => leaseEntity(b),
      };
    case 'work_order':
      return {
        path: `/maintenance/work-orders/${segment(ref.id)}`,
        query: {},
        entityOf: (b) => unwrap(b, 'workOrder'),
      };
    case 'contact':
      return {
        path: `${CONTACT_PATHS[ref.role]}/${segment(ref.id)}`,
        query: {},
        entityOf: (b) => contactEntity(b, ref.role),
      };
  }
}

/**
 * What the answer's `pagination-*` headers say, when it has them ([3p]: names unconfirmed, so read
 * loosely): the page size honoured, and the number of pages — a total page count, or a total row
 * count over the page size. Knowing the count spares the empty page that otherwise ends a list
 * whose size is a multiple of the page size; knowing the size, a page Rentvine cut silently is
 * not taken for the last one.
 */
export function paginationFrom(
  headers: Headers,
  requestedSize: number,
): { pages?: number; pageSize?: number } {
  let pages: number | undefined;
  let rows: number | undefined;
  let pageSize: number | undefined;
  headers.forEach((value, name) => {
    const n = name.toLowerCase();
    if (!n.startsWith('pagination-') || !/^\d+$/.test(value.trim())) return;
    const number = Number(value.trim());
    if (/total-?pages|page-?count|last-?page/.test(n)) pages = number;
    else if (/page-?size|per-?page|limit/.test(n)) pageSize = number > 0 ? number : undefined;
    else if (/total|count|records|results|items/.test(n) && !/page/.test(n)) rows = number;
  });
  const size = pageSize ?? requestedSize;
  return {
    ...(pages !== undefined ? { pages } : rows !== undefined ? { pages: Math.ceil(rows / size) } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
  };
}
