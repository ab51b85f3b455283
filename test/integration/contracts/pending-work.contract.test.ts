import { describe, expect, it } from 'vitest';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { triaged } from '#test/support/triage-fixtures.ts';
import { email, event, waiting } from './fixtures.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('PendingWork contract: $name', (implementation) => {
  it('lists the rows waiting before a time, oldest first, with the message each owes', async () => {
    const world = await implementation.world();
    await world.inbox.store(event(world.orgId, 'evt_pending1', '2002-01-01T00:00:02.000Z'));
    await world.emails.submit(email(world.orgId, 'em_pending1', '2002-01-01T00:00:01.000Z'));
    await world.inbox.store(event(world.orgId, 'evt_pending2', '2002-01-01T00:00:03.000Z', 'unrecognized'));
    await world.inbox.store(event(world.orgId, 'evt_pending3', '2002-01-01T00:10:00.000Z'));
    expect((await waiting(world, '2002-01-01T00:05:00.000Z')).map((item) => item.entry)).toEqual([
      outboxEntry('classify', { orgId: world.orgId, emailId: 'em_pending1' }),
      outboxEntry('events', { orgId: world.orgId, eventId: 'evt_pending1', attempt: 0 }),
    ]);
  });

  it('counts a re-send and waits again from its time; a row that moved on is left alone', async () => {
    const world = await implementation.world();
    await world.emails.submit(email(world.orgId, 'em_pending2', '2002-02-01T00:00:00.000Z'));
    await world.emails.submit(email(world.orgId, 'em_pending3', '2002-02-01T00:00:00.000Z'));
    const [first, second] = await waiting(world, '2002-02-02T00:00:00.000Z');
    if (!first || !second) throw new Error('expected two waiting emails');
    await world.pending.markResent(first, new Date('2002-02-03T00:00:00.000Z'));
    // The second is triaged (it moved on) before the sweeper's write lands.
    await world.emails.saveTriage(
      world.orgId,
      (second.entry.message as { emailId: string }).emailId,
      triaged('spam', 'low'),
      '2002-02-01T00:01:00.000Z',
    );
    await world.pending.markResent(second, new Date('2002-02-03T00:00:00.000Z'));
    expect(await waiting(world, '2002-02-02T00:00:00.000Z')).toEqual([]);
    expect(await waiting(world, '2002-02-04T00:00:00.000Z')).toMatchObject([
      { entry: first.entry, pendingSince: '2002-02-03T00:00:00.000Z', resends: 1 },
    ]);
  });

  it('gives a row up: status failed with the reason, out of the outbox', async () => {
    const world = await implementation.world();
    await world.inbox.store(event(world.orgId, 'evt_pending4', '2002-03-01T00:00:00.000Z'));
    const [item] = await waiting(world, '2002-03-02T00:00:00.000Z');
    if (!item) throw new Error('expected the event to wait');
    await world.pending.giveUp(item, new Date('2002-03-03T00:00:00.000Z'), 'not processed after 3 re-sends');
    expect(await world.inbox.get(world.orgId, 'evt_pending4')).toMatchObject({
      status: 'failed',
      reason: 'not processed after 3 re-sends',
    });
    expect(await waiting(world, '2002-03-04T00:00:00.000Z')).toEqual([]);
  });

  it('sees every stage: an event settled with a next stage waits on it, a plain settle leaves', async () => {
    const world = await implementation.world();
    await world.inbox.store(event(world.orgId, 'evt_pending5', '2002-04-01T00:00:00.000Z'));
    await world.inbox.store(event(world.orgId, 'evt_pending6', '2002-04-01T00:00:00.000Z'));
    const next = outboxEntry('workflow', { source: 'event', orgId: world.orgId, eventId: 'evt_pending5' });
    const trigger = { kind: 'emergency_work_order', workOrderId: '77', reasons: ['priority 3'] } as const;
    await world.inbox.settle(world.orgId, 'evt_pending5', {
      status: 'processed',
      at: '2002-04-01T00:01:00.000Z',
      trigger,
      next,
    });
    await world.inbox.settle(world.orgId, 'evt_pending6', {
      status: 'processed',
      at: '2002-04-01T00:01:00.000Z',
    });
    expect((await waiting(world, '2002-04-02T00:00:00.000Z')).map((item) => item.entry)).toEqual([next]);
    expect((await world.inbox.get(world.orgId, 'evt_pending5'))?.trigger).toEqual(trigger);
  });
});
