import {
  FieldErrors,
  LIMITS,
  listParam,
  modifiedFilter,
  type PageLimits,
  pageOf,
  paginationHeaders,
} from './paging.ts';
import type { Portfolio } from './portfolio.ts';
import {
  type ContactRole,
  type SimContact,
  type SimLease,
  type SimWorkOrder,
  VENDOR_TRADES,
  WORK_ORDER_STATUSES,
} from './records.ts';
import {
  chargeOf,
  isWrapped,
  leasePatchOf,
  newWorkOrderOf,
  vendorNotificationOf,
  workOrderPatchOf,
} from './writes.ts';

export interface ApiRequest {
  readonly method: string;
  /** Under the base URL: `/leases/export`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  /** A fault asked this write to answer 200 and change nothing. */
  readonly ignoreWrite: boolean;
  /** A fault shifted this list page this many rows earlier. */
  readonly shiftRows: number;
  /** The Rentvine user of the API key: API writes are attributed to it. */
  readonly userID: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

type Handler = (request: ApiRequest, params: string[]) => ApiResponse;

const ok = (body: unknown, headers?: Record<string, string>): ApiResponse => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});
export const notFound = (): ApiResponse => ({ status: 404, body: { message: 'Not Found' } });
const missing = (what: string): ApiResponse => ({ status: 404, body: { message: `${what} not found.` } });

/**
 * The Manager API's routes the platform uses, answering with Rentvine's quirks (docs/RENTVINE.md):
 * rows wrapped by type (owners bare), bare arrays without totals, paging headers on some lists,
 * modified-time filters on the three exports only, updates by POST only.
 */
export function rentvineApi(portfolio: Portfolio): (request: ApiRequest) => ApiResponse {
  /** One page of the records, each made a row only once on the page (exports stay cheap at 1,000s). */
  const page = <T>(
    request: ApiRequest,
    records: readonly T[],
    limits: PageLimits,
    toRow: (record: T) => unknown,
    headers = false,
  ) => {
    const result = pageOf(records, request.query, limits, request.shiftRows);
    return ok(result.rows.map(toRow), headers ? paginationHeaders(result) : undefined);
  };
  const contactRow = (contact: SimContact) => ({ contact });
  const exportLease = (lease: SimLease) => {
    const property = portfolio.property(lease.propertyID);
    return {
      lease,
      balances: portfolio.balances(lease.leaseID),
      unpaidCharges: portfolio.unpaidCharges(lease.leaseID),
      property,
      unit: portfolio.unit(lease.unitID),
      portfolio: property ? portfolio.portfolio(property.portfolioID) : undefined,
    };
  };
  const contacts = (role: ContactRole, bare = false, headers = false): Handler[] => [
    (request) =>
      page(request, portfolio.contacts(role), LIMITS.other, (c) => (bare ? c : contactRow(c)), headers),
    (_request, [id]) => {
      const contact = portfolio.contact(id ?? '', role);
      return contact ? ok(contactRow(contact)) : missing('Contact');
    },
  ];
  const [tenants, tenant] = contacts('tenant', false, true);
  const [owners, owner] = contacts('owner', true);
  const [vendors, vendor] = contacts('vendor');

  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/properties$/,
      (r) => page(r, portfolio.properties, LIMITS.other, (property) => ({ property })),
    ],
    [
      'GET',
      /^\/properties\/export$/,
      (r) => {
        const since = modifiedFilter(r.query);
        return page(r, portfolio.properties.filter(since), LIMITS.other, (property) => ({
          property,
          portfolio: portfolio.portfolio(property.portfolioID),
        }));
      },
    ],
    [
      'GET',
      /^\/properties\/units\/export$/,
      (r) => {
        const since = modifiedFilter(r.query);
        const propertyIDs = listParam(r.query, 'propertyIDs');
        const units = portfolio.units.filter(
          (u) => since(u) && (!propertyIDs || propertyIDs.includes(u.propertyID)),
        );
        return page(r, units, LIMITS.unitsExport, (unit) => ({
          unit,
          property: portfolio.property(unit.propertyID),
        }));
      },
    ],
    [
      'GET',
      /^\/properties\/(\d+)$/,
      (_r, [id]) => {
        const property = portfolio.property(id ?? '');
        return property ? ok({ property }) : missing('Property');
      },
    ],
    [
      'GET',
      /^\/properties\/(\d+)\/units$/,
      (r, [id]) =>
        portfolio.property(id ?? '')
          ? page(
              r,
              portfolio.units.filter((u) => u.propertyID === id),
              LIMITS.other,
              (unit) => ({ unit }),
            )
          : missing('Property'),
    ],
    [
      'GET',
      /^\/properties\/(\d+)\/units\/(\d+)$/,
      (_r, [propertyID, unitID]) => {
        const unit = portfolio.unit(unitID ?? '');
        return unit && unit.propertyID === propertyID ? ok({ unit }) : missing('Unit');
      },
    ],
    ['GET', /^\/leases$/, (r) => page(r, portfolio.leases, LIMITS.other, (lease) => ({ lease }))],
    [
      'GET',
      /^\/leases\/export$/,
      (r) => {
        const since = modifiedFilter(r.query);
        const ids = listParam(r.query, 'leaseIDs');
        const primary = listParam(r.query, 'primaryLeaseStatusIDs');
        const statuses = listParam(r.query, 'leaseStatusIDs');
        const leases = portfolio.leases.filter(
          (l) =>
            since(l) &&
            (!ids || ids.includes(l.leaseID)) &&
            (!primary || primary.includes(l.primaryLeaseStatusID)) &&
            (!statuses || statuses.includes(l.leaseStatusID)),
        );
        return page(r, leases, LIMITS.leasesExport, exportLease);
      },
    ],
    [
      'GET',
      /^\/leases\/(\d+)$/,
      (r, [id]) => {
        const lease = portfolio.lease(id ?? '');
        if (!lease) return missing('Lease');
        // The single lease names its tenants; `includes=tenants` adds them as {leaseTenant, contact}.
        const single = { lease: { ...lease, tenants: lease.tenants.map((t) => t.name) } };
        if (!(listParam(r.query, 'includes') ?? []).includes('tenants')) return ok(single);
        const tenantRows = lease.tenants.map((t, i) => ({
          leaseTenant: {
            leaseTenantID: `${lease.leaseID}${i + 1}`,
            leaseID: lease.leaseID,
            contactID: t.contactID,
          },
          contact: portfolio.contact(t.contactID),
        }));
        return ok({ ...single, tenants: tenantRows });
      },
    ],
    [
      'POST',
      /^\/leases\/(\d+)$/,
      (r, [id]) => {
        const lease = portfolio.lease(id ?? '');
        if (!lease) return missing('Lease');
        if (!isWrapped(r.body, 'lease') && !r.ignoreWrite)
          portfolio.updateLease(lease.leaseID, leasePatchOf(r.body), { userID: r.userID });
        return ok({ lease });
      },
    ],
    [
      'POST',
      /^\/accounting\/leases\/(\d+)\/charges$/,
      (r, [id]) => {
        if (!portfolio.lease(id ?? '')) return missing('Lease');
        return ok({
          leaseCharge: portfolio.addLeaseCharge(id ?? '', chargeOf(r.body), { userID: r.userID }),
        });
      },
    ],
    ['GET', /^\/tenants$/, tenants as Handler],
    [
      'GET',
      /^\/tenants\/search$/,
      (r) => {
        const term = (r.query.get('search') ?? r.query.get('name') ?? '').toLowerCase();
        const found = portfolio
          .contacts('tenant')
          .filter((c) => `${c.name} ${c.email} ${c.phone}`.toLowerCase().includes(term));
        return page(r, found, LIMITS.other, contactRow);
      },
    ],
    ['GET', /^\/tenants\/(\d+)$/, tenant as Handler],
    ['GET', /^\/owners$/, owners as Handler],
    ['GET', /^\/owners\/(\d+)$/, owner as Handler],
    ['GET', /^\/vendors$/, vendors as Handler],
    ['GET', /^\/vendors\/(\d+)$/, vendor as Handler],
    [
      'GET',
      /^\/maintenance\/work-orders$/,
      (r) => {
        const q = r.query;
        const equal = (field: string, value: string | null) =>
          value === null || value === '' || field === value;
        const isNew = q.get('isNew');
        const workOrders = portfolio.workOrders.filter(
          (w) =>
            equal(w.propertyID, q.get('propertyID')) &&
            equal(w.unitID ?? '', q.get('unitID')) &&
            equal(w.leaseID ?? '', q.get('leaseID')) &&
            equal(w.workOrderStatusID, q.get('workOrderStatusID')) &&
            (isNew === null || isNew === '' || (w.primaryWorkOrderStatusID === '1') === (isNew === '1')),
        );
        const row = (workOrder: SimWorkOrder) => ({
          workOrder,
          contact: workOrder.vendorContactID ? (portfolio.contact(workOrder.vendorContactID) ?? null) : null,
        });
        return page(r, workOrders, LIMITS.workOrders, row, true);
      },
    ],
    [
      'POST',
      /^\/maintenance\/work-orders$/,
      (r) => {
        const workOrder = portfolio.createWorkOrder(newWorkOrderOf(r.body, portfolio), {
          userID: r.userID,
          sendVendorNotification: vendorNotificationOf(r.body),
        });
        return ok({ workOrder, schedulingStatusID: null });
      },
    ],
    [
      'GET',
      /^\/maintenance\/work-orders\/(\d+)$/,
      (_r, [id]) => {
        const workOrder = portfolio.workOrder(id ?? '');
        return workOrder ? ok({ workOrder }) : missing('Work order');
      },
    ],
    [
      'POST',
      /^\/maintenance\/work-orders\/(\d+)$/,
      (r, [id]) => {
        const workOrder = portfolio.workOrder(id ?? '');
        if (!workOrder) return missing('Work order');
        if (!isWrapped(r.body, 'workOrder') && !r.ignoreWrite)
          portfolio.updateWorkOrder(
            workOrder.workOrderID,
            workOrderPatchOf(r.body, portfolio, workOrder.propertyID),
            {
              userID: r.userID,
              sendVendorNotification: vendorNotificationOf(r.body),
            },
          );
        return ok({ workOrder, schedulingStatusID: null });
      },
    ],
    [
      'GET',
      /^\/maintenance\/work-order\/statuses$/,
      () => ok(WORK_ORDER_STATUSES.map((workOrderStatus) => ({ workOrderStatus }))),
    ],
    [
      'GET',
      /^\/maintenance\/vendor-trades$/,
      () => ok(VENDOR_TRADES.map((vendorTrade) => ({ vendorTrade }))),
    ],
  ];

  return (request) => {
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(request.path);
      // Any other method on a known path (PUT, PATCH, DELETE) is 404, as Rentvine answers.
      if (!match || method !== request.method) continue;
      try {
        return handler(request, match.slice(1));
      } catch (error) {
        if (error instanceof FieldErrors) return { status: 400, body: error.fields };
        throw error;
      }
    }
    return notFound();
  };
}
