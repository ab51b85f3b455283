import { describe, expect, it } from 'vitest';
import { normalizeEventType, parseRentvineDelivery, parseRentvineEvent } from '#domain/rentvine/events.ts';
import { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { emergencyReasons } from '#domain/rentvine/triggers.ts';
import { htmlToText, toInstant } from '#domain/rentvine/wire.ts';

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

describe('parseRentvineEvent', () => {
  it('reads the observed shape, coercing wire types and stripping HTML', () => {
    const parsed = parseRentvineEvent({
      event: { eventType: 'workOrder.created', objectID: '5150', userID: '9', changes: {} },
      data: workOrder,
      auth: { signature: 'x', token: 'y', timestamp: 1 },
    });
    expect(parsed).toEqual({
      ok: true,
      event: expect.objectContaining({
        entity: 'work_order',
        type: 'work_order.created',
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

  it('reads the {event_type, data} shape and wrapped rows', () => {
    const parsed = parseRentvineEvent({
      event_type: 'lease.updated',
      data: {
        lease: {
          leaseID: 88,
          propertyID: '12',
          primaryLeaseStatusID: '2',
          tenants: [{ contactID: '7', name: 'A Tenant' }],
        },
      },
    });
    expect(parsed.ok && parsed.event).toMatchObject({
      entity: 'lease',
      type: 'lease.updated',
      objectId: '88',
      snapshot: { leaseId: '88', primaryStatusId: 2, tenants: [{ contactId: '7', name: 'A Tenant' }] },
    });
  });

  it('keeps only contact routes of tenants, never other personal data', () => {
    const parsed = parseRentvineEvent({
      event_type: 'lease.created',
      data: {
        leaseID: '1',
        propertyID: '2',
        tenants: [{ contactID: '3', birthDate: '1990-01-01', identificationNumber: '123' }],
      },
    });
    expect(JSON.stringify(parsed)).not.toContain('1990-01-01');
    expect(JSON.stringify(parsed)).not.toContain('identificationNumber');
  });

  it.each([
    [{ hello: 'world' }, 'unknown_shape'],
    [null, 'unknown_shape'],
    [
      { event_type: 'property.deleted', data: { propertyID: '1' } },
      'unsupported_event_type: property.deleted',
    ],
    [{ event: { eventType: 'lease.renewed' }, data: {} }, 'unsupported_event_type: lease_renewed'],
    [{ event_type: 'payment.received', data: {} }, 'unsupported_event_type: payment_received'],
  ])('reports %j as unrecognized (%s)', (payload, reason) => {
    expect(parseRentvineEvent(payload)).toMatchObject({ ok: false, reason });
  });

  it('reports schema drift with the type and the failing fields, never their values', () => {
    const parsed = parseRentvineEvent({
      event_type: 'work_order.updated',
      data: { workOrderID: 'abc-secret', priorityID: 'urgent' },
    });
    expect(parsed).toEqual({
      ok: false,
      type: 'work_order.updated',
      reason: expect.stringMatching(
        /^schema_drift: work_order\.updated: workOrderID: .+; propertyID: .+; priorityID: /,
      ),
    });
    expect(!parsed.ok && parsed.reason).not.toContain('abc-secret');
  });

  it('takes the acting user from either shape, as text', () => {
    const data = { workOrderID: '1', propertyID: '2' };
    expect(parseRentvineEvent({ event: { eventType: 'workOrder.updated', userID: 7 }, data })).toMatchObject({
      ok: true,
      event: { userId: '7' },
    });
    expect(parseRentvineEvent({ event_type: 'work_order.updated', user_id: '8', data })).toMatchObject({
      ok: true,
      event: { userId: '8' },
    });
    const anonymous = parseRentvineEvent({ event_type: 'work_order.updated', data });
    expect(anonymous.ok && 'userId' in anonymous.event).toBe(false);
  });

  it('reads a stored raw body, and calls an unparseable one what it is', () => {
    expect(
      parseRentvineDelivery('{"event_type":"unit.updated","data":{"unitID":"3","propertyID":"1"}}'),
    ).toMatchObject({ ok: true, event: { entity: 'unit', objectId: '3' } });
    expect(parseRentvineDelivery('{not json')).toEqual({ ok: false, reason: 'invalid_json' });
  });
});

describe('normalizeEventType', () => {
  it.each([
    ['workOrder.created', 'work_order.created'],
    ['WorkOrderUpdated', 'work_order.updated'],
    ['work_order.created', 'work_order.created'],
    ['lease-charge created', 'lease_charge.created'],
    ['lease.renewed', 'lease_renewed'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeEventType(raw)).toBe(normalized);
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
