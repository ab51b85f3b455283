import { z } from 'zod';
import {
  absent,
  htmlToText,
  RentvineDate,
  RentvineDateTime,
  RentvineDecimal,
  RentvineFlag,
  RentvineId,
  RentvineInt,
  RentvineMoney,
  RentvineText,
} from './wire.ts';

/**
 * What the platform keeps of each Rentvine entity (fields per docs/RENTVINE.md). Every schema is a
 * whitelist: anything not named here (birth dates, identification and bank numbers, tax ids…)
 * is dropped at parse time and never reaches a snapshot, a log line or a workflow.
 */

/** Each entity's own id field: a row carrying another entity's id is that entity, not this one. */
const PRIMARY_IDS = [
  'propertyID',
  'unitID',
  'contactID',
  'leaseID',
  'leaseChargeID',
  'paymentID',
  'workOrderID',
];

/**
 * One entity's row. Rows sometimes come wrapped by type (`{ workOrder: {...} }`) and sometimes
 * bare: both are accepted. A bare row that carries the id of an entity this one never refers to
 * (a work order's `workOrderID` in a `property.updated`) is drift: its foreign keys alone would
 * otherwise read as a valid, empty snapshot of the wrong entity.
 */
function rentvineRow<Shape extends z.ZodRawShape, T>(
  wrapper: string,
  shape: Shape,
  toSnapshot: (row: z.output<z.ZodObject<Shape>>) => T,
) {
  return z.preprocess((value, ctx) => {
    const row =
      value && typeof value === 'object' && wrapper in value
        ? (value as Record<string, unknown>)[wrapper]
        : value;
    if (!row || typeof row !== 'object') return row;
    for (const foreign of PRIMARY_IDS.filter((id) => id in row && !(id in shape))) {
      ctx.addIssue({
        code: 'custom',
        path: [foreign],
        message: `belongs to another entity (no ${wrapper} has it)`,
      });
    }
    return row;
  }, z.object(shape).transform(toSnapshot));
}

/** Ids that are sometimes free text in Rentvine (state codes, work-order numbers). */
const Code = z.union([RentvineText(100), z.number()]).transform(String);

const Address = {
  address: absent(RentvineText(300)),
  address2: absent(RentvineText(300)),
  city: absent(RentvineText(100)),
  stateID: absent(Code),
  postalCode: absent(RentvineText(20)),
};

function addressOf(a: {
  address?: string;
  address2?: string;
  city?: string;
  stateID?: string;
  postalCode?: string;
}) {
  return {
    address: a.address,
    address2: a.address2,
    city: a.city,
    state: a.stateID,
    postalCode: a.postalCode,
  };
}

export const PropertySnapshot = rentvineRow(
  'property',
  {
    propertyID: RentvineId,
    portfolioID: absent(RentvineId),
    name: absent(RentvineText(300)),
    ...Address,
    propertyTypeID: absent(RentvineId),
    isMultiUnit: absent(RentvineFlag),
    isActive: absent(RentvineFlag),
    dateTimeModified: absent(RentvineDateTime),
  },
  (p) => ({
    propertyId: p.propertyID,
    portfolioId: p.portfolioID,
    name: p.name,
    ...addressOf(p),
    propertyTypeId: p.propertyTypeID,
    isMultiUnit: p.isMultiUnit,
    isActive: p.isActive,
    dateTimeModified: p.dateTimeModified,
  }),
);
export type PropertySnapshot = z.infer<typeof PropertySnapshot>;

export const UnitSnapshot = rentvineRow(
  'unit',
  {
    unitID: RentvineId,
    propertyID: RentvineId,
    name: absent(RentvineText(300)),
    address: absent(RentvineText(300)),
    rent: absent(RentvineMoney),
    deposit: absent(RentvineMoney),
    beds: absent(RentvineDecimal),
    fullBaths: absent(RentvineDecimal),
    size: absent(RentvineDecimal),
    isActive: absent(RentvineFlag),
    dateTimeModified: absent(RentvineDateTime),
  },
  (u) => ({
    unitId: u.unitID,
    propertyId: u.propertyID,
    name: u.name,
    address: u.address,
    rent: u.rent,
    deposit: u.deposit,
    beds: u.beds,
    fullBaths: u.fullBaths,
    size: u.size,
    isActive: u.isActive,
    dateTimeModified: u.dateTimeModified,
  }),
);
export type UnitSnapshot = z.infer<typeof UnitSnapshot>;

/** Which of tenants, owners and vendors a contact was read as (they share one shape in Rentvine). */
export const CONTACT_ROLES = ['tenant', 'owner', 'vendor'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * Tenants, owners and vendors share this shape; only their contact routes are kept. `role` is not
 * Rentvine's: the reader sets it from the list or event the contact came from.
 */
export const ContactSnapshot = rentvineRow(
  'contact',
  {
    contactID: RentvineId,
    role: absent(z.enum(CONTACT_ROLES)),
    contactTypeID: absent(RentvineId),
    name: absent(RentvineText(300)),
    firstName: absent(RentvineText(150)),
    lastName: absent(RentvineText(150)),
    email: absent(RentvineText(320)),
    phone: absent(RentvineText(50)),
    ...Address,
    isActive: absent(RentvineFlag),
    dateTimeModified: absent(RentvineDateTime),
  },
  (c) => ({
    contactId: c.contactID,
    role: c.role,
    contactTypeId: c.contactTypeID,
    name: c.name,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    ...addressOf(c),
    isActive: c.isActive,
    dateTimeModified: c.dateTimeModified,
  }),
);
export type ContactSnapshot = z.infer<typeof ContactSnapshot>;

export const WorkOrderSnapshot = rentvineRow(
  'workOrder',
  {
    workOrderID: RentvineId,
    workOrderNumber: absent(Code),
    propertyID: RentvineId,
    unitID: absent(RentvineId),
    leaseID: absent(RentvineId),
    description: z
      .string()
      .max(100_000)
      .nullish()
      .transform((html) => htmlToText(html ?? '')),
    priorityID: absent(RentvineInt),
    workOrderStatusID: absent(RentvineId),
    primaryWorkOrderStatusID: absent(RentvineInt),
    vendorContactID: absent(RentvineId),
    vendorTradeID: absent(RentvineId),
    estimatedAmount: absent(RentvineMoney),
    isOwnerApproved: absent(RentvineFlag),
    scheduledStartDate: absent(RentvineDate),
    scheduledEndDate: absent(RentvineDate),
    actualStartDate: absent(RentvineDate),
    actualEndDate: absent(RentvineDate),
    dateClosed: absent(RentvineDate),
    dateTimeModified: absent(RentvineDateTime),
  },
  (w) => ({
    workOrderId: w.workOrderID,
    workOrderNumber: w.workOrderNumber,
    propertyId: w.propertyID,
    unitId: w.unitID,
    leaseId: w.leaseID,
    description: w.description,
    priorityId: w.priorityID,
    statusId: w.workOrderStatusID,
    primaryStatusId: w.primaryWorkOrderStatusID,
    vendorContactId: w.vendorContactID,
    vendorTradeId: w.vendorTradeID,
    estimatedAmount: w.estimatedAmount,
    isOwnerApproved: w.isOwnerApproved,
    scheduledStartDate: w.scheduledStartDate,
    scheduledEndDate: w.scheduledEndDate,
    actualStartDate: w.actualStartDate,
    actualEndDate: w.actualEndDate,
    dateClosed: w.dateClosed,
    dateTimeModified: w.dateTimeModified,
  }),
);
export type WorkOrderSnapshot = z.infer<typeof WorkOrderSnapshot>;

/** A lease's balances, as the leases export carries them beside the lease (polled: no payment event). */
const Balances = z
  .object({
    unpaidTotalAmount: absent(RentvineMoney),
    unpaidRentAmount: absent(RentvineMoney),
    pastDueTotalAmount: absent(RentvineMoney),
    pastDueRentAmount: absent(RentvineMoney),
  })
  .transform((b) => ({
    unpaidTotal: b.unpaidTotalAmount ?? 0,
    unpaidRent: b.unpaidRentAmount ?? 0,
    pastDueTotal: b.pastDueTotalAmount ?? 0,
    pastDueRent: b.pastDueRentAmount ?? 0,
  }));

const Tenant = z
  .object({
    contactID: RentvineId,
    name: absent(RentvineText(300)),
    email: absent(RentvineText(320)),
    phone: absent(RentvineText(50)),
    isActive: absent(RentvineFlag),
  })
  .transform((t) => ({
    contactId: t.contactID,
    name: t.name,
    email: t.email,
    phone: t.phone,
    isActive: t.isActive,
  }));

export const LeaseSnapshot = rentvineRow(
  'lease',
  {
    leaseID: RentvineId,
    code: absent(RentvineText(100)),
    propertyID: RentvineId,
    unitID: absent(RentvineId),
    primaryLeaseStatusID: absent(RentvineInt),
    leaseStatusID: absent(RentvineId),
    startDate: absent(RentvineDate),
    endDate: absent(RentvineDate),
    moveInDate: absent(RentvineDate),
    moveOutDate: absent(RentvineDate),
    noticeDate: absent(RentvineDate),
    tenants: absent(z.array(Tenant).max(50)),
    /** Not on the lease itself: the reader moves the export row's `balances` here. */
    balances: absent(Balances),
    dateTimeModified: absent(RentvineDateTime),
  },
  (l) => ({
    leaseId: l.leaseID,
    code: l.code,
    propertyId: l.propertyID,
    unitId: l.unitID,
    primaryStatusId: l.primaryLeaseStatusID,
    statusId: l.leaseStatusID,
    startDate: l.startDate,
    endDate: l.endDate,
    moveInDate: l.moveInDate,
    moveOutDate: l.moveOutDate,
    noticeDate: l.noticeDate,
    tenants: l.tenants ?? [],
    balances: l.balances,
    dateTimeModified: l.dateTimeModified,
  }),
);
export type LeaseSnapshot = z.infer<typeof LeaseSnapshot>;

/** A charge on a lease (rent, fees). Field names beyond the ids are [guess]: all optional. */
export const LeaseChargeSnapshot = rentvineRow(
  'leaseCharge',
  {
    leaseChargeID: RentvineId,
    leaseID: RentvineId,
    propertyID: absent(RentvineId),
    unitID: absent(RentvineId),
    chargeAccountID: absent(RentvineId),
    amount: RentvineMoney,
    description: absent(RentvineText(1000)),
    dateDue: absent(RentvineDate),
    startDate: absent(RentvineDate),
    endDate: absent(RentvineDate),
    isRecurring: absent(RentvineFlag),
    dateTimeModified: absent(RentvineDateTime),
  },
  (c) => ({
    leaseChargeId: c.leaseChargeID,
    leaseId: c.leaseID,
    propertyId: c.propertyID,
    unitId: c.unitID,
    chargeAccountId: c.chargeAccountID,
    amount: c.amount,
    description: c.description,
    dateDue: c.dateDue,
    startDate: c.startDate,
    endDate: c.endDate,
    isRecurring: c.isRecurring,
    dateTimeModified: c.dateTimeModified,
  }),
);
export type LeaseChargeSnapshot = z.infer<typeof LeaseChargeSnapshot>;
