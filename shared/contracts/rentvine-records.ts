import { z } from 'zod';
import { LEASE_STATUSES, RECORD_STATUSES, WORK_ORDER_STATUSES } from '#vocabulary/rentvine.ts';
import { IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';

/*
 * The org's Rentvine records as the platform mirrors them (snapshots kept by webhooks and sync),
 * listed by GET /v1/properties, /v1/units, /v1/leases, /v1/tenants, /v1/vendors, /v1/work-orders.
 * Ids are Rentvine's, as decimal strings; money is a number of dollars.
 */

const Id = z.string().meta({ description: "Rentvine's id" });
const Text = z.string().optional();
const Amount = z.number().optional();
/** Rentvine dates as it sends them (`YYYY-MM-DD`). */
const Day = z.string().optional();

/** What every listed record carries besides its own fields. */
function record<const S extends z.ZodRawShape, const W extends readonly [string, ...string[]]>(
  id: string,
  statuses: W,
  shape: S,
) {
  return z
    .object({
      ...shape,
      status: z.enum(statuses).optional().meta({ description: 'Absent when Rentvine did not say' }),
      modifiedAt: z.string().optional().meta({ description: "Rentvine's own modified time" }),
      updatedAt: z.string().meta({ description: 'When the platform last stored this record' }),
    })
    .meta({ id });
}

const Address = {
  address: Text,
  address2: Text,
  city: Text,
  state: Text,
  postalCode: Text,
};

export const PropertyView = record('Property', RECORD_STATUSES, {
  propertyId: Id,
  portfolioId: Text,
  name: Text,
  ...Address,
  propertyTypeId: Text,
  isMultiUnit: z.boolean().optional(),
});

export const UnitView = record('Unit', RECORD_STATUSES, {
  unitId: Id,
  propertyId: Id,
  name: Text,
  address: Text,
  rent: Amount.meta({ description: "The unit's listed rent" }),
  deposit: Amount,
  beds: Amount,
  fullBaths: Amount,
  size: Amount,
});

export const LeaseView = record('Lease', LEASE_STATUSES, {
  leaseId: Id,
  code: Text,
  propertyId: Id,
  unitId: Text,
  statusId: Text.meta({ description: 'The account-defined lease status' }),
  startDate: Day,
  endDate: Day,
  moveInDate: Day,
  moveOutDate: Day,
  noticeDate: Day,
  tenants: z
    .array(
      z.object({
        contactId: Id,
        name: Text,
        email: Text,
        phone: Text,
        isActive: z.boolean().optional(),
      }),
    )
    .optional(),
  balances: z
    .object({
      unpaidTotal: z.number(),
      unpaidRent: z.number(),
      pastDueTotal: z.number(),
      pastDueRent: z.number(),
    })
    .optional()
    .meta({ description: 'As of the last sync of the leases export (payments have no webhook)' }),
});

export const ContactView = record('Contact', RECORD_STATUSES, {
  contactId: Id,
  name: Text,
  firstName: Text,
  lastName: Text,
  email: Text,
  phone: Text,
  ...Address,
});

export const WorkOrderView = record('WorkOrder', WORK_ORDER_STATUSES, {
  workOrderId: Id,
  workOrderNumber: Text,
  propertyId: Id,
  unitId: Text,
  leaseId: Text,
  description: Text.meta({ description: 'Plain text (Rentvine keeps HTML)' }),
  priorityId: z.number().int().optional().meta({ description: '1 low, 2 medium, 3 high' }),
  statusId: Text.meta({ description: 'The account-defined work-order status' }),
  vendorContactId: Text,
  vendorTradeId: Text,
  estimatedAmount: Amount,
  isOwnerApproved: z.boolean().optional(),
  scheduledStartDate: Day,
  scheduledEndDate: Day,
  actualStartDate: Day,
  actualEndDate: Day,
  dateClosed: Day,
});

const Since = IsoInstant.transform((since) => new Date(since).toISOString()).meta({
  description: 'Only records the platform stored (created or changed) at or after this instant',
});
const PropertyId = z.string().regex(/^\d{1,20}$/, 'expected a Rentvine property id (digits)');

/** Strict queries: a misspelt filter is an error rather than a silently unfiltered listing. */
function listQuery<const W extends readonly [string, ...string[]]>(statuses: W) {
  return z.strictObject({ status: z.enum(statuses).optional(), since: Since.optional(), ...PageQuery });
}
const ByProperty = { propertyId: PropertyId.optional() };

export const PropertyListQuery = listQuery(RECORD_STATUSES);
export const UnitListQuery = listQuery(RECORD_STATUSES).extend(ByProperty);
export const LeaseListQuery = listQuery(LEASE_STATUSES).extend(ByProperty);
export const ContactListQuery = listQuery(RECORD_STATUSES);
export const WorkOrderListQuery = listQuery(WORK_ORDER_STATUSES).extend(ByProperty);

export const PropertyPage = z.object({ properties: z.array(PropertyView), nextCursor: NextCursor });
export const UnitPage = z.object({ units: z.array(UnitView), nextCursor: NextCursor });
export const LeasePage = z.object({ leases: z.array(LeaseView), nextCursor: NextCursor });
export const TenantPage = z.object({ tenants: z.array(ContactView), nextCursor: NextCursor });
export const VendorPage = z.object({ vendors: z.array(ContactView), nextCursor: NextCursor });
export const WorkOrderPage = z.object({ workOrders: z.array(WorkOrderView), nextCursor: NextCursor });
