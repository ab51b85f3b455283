import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from '#contracts/org.ts';
import { ContactView, LeaseView, WorkOrderView } from '#contracts/rentvine-records.ts';
import { statusCondition, statusOf } from '#domain/rentvine/snapshot-status.ts';
import { recordView } from '#functions/api/rentvine-record-view.ts';

describe('record views', () => {
  it('copy exactly the members the view names, and compute status, modifiedAt and updatedAt', () => {
    const view = recordView(
      ContactView,
      'contact',
    )({
      id: '301',
      data: {
        contactId: '301',
        name: 'Dana',
        role: 'tenant',
        isActive: false,
        dateTimeModified: '2026-11-20 09:00:00',
        secretField: 'x',
      },
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(view).toEqual({
      contactId: '301',
      name: 'Dana',
      status: 'inactive',
      modifiedAt: '2026-11-20 09:00:00',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(ContactView.parse(view)).toEqual(view);
  });

  it('read primary statuses as Rentvine numbers them, and leave an unknown one out', () => {
    const workOrder = recordView(WorkOrderView, 'work_order');
    const listed = (primaryStatusId: unknown) => ({
      id: '1',
      data: { workOrderId: '1', propertyId: '7', primaryStatusId },
      updatedAt: 'now',
    });
    expect(workOrder(listed(4)).status).toBe('on_hold');
    expect(workOrder(listed(5)).status).toBe('cancelled');
    expect(workOrder(listed(9)).status).toBeUndefined();
    expect(
      recordView(
        LeaseView,
        'lease',
      )({ ...listed(3), data: { leaseId: '1', propertyId: '7', primaryStatusId: 3 } }).status,
    ).toBe('closed');
  });

  it('match a status word to its stored value, and none to a word the kind lacks', () => {
    expect(statusCondition('lease', 'active')).toEqual({ field: 'primaryStatusId', value: 2 });
    expect(statusCondition('property', 'inactive')).toEqual({ field: 'isActive', value: false });
    expect(statusCondition('work_order', 'active')).toBeUndefined();
    expect(statusCondition('lease_charge', 'active')).toBeUndefined();
    expect(statusOf('unit', { isActive: true })).toBe('active');
  });
});

describe('time zones', () => {
  it.each(['America/Chicago', 'UTC', 'Europe/London', 'America/Argentina/Buenos_Aires'])(
    'takes %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );
  it.each(['Mars/Olympus', '+01:00', 'GMT+1 ', '', 'America/../Chicago'])('refuses %j', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
