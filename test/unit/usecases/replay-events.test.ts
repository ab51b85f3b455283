import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { type ReplayedEvent, replayEvents } from '#usecases/replay-events.ts';

const orgId = 'org-replay';

function event(eventId: string, receivedAt: string): StoredEvent {
  return {
    orgId,
    eventId: `evt_${eventId}`,
    eventKey: eventId,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt,
    rawBody: '{}',
    headers: {},
    status: 'received',
  };
}

async function platformWithEvents() {
  const platform = inMemoryPlatform();
  await platform.inbox.store(event('before', '2026-11-20T23:00:00.000Z'));
  await platform.inbox.store(event('settled', '2026-11-21T08:00:00.000Z'));
  await platform.inbox.store(event('waiting', '2026-11-21T09:00:00.000Z'));
  await platform.inbox.settle(orgId, 'evt_settled', { status: 'processed', at: '2026-11-21T08:00:01.000Z' });
  return platform;
}

describe('replaying an org’s events (on the in-memory twins)', () => {
  it('reopens settled events with the next attempt and queues them; a waiting one keeps its attempt', async () => {
    const platform = await platformWithEvents();
    const lines: ReplayedEvent[] = [];
    const summary = await replayEvents(
      platform,
      { orgId, since: '2026-11-21T00:00:00.000Z', dryRun: false },
      (line) => lines.push(line),
    );
    expect(summary).toMatchObject({ matched: 2, replayed: 2, failed: 0 });
    expect(lines.map(({ eventId, attempt, outcome }) => ({ eventId, attempt, outcome }))).toEqual([
      { eventId: 'evt_settled', attempt: 1, outcome: 'replayed' },
      { eventId: 'evt_waiting', attempt: 0, outcome: 'replayed' },
    ]);
    expect(platform.queue.take('events')).toEqual([
      { orgId, eventId: 'evt_settled', attempt: 1 },
      { orgId, eventId: 'evt_waiting', attempt: 0 },
    ]);
    // Reopened is back in the outbox: if the send had failed, the sweeper would send it.
    expect(await platform.inbox.get(orgId, 'evt_settled')).toMatchObject({ status: 'received', attempt: 1 });
  });

  it('says what it would do in a dry run and changes nothing', async () => {
    const platform = await platformWithEvents();
    const lines: ReplayedEvent[] = [];
    await replayEvents(platform, { orgId, since: '2026-11-21T00:00:00.000Z', dryRun: true }, (line) =>
      lines.push(line),
    );
    expect(lines.map(({ attempt, outcome }) => ({ attempt, outcome }))).toEqual([
      { attempt: 1, outcome: 'would-replay' },
      { attempt: 0, outcome: 'would-replay' },
    ]);
    expect(platform.queue.sent).toEqual([]);
    expect(await platform.inbox.get(orgId, 'evt_settled')).toMatchObject({ status: 'processed' });
  });

  it('reports an event it could not queue and goes on; the reopened row stays in the outbox', async () => {
    const platform = await platformWithEvents();
    platform.queue.refused.add('events');
    const lines: ReplayedEvent[] = [];
    const summary = await replayEvents(
      platform,
      { orgId, since: '2026-11-21T00:00:00.000Z', dryRun: false },
      (line) => lines.push(line),
    );
    expect(summary).toMatchObject({ matched: 2, replayed: 0, failed: 2 });
    expect(lines.every((line) => line.error?.includes('refused'))).toBe(true);
    const waiting = await platform.pending.listStale(new Date('2100-01-01T00:00:00Z'), 10);
    expect(waiting.map((item) => item.entry)).toEqual(
      expect.arrayContaining([
        { queue: 'events', message: { orgId, eventId: 'evt_settled', attempt: 1 } },
        { queue: 'events', message: { orgId, eventId: 'evt_waiting', attempt: 0 } },
      ]),
    );
  });
});
