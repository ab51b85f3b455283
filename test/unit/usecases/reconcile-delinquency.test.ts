import { describe, expect, it } from 'vitest';
import type { EntitySnapshot } from '#domain/rentvine/ports.ts';
import type { LeaseSnapshot } from '#domain/rentvine/snapshots.ts';
import { daysLate, delinquencySubject, lateSinceFor } from '#domain/workflow/delinquency.ts';
import { stableId } from '#platform/security/ids.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { leaseRecord } from '#test/support/rentvine-records.ts';
import { person } from '#test/support/workflows.ts';
import { advanceWorkflow } from '#usecases/advance-workflow.ts';
import { reconcileDelinquency } from '#usecases/reconcile-delinquency.ts';

const orgId = 'org-rent';
const subject = delinquencySubject('301');
/** Late since the 1st of November (the rule), read on the given day of it at 10:00 UTC. */
const onDay = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);

const lease = (record: EntitySnapshot) => record.data as LeaseSnapshot;
const pastDue = (amount: string, modified = '2026-11-03 09:00:00', status?: '1' | '2' | '3') =>
  lease(
    leaseRecord('301', modified, {
      pastDue: amount,
      propertyID: '7',
      unitID: '71',
      ...(status ? { status } : {}),
    }),
  );

function world(day = 4) {
  const platform = inMemoryPlatform(onDay(day));
  const reconcile = (read: LeaseSnapshot) => reconcileDelinquency(platform, orgId, read);
  const delinquencies = async () =>
    (await platform.workflows.list(orgId, { type: 'delinquency' }, { limit: 50 })).workflows;
  const linked = async () => {
    const id = await platform.workflows.workflowOfSubject(orgId, subject);
    return id ? platform.workflows.get(orgId, id) : undefined;
  };
  return { platform, reconcile, delinquencies, linked };
}

describe('the lateness rule [guess]', () => {
  it('counts from the 1st of the current month (UTC), in whole days', () => {
    expect(lateSinceFor(new Date('2026-11-04T10:00:00Z'))).toBe('2026-11-01T00:00:00.000Z');
    expect(lateSinceFor(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-01T00:00:00.000Z');
    expect(daysLate('2026-11-01T00:00:00.000Z', new Date('2026-11-04T10:00:00Z'))).toBe(3);
    expect(daysLate('2026-11-01T00:00:00.000Z', new Date('2026-11-01T23:00:00Z'))).toBe(0);
  });
});

describe('reconcileDelinquency', () => {
  it('3 days late: starts one workflow that sends the reminder, then waits', async () => {
    const { platform, reconcile, delinquencies, linked } = world(4);
    expect(await reconcile(pastDue('1275.00'))).toBe('started');
    const [workflow, ...others] = await delinquencies();
    expect(others).toEqual([]);
    expect(workflow).toMatchObject({
      workflowId: stableId('wf', orgId, `${subject}:first`),
      type: 'delinquency',
      urgency: 'medium',
      status: 'open',
      state: 'wait_for_payment',
      source: { kind: 'sync', key: subject },
      requestedBy: { kind: 'system', name: 'sync' },
      facts: {
        leaseId: '301',
        propertyId: '7',
        unitId: '71',
        pastDueUsd: 1275,
        lateSince: '2026-11-01T00:00:00.000Z',
      },
    });
    expect(workflow?.history[0]?.reason).toMatch(/\$1275 past due on lease 301, 3 days late/);
    // The reminder is owed and handed to the workflow queue; the wait runs to the 10th day late.
    expect(workflow?.pendingEffects).toEqual([
      expect.objectContaining({ kind: 'notify', to: 'resident', template: 'rent_reminder' }),
    ]);
    expect(workflow?.waiting?.dueAt).toBe('2026-11-11T00:00:00.000Z');
    expect(platform.queue.take('workflow')).toEqual([
      { source: 'workflow', orgId, workflowId: workflow?.workflowId },
    ]);
    expect((await linked())?.workflowId).toBe(workflow?.workflowId);
  });

  it('12 days late: offers a payment plan', async () => {
    const { reconcile, delinquencies } = world(13);
    expect(await reconcile(pastDue('1275.00'))).toBe('started');
    const [workflow] = await delinquencies();
    expect(workflow?.state).toBe('wait_for_plan');
    expect(workflow?.pendingEffects.map((e) => (e.kind === 'notify' ? e.template : e.kind))).toEqual([
      'payment_plan_offer',
    ]);
  });

  it('16 days late: serving the notice waits on a property manager', async () => {
    const { reconcile, delinquencies } = world(17);
    expect(await reconcile(pastDue('1275.00'))).toBe('started');
    const [workflow] = await delinquencies();
    expect(workflow).toMatchObject({
      state: 'approve_notice',
      waiting: { kind: 'approval', holder: 'property_manager' },
    });
  });

  it('the same lease read again changes nothing', async () => {
    const { platform, reconcile, linked } = world();
    await reconcile(pastDue('1275.00'));
    const before = await linked();
    platform.queue.take('workflow');
    platform.clock.advance(3_600_000);
    expect(await reconcile(pastDue('1275.00'))).toBe('none');
    // A newer version of the lease with the same balance (a tenant's phone edited): nothing either.
    expect(await reconcile(pastDue('1275.00', '2026-11-03 12:00:00'))).toBe('none');
    expect((await linked())?.version).toBe(before?.version);
    expect(platform.queue.take('workflow')).toEqual([]);
  });

  it('a changed balance feeds the open workflow, once per lease version', async () => {
    const { reconcile, linked } = world();
    await reconcile(pastDue('1275.00'));
    const partly = pastDue('600.00', '2026-11-05 09:00:00');
    expect(await reconcile(partly)).toBe('fed');
    const fed = await linked();
    expect(fed).toMatchObject({
      state: 'wait_for_payment',
      facts: { pastDueUsd: 600, lateSince: '2026-11-01T00:00:00.000Z' },
      appliedInputs: expect.arrayContaining(['sync:301:2026-11-05 09:00:00:600']),
    });
    expect(await reconcile(partly)).toBe('none');
    expect((await linked())?.version).toBe(fed?.version);
  });

  it('a paid balance closes it; a later past-due balance starts a new episode linked in its place', async () => {
    const { platform, reconcile, delinquencies, linked } = world();
    await reconcile(pastDue('1275.00'));
    const first = await linked();
    expect(await reconcile(pastDue('0.00', '2026-11-06 09:00:00'))).toBe('paid');
    expect(await linked()).toMatchObject({
      workflowId: first?.workflowId,
      status: 'completed',
      state: 'paid',
    });
    // Paid and read again: nothing to start.
    expect(await reconcile(pastDue('0.00', '2026-11-06 09:00:00'))).toBe('none');

    // December's rent unpaid on the 4th.
    platform.clock.advance(30 * 24 * 3_600_000);
    expect(await reconcile(pastDue('1275.00', '2026-12-02 09:00:00'))).toBe('started');
    const second = await linked();
    expect(second?.workflowId).toBe(stableId('wf', orgId, `${subject}:${first?.workflowId}`));
    expect(second?.workflowId).not.toBe(first?.workflowId);
    expect(second).toMatchObject({
      status: 'open',
      state: 'wait_for_payment',
      facts: { lateSince: '2026-12-01T00:00:00.000Z' },
    });
    expect((await delinquencies()).map((w) => w.status).sort()).toEqual(['completed', 'open']);
  });

  it('two reconciles racing on the same lease make one workflow', async () => {
    const { reconcile, delinquencies } = world();
    const outcomes = await Promise.all([reconcile(pastDue('1275.00')), reconcile(pastDue('1275.00'))]);
    expect(outcomes.sort()).toEqual(['none', 'started']);
    expect(await delinquencies()).toHaveLength(1);
  });

  it('a run that read the link before another run moved it on starts nothing', async () => {
    const { platform, reconcile, delinquencies } = world();
    await reconcile(pastDue('1275.00'));
    await reconcile(pastDue('0.00', '2026-11-05 09:00:00'));
    expect(await reconcile(pastDue('900.00', '2026-11-06 09:00:00'))).toBe('started');
    // A slower run read no link at all (before the first episode): it derives the first episode's
    // id, and the link, held by the second, refuses it.
    const stale = {
      ...platform,
      workflows: new Proxy(platform.workflows, {
        get: (store, name) => {
          if (name === 'workflowOfSubject') return async () => undefined;
          const member = Reflect.get(store, name, store);
          return typeof member === 'function' ? member.bind(store) : member;
        },
      }),
    };
    expect(await reconcileDelinquency(stale, orgId, pastDue('900.00', '2026-11-06 09:00:00'))).toBe('none');
    expect(await delinquencies()).toHaveLength(2);
  });

  it('an inactive lease, a zero balance or a read without balances starts nothing', async () => {
    const { reconcile, delinquencies, linked } = world();
    expect(await reconcile(pastDue('1275.00', undefined, '3'))).toBe('none');
    expect(await reconcile(pastDue('1275.00', undefined, '1'))).toBe('none');
    expect(await reconcile(pastDue('0.00'))).toBe('none');
    const { balances: _none, ...withoutBalances } = pastDue('1275.00');
    expect(await reconcile(withoutBalances as LeaseSnapshot)).toBe('none');
    expect(await delinquencies()).toEqual([]);
    expect(await linked()).toBeUndefined();
  });

  it('an open episode still follows a lease that closed, until paid', async () => {
    const { reconcile, linked } = world();
    await reconcile(pastDue('1275.00'));
    expect(await reconcile(pastDue('1400.00', '2026-11-05 09:00:00', '3'))).toBe('fed');
    expect(await reconcile(pastDue('0.00', '2026-11-06 09:00:00', '3'))).toBe('paid');
    expect((await linked())?.state).toBe('paid');
  });

  it('an episode a person closed stands for its balance: only more arrears start another', async () => {
    const { platform, reconcile, linked } = world(17);
    await reconcile(pastDue('1275.00'));
    const approving = await linked();
    if (!approving?.waiting) throw new Error('expected the notice approval');
    expect(
      await advanceWorkflow(platform, {
        orgId,
        workflowId: approving.workflowId,
        inputId: 'req-1',
        input: { kind: 'decide', stepId: approving.waiting.stepId, decision: 'reject' },
        actor: person('property_manager'),
      }),
    ).toMatchObject({ outcome: 'applied', workflow: { state: 'held', status: 'cancelled' } });
    expect(await reconcile(pastDue('1275.00', '2026-11-18 09:00:00'))).toBe('none');
    expect(await reconcile(pastDue('1000.00', '2026-11-19 09:00:00'))).toBe('none');
    expect((await linked())?.workflowId).toBe(approving.workflowId);
    expect(await reconcile(pastDue('2550.00', '2026-11-20 09:00:00'))).toBe('started');
    expect((await linked())?.workflowId).not.toBe(approving.workflowId);
  });

  it('heals a link left without its workflow (a crash between the two)', async () => {
    const { platform, reconcile, linked } = world();
    const id = stableId('wf', orgId, `${subject}:first`);
    await platform.workflows.linkSubject(orgId, subject, id);
    expect(await reconcile(pastDue('1275.00'))).toBe('started');
    expect(await linked()).toMatchObject({ workflowId: id, state: 'wait_for_payment' });
  });
});
