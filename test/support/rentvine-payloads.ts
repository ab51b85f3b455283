/**
 * Rentvine webhook payloads as Rentvine sends them (docs/RENTVINE.md), with made-up data:
 * namespaced event types, the FULL record in `data` but no address, an `event.changes` that is
 * incomplete (it omits at least one changed field) and comes as an object or a list, and ids, flags
 * and money as strings. Sign them with test/support/deliveries.ts (`auth` in the body).
 */

/** The event types used here. Rentvine's full strings are unpublished; these fit the observed prefixes. */
export const RENTVINE_EVENT_TYPES = {
  workOrderCreated: 'maintenance::workOrder.created',
  workOrderUpdated: 'maintenance::workOrder.updated',
  leaseCreated: 'lease.created',
  leaseUpdated: 'lease.updated',
  leaseChargeCreated: 'lease::charge.created',
  leaseChargeUpdated: 'lease::charge.updated',
  propertyUpdated: 'property.updated',
  unitUpdated: 'property::unit.updated',
} as const;

function envelope(
  eventType: string,
  objectID: string,
  userID: string,
  changes: object | unknown[],
  data: Record<string, unknown>,
) {
  return {
    event: { eventType, objectID, userID, changes, options: { sendVendorNotification: '0' } },
    data,
  };
}

export function workOrderEvent(
  overrides: {
    eventType?: string;
    workOrderID?: string;
    priorityID?: string;
    description?: string;
    dateTimeModified?: string;
    userID?: string;
  } = {},
) {
  const workOrderID = overrides.workOrderID ?? '5150';
  const dateTimeModified = overrides.dateTimeModified ?? '2026-11-20 14:03:00';
  // The diff names the priority only: the description and modified time changed too.
  const changes = { priorityID: { old: '1', new: overrides.priorityID ?? '1' } };
  return envelope(
    overrides.eventType ?? RENTVINE_EVENT_TYPES.workOrderCreated,
    workOrderID,
    overrides.userID ?? '42',
    changes,
    {
      workOrderID,
      workOrderNumber: `WO-${workOrderID}`,
      propertyID: '12',
      unitID: '34',
      leaseID: '88',
      description: overrides.description ?? '<p>Kitchen faucet drips slowly</p>',
      priorityID: overrides.priorityID ?? '1',
      workOrderStatusID: '7',
      primaryWorkOrderStatusID: '1',
      vendorContactID: '',
      estimatedAmount: '275.00',
      isOwnerApproved: '0',
      dateTimeModified,
    },
  );
}

export function leaseEvent(
  overrides: { leaseID?: string; noticeDate?: string; dateTimeModified?: string; eventType?: string } = {},
) {
  const leaseID = overrides.leaseID ?? '88';
  // Observed: a lease update's diff omitted a changed noticeDate; here the list form of `changes`.
  const changes = [{ field: 'leaseStatusID', old: '1', new: '2' }];
  return envelope(overrides.eventType ?? RENTVINE_EVENT_TYPES.leaseUpdated, leaseID, '42', changes, {
    leaseID,
    propertyID: '12',
    unitID: '34',
    primaryLeaseStatusID: '2',
    leaseStatusID: '2',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    noticeDate: overrides.noticeDate ?? '2026-10-31',
    tenants: [{ contactID: '7', name: 'Test Tenant', email: 'tenant@example.com', isActive: '1' }],
    dateTimeModified: overrides.dateTimeModified ?? '2026-11-20 09:00:00',
  });
}

export function leaseChargeEvent(overrides: { leaseChargeID?: string; eventType?: string } = {}) {
  const leaseChargeID = overrides.leaseChargeID ?? '9001';
  return envelope(overrides.eventType ?? RENTVINE_EVENT_TYPES.leaseChargeCreated, leaseChargeID, '42', [], {
    leaseChargeID,
    leaseID: '88',
    chargeAccountID: '4',
    amount: '1450.00',
    description: 'December rent',
    dateDue: '2026-12-01',
    isRecurring: '1',
    dateTimeModified: '2026-11-20 09:30:00',
  });
}

/** Property and unit events are reported but unconfirmed: the records carry no address either way. */
export function propertyEvent(overrides: { propertyID?: string; name?: string } = {}) {
  const propertyID = overrides.propertyID ?? '12';
  return envelope(
    RENTVINE_EVENT_TYPES.propertyUpdated,
    propertyID,
    '42',
    {},
    {
      propertyID,
      portfolioID: '3',
      name: overrides.name ?? 'Maple Court',
      isMultiUnit: '1',
      isActive: '1',
      dateTimeModified: '2026-11-20 10:00:00',
    },
  );
}

export function unitEvent(overrides: { unitID?: string } = {}) {
  const unitID = overrides.unitID ?? '34';
  return envelope(
    RENTVINE_EVENT_TYPES.unitUpdated,
    unitID,
    '42',
    { rent: { new: '1450.00' } },
    {
      unitID,
      propertyID: '12',
      name: 'Unit 2B',
      rent: '1450.00',
      beds: '2',
      isActive: '1',
      dateTimeModified: '2026-11-20 10:05:00',
    },
  );
}
