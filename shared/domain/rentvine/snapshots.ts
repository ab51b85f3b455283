import { z } from 'zod';
import {
  htmlToText,
  RentvineDateTime,
  RentvineFlag,
  RentvineId,
  RentvineInt,
  RentvineMoney,
} from './wire.ts';

/** Rows sometimes come wrapped by type (`{ workOrder: {...} }`) and sometimes bare: accept both. */
function unwrapped<S extends z.ZodType>(key: string, schema: S) {
  return z.preprocess((value) => {
    if (value && typeof value === 'object' && key in value) return (value as Record<string, unknown>)[key];
    return value;
  }, schema);
}

export const WorkOrderSnapshot = unwrapped(
  'workOrder',
  z
    .object({
      workOrderID: RentvineId,
      workOrderNumber: z.union([z.string(), z.number()]).transform(String).optional(),
      propertyID: RentvineId,
      unitID: RentvineId.nullish(),
      leaseID: RentvineId.nullish(),
      description: z.string().max(100_000).default('').transform(htmlToText),
      priorityID: RentvineInt.optional(),
      workOrderStatusID: RentvineId.nullish(),
      primaryWorkOrderStatusID: RentvineInt.nullish(),
      vendorContactID: RentvineId.nullish(),
      estimatedAmount: RentvineMoney.nullish(),
      isOwnerApproved: RentvineFlag.optional(),
      dateTimeModified: RentvineDateTime.optional(),
    })
    .transform((w) => ({
      workOrderId: w.workOrderID,
      workOrderNumber: w.workOrderNumber,
      propertyId: w.propertyID,
      unitId: w.unitID ?? undefined,
      leaseId: w.leaseID ?? undefined,
      description: w.description,
      priorityId: w.priorityID,
      statusId: w.workOrderStatusID ?? undefined,
      primaryStatusId: w.primaryWorkOrderStatusID ?? undefined,
      vendorContactId: w.vendorContactID ?? undefined,
      estimatedAmount: w.estimatedAmount ?? undefined,
      isOwnerApproved: w.isOwnerApproved,
      dateTimeModified: w.dateTimeModified,
    })),
);
export type WorkOrderSnapshot = z.infer<typeof WorkOrderSnapshot>;

const Tenant = z.object({
  contactID: RentvineId,
  name: z.string().max(300).optional(),
  email: z.string().max(320).nullish(),
  phone: z.string().max(50).nullish(),
  isActive: RentvineFlag.optional(),
});

export const LeaseSnapshot = unwrapped(
  'lease',
  z
    .object({
      leaseID: RentvineId,
      code: z.string().max(100).nullish(),
      propertyID: RentvineId,
      unitID: RentvineId.nullish(),
      primaryLeaseStatusID: RentvineInt.optional(),
      leaseStatusID: RentvineId.nullish(),
      startDate: z.string().max(40).nullish(),
      endDate: z.string().max(40).nullish(),
      moveInDate: z.string().max(40).nullish(),
      moveOutDate: z.string().max(40).nullish(),
      noticeDate: z.string().max(40).nullish(),
      tenants: z.array(Tenant).max(50).optional(),
      dateTimeModified: RentvineDateTime.optional(),
    })
    .transform((l) => ({
      leaseId: l.leaseID,
      code: l.code ?? undefined,
      propertyId: l.propertyID,
      unitId: l.unitID ?? undefined,
      primaryStatusId: l.primaryLeaseStatusID,
      statusId: l.leaseStatusID ?? undefined,
      startDate: l.startDate ?? undefined,
      endDate: l.endDate ?? undefined,
      moveInDate: l.moveInDate ?? undefined,
      moveOutDate: l.moveOutDate ?? undefined,
      noticeDate: l.noticeDate ?? undefined,
      // Only what the workflows need about people: no PII beyond contact routes (RENTVINE.md).
      tenants: (l.tenants ?? []).map((t) => ({
        contactId: t.contactID,
        name: t.name,
        email: t.email ?? undefined,
        phone: t.phone ?? undefined,
        isActive: t.isActive,
      })),
      dateTimeModified: l.dateTimeModified,
    })),
);
export type LeaseSnapshot = z.infer<typeof LeaseSnapshot>;
