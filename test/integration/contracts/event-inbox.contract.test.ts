import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { event, waiting } from './fixtures.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('EventInbox contract: $name', (implementation) => {
  it('stores an event once; a second delivery finds the first, in its own org only', async () => {
    const world = await implementation.world();
    const first = event(world.orgId, 'evt_inbox1', '2026-11-21T10:00:00.000Z');
    expect(await world.inbox.store(first)).toEqual({ stored: true });
    expect(await world.inbox.store({ ...first, rawBody: '{"other":1}' })).toEqual({
      stored: false,
      existing: first,
    });
    expect(await world.inbox.get(world.orgId, first.eventId)).toEqual(first);
    expect(await world.inbox.get('another-org', first.eventId)).toBeUndefined();
  });

  it('settles out of received once, with what processing found', async () => {
    const world = await implementation.world();
    await world.inbox.store(event(world.orgId, 'evt_inbox2', '2026-11-21T10:00:00.000Z'));
    const outcome = {
      status: 'processed',
      eventType: 'maintenance::workOrder.created',
      objectId: '9',
      at: '2026-11-21T10:00:01.000Z',
    } as const;
    expect(await world.inbox.settle(world.orgId, 'evt_inbox2', outcome)).toBe(true);
    expect(
      await world.inbox.settle(world.orgId, 'evt_inbox2', { status: 'echo', at: '2026-11-21T10:00:02.000Z' }),
    ).toBe(false);
    expect(await world.inbox.get(world.orgId, 'evt_inbox2')).toMatchObject({
      status: 'processed',
      eventType: 'maintenance::workOrder.created',
      objectId: '9',
      processedAt: '2026-11-21T10:00:01.000Z',
    });
  });

  it('reopens a settled event with the next attempt, back in the outbox for the events queue', async () => {
    const world = await implementation.world();
    await world.inbox.store(event(world.orgId, 'evt_inbox3', '2003-01-01T00:00:00.000Z'));
    const trigger = { kind: 'emergency_work_order', workOrderId: '5', reasons: ['priority 3'] } as const;
    await world.inbox.settle(world.orgId, 'evt_inbox3', {
      status: 'processed',
      reason: 'x',
      trigger,
      at: '2003-01-01T00:00:01.000Z',
    });
    expect(await world.inbox.reopen(world.orgId, 'evt_inbox3', '2003-01-01T00:01:00.000Z')).toBe(1);
    // Still received: the same attempt, no second reopen.
    expect(await world.inbox.reopen(world.orgId, 'evt_inbox3', '2003-01-01T00:02:00.000Z')).toBe(1);
    const reopened = await world.inbox.get(world.orgId, 'evt_inbox3');
    expect(reopened).toMatchObject({ status: 'received', attempt: 1 });
    expect(reopened).not.toHaveProperty('reason');
    expect(reopened).not.toHaveProperty('processedAt');
    expect(reopened).not.toHaveProperty('trigger');
    expect(await waiting(world, '2003-01-02T00:00:00.000Z')).toMatchObject([
      {
        entry: outboxEntry('events', { orgId: world.orgId, eventId: 'evt_inbox3', attempt: 1 }),
        pendingSince: '2003-01-01T00:01:00.000Z',
      },
    ]);
    expect(await world.inbox.reopen(world.orgId, 'evt_missing', '2003-01-01T00:03:00.000Z')).toBeUndefined();
  });

  it('lists an org’s events since a time, oldest first, filtered, a page at a time', async () => {
    const world = await implementation.world();
    const times = [
      '2026-11-21T10:00:01.000Z',
      '2026-11-21T10:00:02.000Z',
      '2026-11-21T10:00:03.000Z',
      '2026-11-21T10:00:04.000Z',
    ];
    for (const [i, at] of times.entries())
      await world.inbox.store(event(world.orgId, `evt_list${i}`, at, i === 2 ? 'unrecognized' : 'received'));
    await world.inbox.store(event('another-org-list', 'evt_list9', times[0] ?? ''));
    const first = await world.inbox.list(world.orgId, { since: times[1], limit: 1 });
    expect(first.events.map((e) => e.eventId)).toEqual(['evt_list1']);
    expect(first.cursor).toEqual(expect.any(String));
    const rest = await world.inbox.list(world.orgId, { since: times[1], limit: 10, cursor: first.cursor });
    expect(rest.events.map((e) => e.eventId)).toEqual(['evt_list2', 'evt_list3']);
    expect(rest.cursor).toBeUndefined();
    const unrecognized = await world.inbox.list(world.orgId, { status: 'unrecognized', limit: 10 });
    expect(unrecognized.events.map((e) => e.eventId)).toEqual(['evt_list2']);
    await expect(world.inbox.list(world.orgId, { limit: 10, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(
      InvalidCursorError,
    );
  });
});
