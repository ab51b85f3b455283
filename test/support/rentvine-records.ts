import { ENTITIES, type EntityKind } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot } from '#domain/rentvine/ports.ts';
import { workOrderEvent } from './rentvine-payloads.ts';

/**
 * Snapshots as the client yields them: Rentvine wire rows (made-up data) read through the
 * domain's own schemas, so ids, flags and HTML are coerced exactly as in production.
 */
function snapshot(kind: EntityKind, row: object): EntitySnapshot {
  const read = ENTITIES[kind].read(row);
  if (!read.ok) throw new Error(`fixture ${kind} does not parse: ${read.error.message}`);
  const { dateTimeModified } = read.snapshot;
  return { kind, id: read.id, ...(dateTimeModified ? { dateTimeModified } : {}), data: read.snapshot };
}

export function propertyRecord(
  id: string,
  dateTimeModified: string,
  name = `Property ${id}`,
): EntitySnapshot {
  return snapshot('property', {
    property: {
      propertyID: id,
      name,
      address: `${id} Main St`,
      city: 'Springfield',
      stateID: 'IL',
      dateTimeModified,
    },
  });
}

export function unitRecord(id: string, propertyId: string, dateTimeModified: string): EntitySnapshot {
  return snapshot('unit', {
    unit: { unitID: id, propertyID: propertyId, name: `Unit ${id}`, rent: '1200.00', dateTimeModified },
  });
}

export function workOrderRecord(
  id: string,
  dateTimeModified: string | undefined,
  fields: {
    propertyID?: string;
    priorityID?: string;
    description?: string;
    primaryWorkOrderStatusID?: string;
    scheduledStartDate?: string;
  } = {},
): EntitySnapshot {
  const { propertyID, description, ...rest } = fields;
  return snapshot('work_order', {
    workOrder: {
      workOrderID: id,
      propertyID: propertyID ?? '12',
      description: description ?? '<p>Kitchen faucet drips slowly</p>',
      ...rest,
      ...(dateTimeModified ? { dateTimeModified } : {}),
    },
  });
}

/**
 * A lease as the leases export yields it: the row's `balances` moved onto the lease. Active
 * (primary status 2) unless told; `pastDue` is the past-due total, as money on the wire.
 */
export function leaseRecord(
  id: string,
  dateTimeModified: string,
  fields: { pastDue?: string; status?: '1' | '2' | '3'; propertyID?: string; unitID?: string } = {},
): EntitySnapshot {
  const pastDue = fields.pastDue ?? '0.00';
  return snapshot('lease', {
    lease: {
      leaseID: id,
      propertyID: fields.propertyID ?? '1',
      unitID: fields.unitID ?? '11',
      primaryLeaseStatusID: fields.status ?? '2',
      leaseStatusID: '5',
      startDate: '2026-01-01',
      balances: {
        unpaidTotalAmount: pastDue,
        unpaidRentAmount: pastDue,
        pastDueTotalAmount: pastDue,
        pastDueRentAmount: pastDue,
      },
      dateTimeModified,
    },
  });
}

export function tenantRecord(id: string, dateTimeModified: string): EntitySnapshot {
  return snapshot('contact', {
    contact: { contactID: id, role: 'tenant', name: `Tenant ${id}`, dateTimeModified },
  });
}

/**
 * A thin work-order webhook, as integrators report them: ids and a description, no priority and
 * no modified time. The envelope (event type spelling included) is the shared fixture's.
 */
export function thinWorkOrderEvent(workOrderID: string, propertyID: string, description: string) {
  const { event } = workOrderEvent({ workOrderID });
  return { event: { ...event, userID: undefined }, data: { workOrderID, propertyID, description } };
}

/** A full work-order webhook in the shared fixture's envelope. */
export function workOrderDelivery(data: Record<string, string>) {
  const { event } = workOrderEvent({ workOrderID: data.workOrderID });
  return { event: { ...event, userID: undefined }, data };
}
