import type { z } from 'zod';
import {
  type ContactRole,
  ContactSnapshot,
  LeaseChargeSnapshot,
  LeaseSnapshot,
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

/**
 * Every entity kind the platform keeps a snapshot of: how to read it and where its id is. No
 * payment: Rentvine sends no payment event and the sync reads balances from the leases export, so
 * nothing would ever produce a payment snapshot (docs/RENTVINE.md).
 */
export const ENTITIES = {
  property: entity(PropertySnapshot, (s) => s.propertyId),
  unit: entity(UnitSnapshot, (s) => s.unitId),
  contact: entity(ContactSnapshot, (s) => s.contactId),
  lease: entity(LeaseSnapshot, (s) => s.leaseId),
  lease_charge: entity(LeaseChargeSnapshot, (s) => s.leaseChargeId),
  work_order: entity(WorkOrderSnapshot, (s) => s.workOrderId),
} as const;
export type EntityKind = keyof typeof ENTITIES;
export type SnapshotOf<K extends EntityKind> = Extract<
  ReturnType<(typeof ENTITIES)[K]['read']>,
  { ok: true }
>['snapshot'];

export const EVENT_ACTIONS = ['created', 'updated'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** What a recognised raw type means. `name` (`work_order.created`) is ours, for people and filters. */
export interface EventTypeMeaning {
  readonly entity: EntityKind;
  readonly action: EventAction;
  /** Set for contact events: which of tenants, owners and vendors the type says it is. */
  readonly role?: ContactRole;
  readonly name: string;
}

interface Namespace {
  readonly entity: EntityKind;
  readonly role?: ContactRole;
  /** Confidence, as docs/RENTVINE.md tags it: shown in the README's list of understood events. */
  readonly evidence: 'observed' | 'reported' | 'assumed';
}

/**
 * Rentvine's event types are namespaced (`maintenance::workOrder…created`); the full strings are
 * unpublished. A raw type is read as its words (split at case changes and at any punctuation,
 * lower-cased, a word repeated at once counted once: `lease::leaseCharge` is `lease charge`) and its
 * last word, the action. The words before the action must name a namespace below EXACTLY: a longer
 * name is another thing (`maintenance::workOrderNote.created` is a note, not a work order; a
 * `lease::charge…` is a lease charge, never a lease), and anything not here is kept `unrecognized`.
 * Adding an event Rentvine turns out to send is one line.
 */
export const EVENT_NAMESPACES: Readonly<Record<string, Namespace>> = {
  'maintenance work order': { entity: 'work_order', evidence: 'observed' },
  lease: { entity: 'lease', evidence: 'observed' },
  'lease charge': { entity: 'lease_charge', evidence: 'observed' },
  property: { entity: 'property', evidence: 'reported' },
  unit: { entity: 'unit', evidence: 'reported' },
  'property unit': { entity: 'unit', evidence: 'reported' },
  tenant: { entity: 'contact', role: 'tenant', evidence: 'assumed' },
  owner: { entity: 'contact', role: 'owner', evidence: 'assumed' },
  vendor: { entity: 'contact', role: 'vendor', evidence: 'assumed' },
};

const MAX_TYPE_LENGTH = 100;

/** The words of a raw type: `maintenance::workOrder.created` → maintenance, work, order, created. */
function wordsOf(raw: string): string[] {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.filter((word, i) => word !== words[i - 1]);
}

/** The meaning of a raw event type, or undefined when it is not one the platform understands. */
export function eventTypeMeaning(raw: string): EventTypeMeaning | undefined {
  if (raw.length > MAX_TYPE_LENGTH) return undefined;
  const words = wordsOf(raw);
  const action = EVENT_ACTIONS.find((known) => known === words.at(-1));
  const namespace = words.slice(0, -1).join(' ');
  if (!action || !Object.hasOwn(EVENT_NAMESPACES, namespace)) return undefined;
  const { entity: kind, role } = EVENT_NAMESPACES[namespace] as Namespace;
  return { entity: kind, action, ...(role ? { role } : {}), name: `${kind}.${action}` };
}
