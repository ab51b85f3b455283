import { describe, expect, it } from 'vitest';
import { emergencyCues } from '#domain/classification/emergency-text.ts';
import { snapshotTrigger } from '#domain/rentvine/triggers.ts';
import { workOrderRecord } from '#test/support/rentvine-records.ts';

/** What a work order's snapshot asks of the workflows (webhook or sync alike). */
const at = '2026-11-20 09:00:00';
const trigger = (fields: Parameters<typeof workOrderRecord>[2]) =>
  snapshotTrigger(workOrderRecord('700', at, fields), emergencyCues);

describe("a work order's trigger", () => {
  it('closed (primary status 3) moves the workflow following it to completion', () => {
    expect(trigger({ primaryWorkOrderStatusID: '3' })).toEqual({
      kind: 'work_order_status',
      workOrderId: '700',
      signal: 'work_order_completed',
    });
  });

  it('cancelled (primary status 5) cancels it, even at emergency priority', () => {
    expect(trigger({ primaryWorkOrderStatusID: '5', priorityID: '3' })).toMatchObject({
      signal: 'work_order_cancelled',
    });
  });

  it('an open emergency starts the emergency workflow, scheduled or not', () => {
    expect(trigger({ priorityID: '3', scheduledStartDate: '2026-11-21' })).toMatchObject({
      kind: 'emergency_work_order',
    });
  });

  it('an open, booked work order tells its workflow the date', () => {
    expect(trigger({ primaryWorkOrderStatusID: '2', scheduledStartDate: '2026-11-21' })).toEqual({
      kind: 'work_order_status',
      workOrderId: '700',
      signal: 'work_order_scheduled',
      scheduledFor: '2026-11-21',
    });
  });

  it('an open, unbooked routine work order asks nothing', () => {
    expect(trigger({ primaryWorkOrderStatusID: '2' })).toBeUndefined();
  });
});
