import { describe, expect, it } from 'vitest';
import type { Page } from '#domain/on-call/page.ts';
import { acknowledgePage, newPage, type PagingLadder, pageRound } from '#domain/on-call/paging.ts';

const CHICAGO = 'America/Chicago';
// Thursday 15 January 2026, 02:00 in Chicago (CST, UTC-6): the middle of the night.
const T0 = Date.parse('2026-01-15T08:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);
const ladder: PagingLadder = {
  rotation: { agentIds: ['ana', 'ben', 'cy'], start: { date: '2026-01-12', time: '09:00' } },
  timeZone: CHICAGO,
  propertyManagers: ['pm-1', 'pm-2'],
};
const request = {
  pageId: 'pg_1',
  orgId: 'org-1',
  department: 'maintenance' as const,
  subject: 'workflow:wf_1',
  reason: 'approval waiting',
  urgency: 'emergency' as const,
};

/** Runs the rounds due at each of the minutes given, as a sweeper at those times would. */
function runAt(page: Page, minutes: readonly number[], onLadder = ladder) {
  const log: string[] = [];
  let current = page;
  for (const n of minutes) {
    const round = pageRound(current, onLadder, minute(n));
    for (const send of round.sends) log.push(`${n}:${send.agentId}@${send.level}`);
    if (round.unacknowledged) log.push(`${n}:unacknowledged`);
    current = round.page;
  }
  return { page: current, log };
}

describe('a page nobody acknowledges', () => {
  it('goes out at once at 02:00, again every 5 minutes, to the next person at 15 and the managers at 30', () => {
    const opened = newPage(request, ladder, minute(0));
    expect(opened.nextAt).toBe(minute(0).toISOString());
    const { page, log } = runAt(
      opened,
      Array.from({ length: 51 }, (_, n) => n),
    );
    expect(log).toEqual([
      '0:ana@on_call',
      '5:ana@on_call',
      '10:ana@on_call',
      '15:ben@next_on_call',
      '20:ben@next_on_call',
      '25:ben@next_on_call',
      '30:pm-1@property_manager',
      '30:pm-2@property_manager',
      '35:pm-1@property_manager',
      '35:pm-2@property_manager',
      '40:pm-1@property_manager',
      '40:pm-2@property_manager',
      // The top of the ladder unanswered for its 15 minutes: still paged, and now counted (alarmed).
      '45:pm-1@property_manager',
      '45:pm-2@property_manager',
      '45:unacknowledged',
      '50:pm-1@property_manager',
      '50:pm-2@property_manager',
      '50:unacknowledged',
    ]);
    expect(page.targets).toEqual([
      { agentId: 'ana', level: 'on_call', firstPagedAt: minute(0).toISOString() },
      { agentId: 'ben', level: 'next_on_call', firstPagedAt: minute(15).toISOString() },
      { agentId: 'pm-1', level: 'property_manager', firstPagedAt: minute(30).toISOString() },
      { agentId: 'pm-2', level: 'property_manager', firstPagedAt: minute(30).toISOString() },
    ]);
    expect(page.attemptCount).toBe(16);
    expect(page.status).toBe('paging');
    expect(page.nextAt).toBe(minute(55).toISOString());
  });

  it('climbs at 15 minutes even when the sweeps come late', () => {
    const { log } = runAt(newPage(request, ladder, minute(0)), [0.5, 5.9, 11.8, 15.2]);
    expect(log).toEqual(['0.5:ana@on_call', '5.9:ana@on_call', '11.8:ana@on_call', '15.2:ben@next_on_call']);
  });

  it('goes straight to the managers when nobody is on call, and from a one-person rotation to them', () => {
    const noRotation = { ...ladder, rotation: undefined };
    expect(runAt(newPage(request, noRotation, minute(0)), [0], noRotation).log).toEqual([
      '0:pm-1@property_manager',
      '0:pm-2@property_manager',
    ]);
    const alone = {
      ...ladder,
      rotation: { agentIds: ['ana'], start: { date: '2026-01-12', time: '09:00' } },
    };
    expect(runAt(newPage(request, alone, minute(0)), [0, 15], alone).log).toEqual([
      '0:ana@on_call',
      '15:pm-1@property_manager',
      '15:pm-2@property_manager',
    ]);
  });

  it('without managers keeps paging the last person, and with nobody at all stays open and counted', () => {
    const noManagers = { ...ladder, propertyManagers: [] };
    const { log } = runAt(newPage(request, noManagers, minute(0)), [0, 15, 30, 35], noManagers);
    expect(log).toEqual([
      '0:ana@on_call',
      '15:ben@next_on_call',
      '30:ben@next_on_call',
      '30:unacknowledged',
      '35:ben@next_on_call',
      '35:unacknowledged',
    ]);
    const nobody = { ...noManagers, rotation: undefined };
    const lonely = runAt(newPage(request, nobody, minute(0)), [0, 5], nobody);
    expect(lonely.log).toEqual(['0:unacknowledged', '5:unacknowledged']);
    expect(lonely.page.status).toBe('paging');
    // A manager appointed meanwhile is paged at the next round.
    const appointed = runAt(lonely.page, [10], { ...nobody, propertyManagers: ['pm-9'] });
    expect(appointed.log).toEqual(['10:pm-9@property_manager']);
  });

  it('does nothing before it is due', () => {
    const { page } = runAt(newPage(request, ladder, minute(0)), [0]);
    const early = pageRound(page, ladder, minute(4));
    expect(early.sends).toEqual([]);
    expect(early.page).toBe(page);
  });
});

describe('acknowledging a page', () => {
  const paged = runAt(newPage(request, ladder, minute(0)), [0, 5, 10, 15]).page;

  it('by anyone it went to stops it', () => {
    const ack = acknowledgePage(paged, 'ana', minute(17));
    expect(ack.outcome).toBe('acknowledged');
    if (ack.outcome !== 'acknowledged') return;
    expect(ack.page).toMatchObject({ status: 'acknowledged', ackBy: 'ana', ackAt: minute(17).toISOString() });
    expect(ack.page.nextAt).toBeUndefined();
    expect(runAt(ack.page, [20, 25, 30, 45]).log).toEqual([]);
  });

  it('happens once, and never by someone it did not go to', () => {
    const ack = acknowledgePage(paged, 'ben', minute(16));
    if (ack.outcome !== 'acknowledged') throw new Error('expected an acknowledgment');
    expect(acknowledgePage(ack.page, 'ben', minute(17)).outcome).toBe('already_acknowledged');
    expect(acknowledgePage(ack.page, 'ana', minute(17)).outcome).toBe('already_acknowledged');
    expect(acknowledgePage(ack.page, 'cy', minute(17)).outcome).toBe('not_paged');
    expect(acknowledgePage(paged, 'pm-1', minute(16)).outcome).toBe('not_paged');
  });
});
