import { describe, expect, it } from 'vitest';
import { StatsQuery, StatsView } from '#contracts/stats.ts';
import type { EmailActivity, WorkflowActivity } from '#domain/stats/org-activity.ts';
import { aggregateStats, median, serviceLevels } from '#domain/stats/org-stats.ts';
import { InvalidStatsPeriodError, resolveStatsPeriod } from '#domain/stats/stats-period.ts';
import { WORKFLOW_STATUSES, WORKFLOW_TYPES } from '#vocabulary/workflows.ts';

const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };
const received = '2026-11-10T09:00:00.000Z';
const secondsLater = (s: number) => new Date(Date.parse(received) + s * 1000).toISOString();

function classified(
  seconds: number,
  c: Partial<NonNullable<EmailActivity['triage']>> = {},
  rest: Partial<EmailActivity> = {},
): EmailActivity {
  return {
    status: 'triaged',
    receivedAt: received,
    triagedAt: secondsLater(seconds),
    triage: { category: 'maintenance_request', urgency: 'low', engine: 'rules', ...c },
    ...rest,
  };
}

const created = '2026-11-10T08:00:00.000Z';
const secondsAfterCreation = (s: number) => new Date(Date.parse(created) + s * 1000).toISOString();

type Times = WorkflowActivity['times'];

function workflow(
  rest: Partial<Omit<WorkflowActivity, 'times'>> & { times?: Partial<Times> } = {},
): WorkflowActivity {
  return {
    type: 'maintenance_routine',
    status: 'open',
    state: 'troubleshoot',
    createdAt: created,
    ...rest,
    times: { reopened: 0, slaBreaches: 0, ...rest.times },
  };
}

const zeroes = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
const NO_SERVICE_LEVELS = {
  medianTimeToFirstResponseSeconds: null,
  medianTimeToVendorAcceptanceSeconds: null,
  medianTimeToCompletionSeconds: null,
  reopenRate: null,
  slaBreaches: null,
  closedByTroubleshooting: null,
};

const ALL_STATUSES = {
  received: 0,
  triaged: 0,
  awaiting_approval: 0,
  blocked: 0,
  approved: 0,
  rejected: 0,
  failed: 0,
};

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 4])).toBe(4);
  });
  it('is the mean of the two middle values of an even count', () => {
    expect(median([10, 1, 4, 7])).toBe(5.5);
  });
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });
});

describe('aggregateStats', () => {
  it('answers an empty period with zero counts for every key, null median and null shares', () => {
    const stats = aggregateStats(period, { emails: [], workflows: [], truncated: false });

    expect(StatsView.parse(stats)).toEqual(stats);
    expect(stats.emails.total).toBe(0);
    expect(Object.values(stats.emails.byCategory).every((n) => n === 0)).toBe(true);
    expect(Object.keys(stats.emails.byCategory)).toHaveLength(15);
    expect(stats.emails.byUrgency).toEqual({ low: 0, medium: 0, high: 0, emergency: 0 });
    expect(stats.emails.byStatus).toEqual(ALL_STATUSES);
    expect(stats.workflows).toEqual({
      total: 0,
      byType: zeroes(WORKFLOW_TYPES),
      byStatus: zeroes(WORKFLOW_STATUSES),
      serviceLevels: NO_SERVICE_LEVELS,
    });
    expect(stats.medianTimeToClassifySeconds).toBeNull();
    expect(stats.engines).toEqual({ claude: { count: 0, share: null }, rules: { count: 0, share: null } });
    expect(stats.tokens).toEqual({ input: 0, output: 0 });
    expect(stats.approvalsPending).toBe(0);
    expect(stats.period).toEqual(period);
  });

  it('counts emails by category, urgency and status, and workflows by type and status', () => {
    const stats = aggregateStats(period, {
      emails: [
        classified(1, { category: 'maintenance_emergency', urgency: 'emergency' }, { status: 'blocked' }),
        classified(2, { category: 'lease_renewal', urgency: 'medium' }, { status: 'awaiting_approval' }),
        classified(3, { category: 'lease_renewal', urgency: 'medium' }, { status: 'approved' }),
        { status: 'received', receivedAt: received },
        { status: 'failed', receivedAt: received },
      ],
      workflows: [
        workflow(),
        workflow({ type: 'maintenance_emergency', status: 'completed', state: 'completed' }),
        workflow({ type: 'lease_renewal', status: 'cancelled', state: 'cancelled' }),
      ],
      truncated: true,
    });

    expect(stats.emails.total).toBe(5);
    expect(stats.emails.byCategory).toMatchObject({ maintenance_emergency: 1, lease_renewal: 2, spam: 0 });
    expect(stats.emails.byUrgency).toEqual({ low: 0, medium: 2, high: 0, emergency: 1 });
    expect(stats.emails.byStatus).toEqual({
      ...ALL_STATUSES,
      received: 1,
      blocked: 1,
      awaiting_approval: 1,
      approved: 1,
      failed: 1,
    });
    expect(stats.workflows.total).toBe(3);
    expect(stats.workflows.byType).toEqual({
      ...zeroes(WORKFLOW_TYPES),
      maintenance_routine: 1,
      maintenance_emergency: 1,
      lease_renewal: 1,
    });
    expect(stats.workflows.byStatus).toEqual({ open: 1, completed: 1, cancelled: 1, rejected: 0 });
    expect(StatsView.parse(stats)).toEqual(stats);
    expect(stats.truncated).toBe(true);
    // The drafts waiting for a person: the pending one and the blocked one.
    expect(stats.approvalsPending).toBe(2);
  });

  it('counts a workflow stored before the engine (an old type, no times) in the total only', () => {
    const legacy = { type: 'maintenance', status: 'open', state: 'triage', createdAt: created };
    const stats = aggregateStats(period, {
      emails: [],
      workflows: [legacy as unknown as WorkflowActivity],
      truncated: false,
    });
    expect(stats.workflows.total).toBe(1);
    expect(Object.values(stats.workflows.byType).every((n) => n === 0)).toBe(true);
    expect(stats.workflows.serviceLevels).toEqual({ ...NO_SERVICE_LEVELS, slaBreaches: 0 });
    expect(StatsView.parse(stats)).toEqual(stats);
  });

  it('counts a row stored before the triage statuses in the total only', () => {
    const legacy = { status: 'classified', receivedAt: received } as unknown as EmailActivity;
    const stats = aggregateStats(period, { emails: [legacy], workflows: [], truncated: false });
    expect(stats.emails.total).toBe(1);
    expect(stats.emails.byStatus).toEqual(ALL_STATUSES);
    expect(StatsView.parse(stats)).toEqual(stats);
  });

  it('takes the median time to triage over the triaged emails only (odd and even counts)', () => {
    const odd = aggregateStats(period, {
      emails: [classified(30), classified(2), classified(9), { status: 'received', receivedAt: received }],
      workflows: [],
      truncated: false,
    });
    expect(odd.medianTimeToClassifySeconds).toBe(9);

    const even = aggregateStats(period, {
      emails: [classified(30), classified(2), classified(9), classified(1.5)],
      workflows: [],
      truncated: false,
    });
    expect(even.medianTimeToClassifySeconds).toBe(5.5);
  });

  it('shares triages between Claude and the rules and sums the token spend of triage and drafts', () => {
    const usage = (input: number, output: number) => ({
      inputTokens: input,
      outputTokens: output,
      cacheReadTokens: 0,
    });
    const claude = (input: number, output: number) =>
      classified(1, { engine: 'claude', usage: usage(input, output) });
    const stats = aggregateStats(period, {
      emails: [
        claude(400, 50),
        claude(600, 70),
        classified(1),
        classified(1, {}, { draft: { usage: usage(30, 3) } }),
        classified(1),
        { status: 'received', receivedAt: received },
      ],
      workflows: [],
      truncated: false,
    });

    expect(stats.engines).toEqual({ claude: { count: 2, share: 0.4 }, rules: { count: 3, share: 0.6 } });
    expect(stats.tokens).toEqual({ input: 1030, output: 123 });
    expect(StatsView.parse(stats)).toEqual(stats);
  });
});

describe("service levels of the period's workflows", () => {
  it('are all null when the period has no workflow', () => {
    expect(serviceLevels([])).toEqual(NO_SERVICE_LEVELS);
  });

  it('are null where nothing could be measured, and zero breaches is a figure once there are workflows', () => {
    // Two open workflows nobody has answered yet, neither maintenance nor closed.
    const levels = serviceLevels([workflow({ type: 'lease_renewal' }), workflow({ type: 'move_out' })]);
    expect(levels).toEqual({ ...NO_SERVICE_LEVELS, slaBreaches: 0 });
  });

  it('take the median time to first response over the answered workflows only (odd count)', () => {
    const levels = serviceLevels([
      workflow({ times: { firstResponseAt: secondsAfterCreation(600) } }),
      workflow({ times: { firstResponseAt: secondsAfterCreation(60) } }),
      workflow({ times: { firstResponseAt: secondsAfterCreation(120) } }),
      workflow(),
    ]);
    expect(levels.medianTimeToFirstResponseSeconds).toBe(120);
  });

  it('take the median time to vendor acceptance as the mean of the middle two (even count)', () => {
    const accepted = (s: number) => workflow({ times: { vendorAcceptedAt: secondsAfterCreation(s) } });
    const levels = serviceLevels([accepted(3600), accepted(60), accepted(600), accepted(1800), workflow()]);
    expect(levels.medianTimeToVendorAcceptanceSeconds).toBe(1200);
  });

  it('take the median time to completion over the completed workflows only (even count)', () => {
    const done = (s: number) =>
      workflow({
        status: 'completed',
        state: 'completed',
        times: { completedAt: secondsAfterCreation(s) },
      });
    const levels = serviceLevels([
      done(100),
      done(300),
      // Cancelled with a completion time of its own: not a completion.
      workflow({
        status: 'cancelled',
        state: 'cancelled',
        times: { completedAt: secondsAfterCreation(5) },
      }),
      workflow(),
    ]);
    expect(levels.medianTimeToCompletionSeconds).toBe(200);
  });

  it('never measure a negative duration (clocks of two functions)', () => {
    const levels = serviceLevels([workflow({ times: { firstResponseAt: secondsAfterCreation(-5) } })]);
    expect(levels.medianTimeToFirstResponseSeconds).toBe(0);
  });

  it('rate the reopens over the completed maintenance workflows, emergency and routine', () => {
    const completed = (type: WorkflowActivity['type'], reopened: number) =>
      workflow({ type, status: 'completed', state: 'completed', times: { reopened } });
    const levels = serviceLevels([
      completed('maintenance_emergency', 2),
      completed('maintenance_routine', 0),
      completed('maintenance_routine', 1),
      completed('maintenance_emergency', 0),
      // Not counted: still open (reopened, not yet completed), and not maintenance.
      workflow({ type: 'maintenance_routine', status: 'open', times: { reopened: 1 } }),
      completed('move_out', 3),
    ]);
    expect(levels.reopenRate).toBe(0.5);
  });

  it('have no reopen rate while no maintenance workflow has completed', () => {
    const levels = serviceLevels([
      workflow({ times: { reopened: 1 } }),
      workflow({ type: 'move_out', status: 'completed', state: 'completed' }),
    ]);
    expect(levels.reopenRate).toBeNull();
  });

  it('sum the SLA breaches of every workflow', () => {
    const levels = serviceLevels([
      workflow({ times: { slaBreaches: 2 } }),
      workflow({ type: 'lease_renewal', status: 'completed', times: { slaBreaches: 1 } }),
      workflow(),
    ]);
    expect(levels.slaBreaches).toBe(3);
  });

  it('share the closed routine maintenance workflows the resident fixed by troubleshooting', () => {
    const routine = (status: WorkflowActivity['status'], state: string) => workflow({ status, state });
    const levels = serviceLevels([
      routine('completed', 'resolved_by_resident'),
      routine('completed', 'completed'),
      routine('cancelled', 'cancelled'),
      routine('completed', 'resolved_by_resident'),
      // Not closed, or not routine: left out of both counts.
      routine('open', 'troubleshoot'),
      workflow({ type: 'maintenance_emergency', status: 'completed', state: 'resolved_by_resident' }),
    ]);
    expect(levels.closedByTroubleshooting).toBe(0.5);
  });

  it('have no troubleshooting share while no routine maintenance workflow is closed', () => {
    expect(serviceLevels([workflow()]).closedByTroubleshooting).toBeNull();
  });

  it('are published under workflows.serviceLevels, as the contract describes them', () => {
    const stats = aggregateStats(period, {
      emails: [],
      workflows: [
        workflow({
          status: 'completed',
          state: 'resolved_by_resident',
          times: {
            slaBreaches: 1,
            firstResponseAt: secondsAfterCreation(30),
            completedAt: secondsAfterCreation(90),
          },
        }),
      ],
      truncated: false,
    });
    expect(stats.workflows.serviceLevels).toEqual({
      medianTimeToFirstResponseSeconds: 30,
      medianTimeToVendorAcceptanceSeconds: null,
      medianTimeToCompletionSeconds: 90,
      reopenRate: 0,
      slaBreaches: 1,
      closedByTroubleshooting: 1,
    });
    expect(StatsView.parse(stats)).toEqual(stats);
  });
});

describe('resolveStatsPeriod', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');

  it('defaults to the last 30 days', () => {
    expect(resolveStatsPeriod({}, now)).toEqual({
      from: '2026-10-23T12:00:00.000Z',
      to: '2026-11-22T12:00:00.000Z',
    });
  });

  it('reads a date `from` as 00:00 UTC and a date `to` as the end of that day', () => {
    expect(resolveStatsPeriod({ from: '2026-11-01', to: '2026-11-30' }, now)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('normalises date-times with an offset to UTC and defaults `from` to 30 days before `to`', () => {
    expect(resolveStatsPeriod({ to: '2026-11-10T12:00:00+02:00' }, now)).toEqual({
      from: '2026-10-11T10:00:00.000Z',
      to: '2026-11-10T10:00:00.000Z',
    });
  });

  it.each([
    ['from after to', { from: '2026-11-10', to: '2026-11-01' }, 'must be before `to`'],
    ['from equal to to', { from: '2026-11-10T00:00:00Z', to: '2026-11-10T00:00:00Z' }, 'must be before `to`'],
    ['93 days', { from: '2026-08-01', to: '2026-11-01' }, 'at most 92 days'],
    ['a from too far back for the default to', { from: '2026-01-01' }, 'at most 92 days'],
    // Stored times sort as strings only with four-digit years.
    ['a period ending after 9999', { to: '9999-12-31' }, 'must end before the year 10000'],
    ['a default from before the year 0', { to: '0000-01-05' }, 'must begin in the year 0 or later'],
  ])('refuses %s', (_label, query, message) => {
    expect(() => resolveStatsPeriod(query, now)).toThrow(InvalidStatsPeriodError);
    expect(() => resolveStatsPeriod(query, now)).toThrow(message);
  });

  it('accepts exactly 92 days', () => {
    expect(resolveStatsPeriod({ from: '2026-08-01', to: '2026-10-31' }, now).to).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });
});

describe('StatsQuery', () => {
  it.each([
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2026-11-01T10:00:00' }, 'to'], // a date-time without its zone is ambiguous
    [{ since: '2026-11-01' }, ''],
    [{ to: '9999-12-31T23:00:00-05:00' }, 'to'], // past 9999 in UTC
    [{ from: '0000-01-01T00:00:00+01:00' }, 'from'], // before the year 0 in UTC
  ])('refuses %j', (query, path) => {
    const parsed = StatsQuery.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });
});
