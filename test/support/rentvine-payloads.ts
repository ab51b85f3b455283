/** Rentvine webhook payloads in the observed shape (docs/RENTVINE.md), with made-up data. */
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
  return {
    event: {
      eventType: overrides.eventType ?? 'workOrder.created',
      objectID: workOrderID,
      userID: overrides.userID ?? '42',
      changes: {},
    },
    data: {
      workOrderID,
      workOrderNumber: `WO-${workOrderID}`,
      propertyID: '12',
      unitID: '34',
      description: overrides.description ?? '<p>Kitchen faucet drips slowly</p>',
      priorityID: overrides.priorityID ?? '1',
      primaryWorkOrderStatusID: '1',
      dateTimeModified: overrides.dateTimeModified ?? '2026-11-20 14:03:00',
    },
  };
}

export function leaseEvent(overrides: { leaseID?: string; dateTimeModified?: string } = {}) {
  return {
    event_type: 'lease.updated',
    data: {
      lease: {
        leaseID: overrides.leaseID ?? '88',
        propertyID: '12',
        unitID: '34',
        primaryLeaseStatusID: '2',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        tenants: [{ contactID: '7', name: 'Test Tenant', email: 'tenant@example.com' }],
        dateTimeModified: overrides.dateTimeModified ?? '2026-11-20 09:00:00',
      },
    },
  };
}
