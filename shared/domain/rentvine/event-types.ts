import type { z } from 'zod';
import {
  ContactSnapshot,
  LeaseChargeSnapshot,
  LeaseSnapshot,
  PaymentSnapshot,
  PropertySnapshot,
  UnitSnapshot,
  WorkOrderSnapshot,
} from './snapshots.ts';

type EntityRead<T> = { ok: true; id: string; snapshot: T } | { ok: false; error: z.ZodError };

function entity<S extends z.ZodType<{ dateTimeModified?: string | undefined }>>(
  schema: S,
  idOf: (snapshot: z.output<S>) => string,
) {
  return {
    read(data: unknown): EntityRead<z.output<S>> {
      const parsed = schema.safeParse(data);
      return parsed.success
        ? { ok: true, id: idOf(parsed.data), snapshot: parsed.data }
        : { ok: false, error: parsed.error };
    },
  };
}

/** Every entity kind the platform keeps a snapshot of: how to read it and where its id is. */
export const ENTITIES = {
  property: entity(PropertySnapshot, (s) => s.propertyId),
  unit: entity(UnitSnapshot, (s) => s.unitId),
  contact: entity(ContactSnapshot, (s) => s.contactId),
  lease: entity(LeaseSnapshot, (s) => s.leaseId),
  lease_charge: entity(LeaseChargeSnapshot, (s) => s.leaseChargeId),
  payment: entity(PaymentSnapshot, (s) => s.paymentId),
  work_order: entity(WorkOrderSnapshot, (s) => s.workOrderId),
} as const;
export type EntityKind = keyof typeof ENTITIES;
export type SnapshotOf<K extends EntityKind> = Extract<
  ReturnType<(typeof ENTITIES)[K]['read']>,
  { ok: true }
>['snapshot'];

/**
 * Normalised event type → the entity it carries. Both payload shapes normalise into these names
 * (`workOrder.created` and `work_order.created` alike); a type missing here is `unrecognized`,
 * never guessed. Adding an event Rentvine starts sending is one line.
 */
export const EVENT_TYPES: Readonly<Record<string, EntityKind>> = {
  'property.created': 'property',
  'property.updated': 'property',
  'unit.created': 'unit',
  'unit.updated': 'unit',
  'tenant.created': 'contact',
  'tenant.updated': 'contact',
  'lease.created': 'lease',
  'lease.updated': 'lease',
  'lease_charge.created': 'lease_charge',
  'lease_charge.updated': 'lease_charge',
  'payment.created': 'payment',
  'payment.updated': 'payment',
  'work_order.created': 'work_order',
  'work_order.updated': 'work_order',
};

export function entityOfEventType(type: string): EntityKind | undefined {
  return Object.hasOwn(EVENT_TYPES, type) ? EVENT_TYPES[type] : undefined;
}
