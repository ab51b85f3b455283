import { describe, expect, it } from 'vitest';
import { eventTypeMeaning } from '#domain/rentvine/event-types.ts';
import { parseRentvineDelivery, parseRentvineEvent } from '#domain/rentvine/events.ts';
import { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { emergencyReasons } from '#domain/rentvine/triggers.ts';
import { htmlToText, toInstant } from '#domain/rentvine/wire.ts';
import { leaseEvent, unitEvent } from '#test/support/rentvine-payloads.ts';

const workOrder = {
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
};

const observed = (eventType: string, data: unknown, event: Record<string, unknown> = {}) => ({
  event: { eventType, objectID: '1', changes: {}, ...event },
  data,
  auth: { signature: 'x', token: 'y', timestamp: 1 },
});

describe('parseRentvineEvent', () => {
  it('reads the observed shape, keeping the raw type, coercing wire types and stripping HTML', () => {
    const parsed = parseRentvineEvent(
      observed('maintenance::workOrder.created', workOrder, { objectID: '5150', userID: '9' }),
    );
    expect(parsed).toEqual({
      ok: true,
      event: expect.objectContaining({
        entity: 'work_order',
        type: 'maintenance::workOrder.created',
        name: 'work_order.created',
        objectId: '5150',
        userId: '9',
      }),
    });
    if (!parsed.ok || parsed.event.entity !== 'work_order') throw new Error('expected a work order');
    expect(parsed.event.snapshot).toMatchObject({
      workOrderId: '5150',
      propertyId: '12',
      unitId: '34',
      priorityId: 1,
      primaryStatusId: 2,
      isOwnerApproved: false,
      estimatedAmount: 275,
      description: 'Kitchen faucet drips slowly\nTenant home after 5pm',
    });
  });

  it('reads wrapped rows', () => {
    const parsed = parseRentvineEvent(
      observed('lease.updated', {
        lease: {
          leaseID: 88,
          propertyID: '12',
          primaryLeaseStatusID: '2',
          tenants: [{ contactID: '7', name: 'A Tenant' }],
        },
      }),
    );
    expect(parsed.ok && parsed.event).toMatchObject({
      entity: 'lease',
      type: 'lease.updated',
      objectId: '88',
      snapshot: { leaseId: '88', primaryStatusId: 2, tenants: [{ contactId: '7', name: 'A Tenant' }] },
    });
  });

  it('never reads event.changes: a diff that omits a changed field still yields the full record', () => {
    const payload = leaseEvent({
      leaseID: '88',
      noticeDate: '2026-11-30',
      dateTimeModified: '2026-11-21 08:00:00',
    });
    // The list form of the diff names the status only; the notice date changed too.
    expect(JSON.stringify(payload.event.changes)).not.toContain('noticeDate');
    const parsed = parseRentvineEvent(payload);
    expect(parsed.ok && parsed.event.snapshot).toMatchObject({
      leaseId: '88',
      noticeDate: '2026-11-30',
      statusId: '2',
      dateTimeModified: '2026-11-21 08:00:00',
    });
    // The object form, with a diff that contradicts the record, changes nothing either.
    const contradicted = {
      ...payload,
      event: { ...payload.event, changes: { noticeDate: { new: '1999-01-01' } } },
    };
    expect(parseRentvineEvent(contradicted)).toEqual(parsed);
  });

  it('sets the role of a contact from its event type', () => {
    const contact = { contactID: '7', name: 'Dana', email: 'dana@example.com' };
    for (const role of ['tenant', 'owner', 'vendor'] as const) {
      expect(parseRentvineEvent(observed(`${role}.updated`, { contact }))).toMatchObject({
        ok: true,
        event: { entity: 'contact', snapshot: { contactId: '7', role } },
      });
    }
  });

  it('keeps only contact routes of tenants, never other personal data', () => {
    const parsed = parseRentvineEvent(
      observed('lease.created', {
        leaseID: '1',
        propertyID: '2',
        tenants: [{ contactID: '3', birthDate: '1990-01-01', identificationNumber: '123' }],
      }),
    );
    expect(parsed.ok).toBe(true);
    expect(JSON.stringify(parsed)).not.toContain('1990-01-01');
    expect(JSON.stringify(parsed)).not.toContain('identificationNumber');
  });

  it.each([
    [{ hello: 'world' }, 'unknown_shape'],
    [null, 'unknown_shape'],
    // The {event_type, data} shape of early designs: nothing real sends it.
    [{ event_type: 'lease.updated', data: { leaseID: '1', propertyID: '2' } }, 'unknown_shape'],
    [observed('property.deleted', { propertyID: '1' }), 'unsupported_event_type: property.deleted'],
    [observed('lease.renewed', {}), 'unsupported_event_type: lease.renewed'],
    [observed('payment.created', {}), 'unsupported_event_type: payment.created'],
    [observed('workOrder.created', workOrder), 'unsupported_event_type: workOrder.created'],
  ])('reports %j as unrecognized (%s)', (payload, reason) => {
    expect(parseRentvineEvent(payload)).toMatchObject({ ok: false, reason });
  });

  it('reports schema drift with the raw type and the failing fields, never their values', () => {
    const parsed = parseRentvineEvent(
      observed('maintenance::workOrder.updated', { workOrderID: 'abc-secret', priorityID: 'urgent' }),
    );
    expect(parsed).toEqual({
      ok: false,
      type: 'maintenance::workOrder.updated',
      reason: expect.stringMatching(
        /^schema_drift: maintenance::workOrder\.updated: workOrderID: .+; propertyID: .+; priorityID: /,
      ),
    });
    expect(!parsed.ok && parsed.reason).not.toContain('abc-secret');
  });

  it('takes the acting user as text, and none when the event names none', () => {
    const data = { workOrderID: '1', propertyID: '2' };
    expect(parseRentvineEvent(observed('maintenance::workOrder.updated', data, { userID: 7 }))).toMatchObject(
      {
        ok: true,
        event: { userId: '7' },
      },
    );
    const anonymous = parseRentvineEvent(observed('maintenance::workOrder.updated', data));
    expect(anonymous.ok && 'userId' in anonymous.event).toBe(false);
  });

  it('reads a stored raw body, and calls an unparseable one what it is', () => {
    expect(parseRentvineDelivery(JSON.stringify(unitEvent({ unitID: '3' })))).toMatchObject({
      ok: true,
      event: { entity: 'unit', objectId: '3', type: 'property::unit.updated' },
    });
    expect(parseRentvineDelivery('{not json')).toEqual({ ok: false, reason: 'invalid_json' });
  });
});

describe('eventTypeMeaning', () => {
  it.each([
    ['maintenance::workOrder.created', 'work_order.created'],
    ['maintenance::workOrder.updated', 'work_order.updated'],
    ['maintenance::workOrder::created', 'work_order.created'],
    ['maintenance::workOrderCreated', 'work_order.created'],
    ['Maintenance::WorkOrder.Updated', 'work_order.updated'],
    ['lease.updated', 'lease.updated'],
    ['lease::updated', 'lease.updated'],
    ['lease::charge.created', 'lease_charge.created'],
    ['leaseCharge.updated', 'lease_charge.updated'],
    ['lease::leaseCharge.created', 'lease_charge.created'],
    ['property.created', 'property.created'],
    ['property::unit.updated', 'unit.updated'],
    ['unit.created', 'unit.created'],
    ['vendor.updated', 'contact.updated'],
  ])('%s → %s', (raw, name) => {
    expect(eventTypeMeaning(raw)?.name).toBe(name);
  });

  it.each([
    // Near misses: another thing under the same prefix is not that thing.
    'maintenance::workOrderNote.created',
    'maintenance::workOrder::comment.created',
    'maintenance::workOrder.deleted',
    'lease::renewal.created',
    'leaseCharges',
    // Without the observed namespace, or not an event Rentvine has.
    'workOrder.created',
    'work_order.created',
    'payment.created',
    'prospect.created',
    'created',
    '',
    'toString',
    `maintenance::workOrder${'.x'.repeat(60)}.created`,
  ])('%j is unrecognized', (raw) => {
    expect(eventTypeMeaning(raw)).toBeUndefined();
  });
});

describe('wire helpers', () => {
  it('orders Rentvine timestamps with or without a zone', () => {
    expect(toInstant('2026-11-20 14:03:00')).toBe(Date.parse('2026-11-20T14:03:00Z'));
    expect(toInstant('2026-11-20T14:03:00-05:00')).toBe(Date.parse('2026-11-20T19:03:00Z'));
    expect(toInstant('garbage')).toBeNaN();
  });

  it('turns HTML into text', () => {
    expect(htmlToText('<div>Water &amp; gas</div><div>2nd&nbsp;line</div>')).toBe('Water & gas\n2nd line');
  });
});

describe('emergencyReasons', () => {
  const base = WorkOrderSnapshot.parse({
    workOrderID: '1',
    propertyID: '2',
    description: 'Repaint the hallway',
  });
  const noCues = () => [];
  it('flags the top priority and the description cues', () => {
    expect(emergencyReasons({ ...base, priorityId: 3 }, noCues)).toEqual(['priority 3']);
    expect(emergencyReasons({ ...base, priorityId: 1 }, () => ['gas leak'])).toEqual(['gas leak']);
    expect(emergencyReasons({ ...base, priorityId: 2 }, noCues)).toEqual([]);
  });
});
