import { describe, expect, it } from 'vitest';
import {
  ENTITIES,
  type EntityKind,
  EVENT_NAMESPACES,
  eventTypeMeaning,
} from '#domain/rentvine/event-types.ts';
import { parseRentvineEvent } from '#domain/rentvine/events.ts';
import {
  ContactSnapshot,
  LeaseChargeSnapshot,
  LeaseSnapshot,
  PropertySnapshot,
  UnitSnapshot,
  WorkOrderSnapshot,
} from '#domain/rentvine/snapshots.ts';

/** Personal data Rentvine may put on any row (docs/RENTVINE.md); no snapshot may keep any of it. */
const PERSONAL = {
  birthDate: '1990-01-01',
  identificationNumber: 'ID-SECRET-1',
  bankAccountNumber: '****6789',
  bankRoutingNumber: '021000021',
  ssn: '000-00-0000',
  taxID: '12-3456789',
};

/** One row per entity as Rentvine sends it: wire types, and personal data mixed in. */
const ROWS = {
  property: {
    propertyID: '12',
    portfolioID: '3',
    name: 'Maple Court',
    address: '1 Maple St',
    address2: '',
    city: 'Springfield',
    stateID: 'IL',
    postalCode: '62701',
    propertyTypeID: '2',
    isMultiUnit: '1',
    isActive: '1',
    dateTimeModified: '2026-11-20 10:00:00',
  },
  unit: {
    unitID: '34',
    propertyID: '12',
    name: 'Unit 2B',
    rent: '1450.00',
    deposit: '1450.00',
    beds: '2',
    fullBaths: '1.5',
    size: '850',
    isActive: '1',
    dateTimeModified: '2026-11-20 10:00:00',
  },
  contact: {
    contactID: '7',
    contactTypeID: '1',
    name: 'Dana Ruiz',
    firstName: 'Dana',
    lastName: 'Ruiz',
    email: 'dana@example.com',
    phone: '555-0100',
    isActive: '1',
    dateTimeModified: '2026-11-20 10:00:00',
  },
  lease: {
    leaseID: '88',
    propertyID: '12',
    unitID: '34',
    primaryLeaseStatusID: '2',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    moveOutDate: null,
    tenants: [{ contactID: '7', name: 'Dana Ruiz', email: 'dana@example.com', isActive: '1', ...PERSONAL }],
    dateTimeModified: '2026-11-20 10:00:00',
  },
  lease_charge: {
    leaseChargeID: '9001',
    leaseID: '88',
    propertyID: '12',
    chargeAccountID: '4',
    amount: '1450.00',
    description: 'Rent',
    dateDue: '2026-12-01',
    isRecurring: '1',
    dateTimeModified: '2026-11-20 10:00:00',
  },
  work_order: {
    workOrderID: '5150',
    workOrderNumber: 'WO-77',
    propertyID: '12',
    unitID: '34',
    description: '<p>Kitchen faucet drips&nbsp;slowly</p><br/>Tenant home after 5pm',
    priorityID: '1',
    primaryWorkOrderStatusID: '2',
    isOwnerApproved: '0',
    estimatedAmount: '275.00',
    dateTimeModified: '2026-11-20 14:03:00',
  },
} satisfies Record<EntityKind, Record<string, unknown>>;

/** The key each entity is wrapped in when a row comes wrapped. */
const WRAPPERS: Record<EntityKind, string> = {
  property: 'property',
  unit: 'unit',
  contact: 'contact',
  lease: 'lease',
  lease_charge: 'leaseCharge',
  work_order: 'workOrder',
};

const KINDS = Object.keys(ENTITIES) as EntityKind[];

describe('entity snapshots', () => {
  it.each(KINDS)('%s: bare and wrapped rows read the same, and personal data is dropped', (kind) => {
    const row = { ...ROWS[kind], ...PERSONAL };
    const bare = ENTITIES[kind].read(row);
    const wrapped = ENTITIES[kind].read({ [WRAPPERS[kind]]: row, portfolio: { portfolioID: '3' } });
    expect(bare.ok).toBe(true);
    expect(wrapped).toEqual(bare);
    const text = JSON.stringify(bare);
    for (const [key, value] of Object.entries(PERSONAL)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(value);
    }
  });

  it.each(KINDS)('%s: a drifted id names the field', (kind) => {
    const idField = Object.keys(ROWS[kind])[0] ?? '';
    const read = ENTITIES[kind].read({ ...ROWS[kind], [idField]: 'not-a-number' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.issues[0]?.path).toEqual([idField]);
  });

  it.each(KINDS)('%s: an unreadable dateTimeModified is drift, not a version 0', (kind) => {
    const read = ENTITIES[kind].read({ ...ROWS[kind], dateTimeModified: 'yesterday-ish' });
    expect(!read.ok && read.error.issues.map((i) => i.path.join('.'))).toEqual(['dateTimeModified']);
  });

  it('coerces wire types: ids to strings, flags to booleans, money and sizes to numbers', () => {
    expect(PropertySnapshot.parse(ROWS.property)).toEqual({
      propertyId: '12',
      portfolioId: '3',
      name: 'Maple Court',
      address: '1 Maple St',
      address2: undefined,
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      propertyTypeId: '2',
      isMultiUnit: true,
      isActive: true,
      dateTimeModified: '2026-11-20 10:00:00',
    });
    expect(UnitSnapshot.parse({ ...ROWS.unit, unitID: 34, isActive: 0 })).toMatchObject({
      unitId: '34',
      rent: 1450,
      deposit: 1450,
      beds: 2,
      fullBaths: 1.5,
      size: 850,
      isActive: false,
    });
    expect(LeaseChargeSnapshot.parse(ROWS.lease_charge)).toMatchObject({
      leaseChargeId: '9001',
      leaseId: '88',
      amount: 1450,
      dateDue: '2026-12-01',
      isRecurring: true,
    });
  });

  it('keeps work-order descriptions as text and coerces its codes', () => {
    expect(WorkOrderSnapshot.parse(ROWS.work_order)).toMatchObject({
      workOrderId: '5150',
      workOrderNumber: 'WO-77',
      propertyId: '12',
      priorityId: 1,
      primaryStatusId: 2,
      isOwnerApproved: false,
      estimatedAmount: 275,
      description: 'Kitchen faucet drips slowly\nTenant home after 5pm',
    });
    expect(WorkOrderSnapshot.parse({ workOrderID: 1, propertyID: 2, description: null }).description).toBe(
      '',
    );
  });

  it('keeps only the contact routes of a lease tenant', () => {
    expect(LeaseSnapshot.parse(ROWS.lease)).toMatchObject({
      leaseId: '88',
      primaryStatusId: 2,
      moveOutDate: undefined,
      tenants: [
        { contactId: '7', name: 'Dana Ruiz', email: 'dana@example.com', phone: undefined, isActive: true },
      ],
    });
    expect(Object.keys(LeaseSnapshot.parse(ROWS.lease).tenants[0] ?? {}).sort()).toEqual(
      ['contactId', 'email', 'isActive', 'name', 'phone'].sort(),
    );
  });

  it('reads contacts (tenants, owners, vendors share the shape) without their personal data', () => {
    const contact = ContactSnapshot.parse({ contact: { ...ROWS.contact, ...PERSONAL } });
    expect(contact).toMatchObject({ contactId: '7', email: 'dana@example.com', phone: '555-0100' });
    expect(Object.keys(contact)).not.toContain('birthDate');
  });

  it('requires the money of charges', () => {
    const { amount: _amount, ...withoutAmount } = ROWS.lease_charge;
    expect(LeaseChargeSnapshot.safeParse(withoutAmount).error?.issues[0]?.path).toEqual(['amount']);
    expect(LeaseChargeSnapshot.safeParse({ ...ROWS.lease_charge, amount: '12,00' }).success).toBe(false);
  });
});

/** One namespace as Rentvine might spell it: `maintenance work order` → `maintenance::workOrder`. */
const spelled = (namespace: string) => {
  const [first = '', ...rest] = namespace.split(' ');
  return rest.length === 0
    ? first
    : `${first}::${rest.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('')}`;
};

describe('the event namespace table', () => {
  const table = Object.entries(EVENT_NAMESPACES).flatMap(([namespace, { entity }]) =>
    (['created', 'updated'] as const).map((action) => [`${spelled(namespace)}.${action}`, entity] as const),
  );

  it('reads each namespace, created and updated, and nothing that only resembles one', () => {
    expect(table.map(([type]) => type)).toContain('maintenance::workOrder.created');
    expect(eventTypeMeaning('toString')).toBeUndefined();
    expect(eventTypeMeaning('maintenance::workOrder.deleted')).toBeUndefined();
    expect(eventTypeMeaning('payment.created')).toBeUndefined();
  });

  it.each(table)('%s reads its entity (%s) from the observed shape', (type, kind) => {
    const parsed = parseRentvineEvent({
      event: { eventType: type, objectID: '1', userID: '42', changes: {} },
      data: ROWS[kind],
      auth: { signature: 'x', token: 'y', timestamp: 1 },
    });
    expect(parsed).toMatchObject({ ok: true, event: { entity: kind, type, userId: '42' } });
    expect(parsed.ok && parsed.event.objectId).toBe(Object.values(ROWS[kind])[0]);
  });

  it.each(table)('%s reads its entity (%s) from a wrapped row', (type, kind) => {
    const parsed = parseRentvineEvent({ event: { eventType: type }, data: { [WRAPPERS[kind]]: ROWS[kind] } });
    expect(parsed).toMatchObject({ ok: true, event: { entity: kind, type } });
    const { role: _role, ...snapshot } = (parsed.ok ? parsed.event.snapshot : {}) as Record<string, unknown>;
    const { role: _none, ...expected } = (ENTITIES[kind].read(ROWS[kind]) as { snapshot: object })
      .snapshot as Record<string, unknown>;
    expect(snapshot).toEqual(expected);
  });

  it.each(table)('%s with the wrong entity in it is drift, never read as another type', (type, kind) => {
    const other = kind === 'work_order' ? 'lease_charge' : 'work_order';
    const parsed = parseRentvineEvent({ event: { eventType: type }, data: ROWS[other] });
    expect(parsed).toMatchObject({ ok: false, type });
    expect(!parsed.ok && parsed.reason.startsWith(`schema_drift: ${type}: `)).toBe(true);
  });
});
