import { describe, expect, it } from 'vitest';
import { DUE_SHARDS } from '#adapters/dynamodb/keys.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import type { DueWorkflow, WorkflowPage, WorkflowStore } from '#domain/workflow/ports.ts';
import { triaged } from '#test/support/triage-fixtures.ts';
import {
  advanced,
  approvalStep,
  email,
  event,
  notifyEffect,
  timerStep,
  waiting,
  workflowOf,
} from './fixtures.ts';
import { implementations } from './implementations.ts';

/**
 * `due` reads across orgs and the DynamoDB worlds share one table, so each test that sweeps keeps
 * to its own year (the itemsRead one to the earliest of all) and looks only at its own orgs.
 * Workflows that are not about the sweep wait on nothing or fall due in 2030.
 */
const ids = (page: WorkflowPage) => page.workflows.map((w) => w.workflowId);

async function sweep(store: WorkflowStore, at: string, limit: number, orgs: readonly string[]) {
  const found: DueWorkflow[] = [];
  let itemsRead = 0;
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await store.due(new Date(at), cursor === undefined ? { limit } : { limit, cursor });
    expect(page.due.length).toBeLessThanOrEqual(limit);
    found.push(...page.due);
    itemsRead += page.itemsRead;
    cursor = page.cursor;
    if (cursor === undefined) break;
  }
  return { all: found, mine: found.filter((d) => orgs.includes(d.orgId)), itemsRead };
}

async function everyPage(read: (cursor?: string) => Promise<WorkflowPage>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await read(cursor);
    seen.push(...ids(page));
    cursor = page.cursor;
    if (cursor === undefined) return seen;
  }
  throw new Error('paging did not end');
}

describe.each(implementations())('WorkflowStore contract: $name', (implementation) => {
  it('creates a workflow once and reads it back in its own org only', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_contract1', { source: { kind: 'email', emailId: 'em_x' } });
    expect(await world.workflows.create(workflow)).toBe('created');
    expect(await world.workflows.create({ ...workflow, type: 'move_out' })).toBe('exists');
    expect(await world.workflows.get(world.orgId, workflow.workflowId)).toEqual(workflow);
    expect(await world.workflows.get(`${world.orgId}-other`, workflow.workflowId)).toBeUndefined();
  });

  it('creates a workflow waiting on an approval once, listed for its holder', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_contract_wait', {
      waiting: approvalStep('property_manager', '2030-01-01T00:00:00.000Z'),
    });
    expect(await world.workflows.create(workflow)).toBe('created');
    expect(await world.workflows.create(workflow)).toBe('exists');
    expect(await world.workflows.get(world.orgId, workflow.workflowId)).toEqual(workflow);
    expect(ids(await world.workflows.waitingOn(world.orgId, 'property_manager', { limit: 10 }))).toEqual([
      workflow.workflowId,
    ]);
  });

  it('saves on the version read: a stale version is a conflict, and of two racing saves one wins', async () => {
    const world = await implementation.world();
    const first = workflowOf(world.orgId, 'wf_contract_save');
    await world.workflows.create(first);
    const second = advanced(first, { state: 'dispatch', facts: { propertyId: 'p1' } });
    expect(await world.workflows.save(second, 1)).toBe('saved');
    expect(await world.workflows.get(world.orgId, first.workflowId)).toEqual(second);
    expect(await world.workflows.save(advanced(first, { state: 'stale' }), 1)).toBe('conflict');
    expect(await world.workflows.save(advanced(first, { state: 'nowhere' }), 7)).toBe('conflict');
    expect(await world.workflows.save(workflowOf(world.orgId, 'wf_contract_absent', { version: 2 }), 1)).toBe(
      'conflict',
    );

    const racing = await Promise.all([
      world.workflows.save(advanced(second, { state: 'a' }), 2),
      world.workflows.save(advanced(second, { state: 'b', waiting: approvalStep('owner') }), 2),
      world.workflows.save(advanced(second, { state: 'c', waiting: approvalStep('president') }), 2),
    ]);
    expect(racing.filter((result) => result === 'saved')).toHaveLength(1);
    const stored = await world.workflows.get(world.orgId, first.workflowId);
    expect(stored?.version).toBe(3);
    // Whichever won, the waiting-on listing agrees with it.
    const holders = ['owner', 'president'] as const;
    for (const holder of holders)
      expect(ids(await world.workflows.waitingOn(world.orgId, holder, { limit: 10 }))).toEqual(
        stored?.waiting?.holder === holder ? [first.workflowId] : [],
      );
  });

  it('removes an optional field a save leaves out', async () => {
    const world = await implementation.world();
    const waitingOne = workflowOf(world.orgId, 'wf_contract_unset', {
      waiting: timerStep('2030-01-01T00:00:00.000Z'),
    });
    await world.workflows.create(waitingOne);
    const { waiting: _left, ...rest } = waitingOne;
    const next = { ...rest, version: 2, state: 'done' };
    expect(await world.workflows.save(next, 1)).toBe('saved');
    expect(await world.workflows.get(world.orgId, waitingOne.workflowId)).toEqual(next);
  });

  it('lists the org’s workflows newest first, filtered, paged without repeats', async () => {
    const world = await implementation.world();
    const other = `${world.orgId}-other`;
    const at = (minute: number) => `2026-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const made = [
      workflowOf(world.orgId, 'wf_list1', {
        createdAt: at(1),
        type: 'move_out',
        facts: { propertyId: 'p1' },
      }),
      workflowOf(world.orgId, 'wf_list2', { createdAt: at(2), status: 'completed', state: 'done' }),
      workflowOf(world.orgId, 'wf_list3', { createdAt: at(3), facts: { propertyId: 'p1' } }),
      workflowOf(world.orgId, 'wf_list4', { createdAt: at(4), state: 'dispatch' }),
      workflowOf(world.orgId, 'wf_list5', { createdAt: at(5), type: 'move_out' }),
      workflowOf(other, 'wf_list6', { createdAt: at(6), type: 'move_out', facts: { propertyId: 'p1' } }),
    ];
    for (const workflow of made) await world.workflows.create(workflow);
    const list = (filter: Parameters<WorkflowStore['list']>[1], limit = 10) =>
      everyPage((cursor) =>
        world.workflows.list(world.orgId, filter, cursor ? { limit, cursor } : { limit }),
      );
    expect(await list({})).toEqual(['wf_list5', 'wf_list4', 'wf_list3', 'wf_list2', 'wf_list1']);
    expect(await list({}, 2)).toEqual(['wf_list5', 'wf_list4', 'wf_list3', 'wf_list2', 'wf_list1']);
    expect(await list({ type: 'move_out' })).toEqual(['wf_list5', 'wf_list1']);
    expect(await list({ type: 'move_out' }, 1)).toEqual(['wf_list5', 'wf_list1']);
    expect(await list({ status: 'completed' })).toEqual(['wf_list2']);
    expect(await list({ state: 'dispatch' })).toEqual(['wf_list4']);
    expect(await list({ propertyId: 'p1' })).toEqual(['wf_list3', 'wf_list1']);
    expect(await list({ since: at(3) })).toEqual(['wf_list5', 'wf_list4', 'wf_list3']);
    expect(await list({ since: at(2), status: 'open' }, 1)).toEqual(['wf_list5', 'wf_list4', 'wf_list3']);
    const full = await world.workflows.list(world.orgId, {}, { limit: 2 });
    expect(full.workflows).toHaveLength(2);
    expect(full.workflows[0]).toEqual(made[4]);
  });

  it('refuses a cursor it did not issue for that listing', async () => {
    const world = await implementation.world();
    for (const n of [1, 2, 3]) await world.workflows.create(workflowOf(world.orgId, `wf_cursor${n}`));
    const { cursor } = await world.workflows.list(world.orgId, {}, { limit: 1 });
    expect(cursor).toBeDefined();
    await expect(world.workflows.list(`${world.orgId}-other`, {}, { limit: 1, cursor })).rejects.toThrow();
    await expect(
      world.workflows.list(world.orgId, {}, { limit: 1, cursor: 'not-a-cursor' }),
    ).rejects.toThrow();
    await expect(world.workflows.due(new Date(), { limit: 1, cursor })).rejects.toThrow();
  });

  it('lists approvals waiting on a holder, earliest due first, and follows escalation and the step’s end', async () => {
    const world = await implementation.world();
    const due = (day: number) => `2030-03-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const late = workflowOf(world.orgId, 'wf_wait_late', {
      waiting: approvalStep('property_manager', due(9)),
    });
    const early = workflowOf(world.orgId, 'wf_wait_early', {
      waiting: approvalStep('property_manager', due(2)),
    });
    const undated = workflowOf(world.orgId, 'wf_wait_undated', { waiting: approvalStep('property_manager') });
    const task = workflowOf(world.orgId, 'wf_wait_task', {
      waiting: { ...approvalStep('property_manager', due(1)), kind: 'human_task' },
    });
    const elsewhere = workflowOf(`${world.orgId}-other`, 'wf_wait_other', {
      waiting: approvalStep('property_manager', due(1)),
    });
    for (const workflow of [late, early, undated, task, elsewhere]) await world.workflows.create(workflow);
    const waitingOn = (holder: 'property_manager' | 'director_of_accounting', limit = 10) =>
      everyPage((cursor) =>
        world.workflows.waitingOn(world.orgId, holder, cursor ? { limit, cursor } : { limit }),
      );
    expect(await waitingOn('property_manager')).toEqual(['wf_wait_early', 'wf_wait_late', 'wf_wait_undated']);
    expect(await waitingOn('property_manager', 1)).toEqual([
      'wf_wait_early',
      'wf_wait_late',
      'wf_wait_undated',
    ]);
    const [page] = (await world.workflows.waitingOn(world.orgId, 'property_manager', { limit: 1 })).workflows;
    expect(page).toEqual(early);

    // Escalation: the step moves up the chain with a new due time.
    const escalated = advanced(early, { waiting: approvalStep('director_of_accounting', due(20)) });
    expect(await world.workflows.save(escalated, 1)).toBe('saved');
    expect(await waitingOn('property_manager')).toEqual(['wf_wait_late', 'wf_wait_undated']);
    expect(await waitingOn('director_of_accounting')).toEqual(['wf_wait_early']);
    // Re-dated: same holder, a later due time, listed once (the old item went with the write).
    expect(
      await world.workflows.save(advanced(late, { waiting: approvalStep('property_manager', due(30)) }), 1),
    ).toBe('saved');
    expect(await waitingOn('property_manager')).toEqual(['wf_wait_late', 'wf_wait_undated']);
    // The step ends (a decision), and a workflow closes while waiting.
    const { waiting: _step, ...decided } = escalated;
    expect(await world.workflows.save({ ...decided, version: 3, state: 'dispatch' }, 2)).toBe('saved');
    expect(
      await world.workflows.save(advanced(undated, { status: 'cancelled', state: 'cancelled' }), 1),
    ).toBe('saved');
    expect(await waitingOn('director_of_accounting')).toEqual([]);
    expect(await waitingOn('property_manager')).toEqual(['wf_wait_late']);
  });

  it('sweeps due workflows across orgs, earliest first, reading only what is due', async () => {
    const world = await implementation.world();
    const orgs = [world.orgId, `${world.orgId}-b`];
    const at = '1990-06-01T00:00:00.000Z';
    const made = Array.from({ length: 9 }, (_, i) =>
      workflowOf(orgs[i % 2] ?? world.orgId, `wf_sweep${i}`, {
        // Alternately an approval and a timer, due in May 1990 (due), or in 2030 (not yet).
        waiting:
          i < 7
            ? i % 2 === 0
              ? approvalStep('owner', `1990-05-${String(20 - i).padStart(2, '0')}T00:00:00.000Z`)
              : timerStep(`1990-05-${String(20 - i).padStart(2, '0')}T00:00:00Z`)
            : timerStep('2030-01-01T00:00:00.000Z'),
      }),
    );
    const waitingOnNothing = workflowOf(world.orgId, 'wf_sweep_idle');
    const closed = workflowOf(world.orgId, 'wf_sweep_closed', {
      status: 'completed',
      waiting: timerStep('1990-05-01T00:00:00.000Z'),
    });
    for (const workflow of [...made, waitingOnNothing, closed]) await world.workflows.create(workflow);
    const expected = made
      .slice(0, 7)
      .map((w) => ({
        orgId: w.orgId,
        workflowId: w.workflowId,
        dueAt: new Date(w.waiting?.dueAt ?? '').toISOString(),
      }))
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));

    const whole = await sweep(world.workflows, at, 100, orgs);
    expect(whole.mine).toEqual(expected);
    // The bound this store keeps: each due index entry is read once over a sweep (the first
    // year in this table, so every entry at or before `at` is this test's).
    expect(whole.all).toEqual(whole.mine);
    expect(whole.itemsRead).toBeLessThanOrEqual(expected.length);
    for (const limit of [1, 2, 3]) {
      const paged = await sweep(world.workflows, at, limit, orgs);
      expect(paged.mine).toEqual(expected);
      expect(paged.itemsRead).toBeLessThanOrEqual(expected.length + DUE_SHARDS);
    }
  });

  it('takes a workflow off the due sweep when its step ends or it closes, and on when it waits again', async () => {
    const world = await implementation.world();
    const at = '1995-06-01T00:00:00.000Z';
    const dueSoon = (id: string) =>
      workflowOf(world.orgId, id, { waiting: approvalStep('owner', '1995-05-01T00:00:00.000Z') });
    const [ended, closed, moved] = [
      dueSoon('wf_due_ended'),
      dueSoon('wf_due_closed'),
      dueSoon('wf_due_moved'),
    ];
    for (const workflow of [ended, closed, moved]) await world.workflows.create(workflow);
    const mine = async () =>
      (await sweep(world.workflows, at, 10, [world.orgId])).mine.map((d) => d.workflowId);
    expect((await mine()).sort()).toEqual(['wf_due_closed', 'wf_due_ended', 'wf_due_moved']);

    const { waiting: _step, ...afterStep } = ended;
    await world.workflows.save({ ...afterStep, version: 2, state: 'dispatch' }, 1);
    await world.workflows.save(advanced(closed, { status: 'rejected', state: 'rejected' }), 1);
    await world.workflows.save(
      advanced(moved, { waiting: approvalStep('owner', '1995-07-01T00:00:00.000Z') }),
      1,
    );
    expect(await mine()).toEqual([]);
    await world.workflows.save(
      advanced(moved, { version: 3, waiting: timerStep('1995-05-15T00:00:00.000Z') }),
      2,
    );
    expect(await mine()).toEqual(['wf_due_moved']);
  });

  it('owes the workflow queue a run while effects are pending, keeping its place until they are done', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_outbox', {
      pendingEffects: [notifyEffect('e1')],
      updatedAt: '2003-01-01T00:00:00.000Z',
    });
    await world.workflows.create(workflow);
    const owed = outboxEntry('workflow', {
      source: 'workflow',
      orgId: world.orgId,
      workflowId: workflow.workflowId,
    });
    expect(await waiting(world, '2003-01-02T00:00:00.000Z')).toMatchObject([
      { entry: owed, orgId: world.orgId, pendingSince: '2003-01-01T00:00:00.000Z', resends: 0 },
    ]);
    // Another write while effects are still pending does not restart the clock.
    const more = advanced(workflow, {
      pendingEffects: [notifyEffect('e1'), notifyEffect('e2')],
      updatedAt: '2003-01-05T00:00:00.000Z',
    });
    expect(await world.workflows.save(more, 1)).toBe('saved');
    expect(await waiting(world, '2003-01-02T00:00:00.000Z')).toMatchObject([
      { entry: owed, pendingSince: '2003-01-01T00:00:00.000Z' },
    ]);
    const done = advanced(more, { pendingEffects: [], updatedAt: '2003-01-06T00:00:00.000Z' });
    expect(await world.workflows.save(done, 2)).toBe('saved');
    expect(await waiting(world, '2003-02-01T00:00:00.000Z')).toEqual([]);
    expect(await world.workflows.get(world.orgId, workflow.workflowId)).toEqual(done);
  });

  it('lets the sweeper re-send and give up on a workflow without touching its status', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_outbox_sweep', {
      pendingEffects: [notifyEffect('e1')],
      updatedAt: '2003-03-01T00:00:00.000Z',
    });
    await world.workflows.create(workflow);
    const [item] = await waiting(world, '2003-03-02T00:00:00.000Z');
    if (!item) throw new Error('expected the workflow to wait');
    await world.pending.markResent(item, new Date('2003-03-03T00:00:00.000Z'));
    const [resent] = await waiting(world, '2003-03-04T00:00:00.000Z');
    expect(resent).toMatchObject({ pendingSince: '2003-03-03T00:00:00.000Z', resends: 1 });
    if (!resent) throw new Error('expected the workflow to wait again');
    await world.pending.giveUp(
      resent,
      new Date('2003-03-05T00:00:00.000Z'),
      'not processed after 3 re-sends',
    );
    expect(await waiting(world, '2003-04-01T00:00:00.000Z')).toEqual([]);
    expect(await world.workflows.get(world.orgId, workflow.workflowId)).toEqual(workflow);
    // A later write that still owes effects puts it back, waiting from that write.
    const again = advanced(workflow, { updatedAt: '2003-03-10T00:00:00.000Z' });
    expect(await world.workflows.save(again, 1)).toBe('saved');
    expect(await waiting(world, '2003-04-01T00:00:00.000Z')).toMatchObject([
      { pendingSince: '2003-03-10T00:00:00.000Z', resends: 0 },
    ]);
  });

  it('links its email, which leaves the outbox for the workflow stage', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract5', '2001-02-01T00:00:00.000Z');
    await world.emails.submit(stored);
    const next = outboxEntry('workflow', { source: 'email', orgId: world.orgId, emailId: stored.emailId });
    await world.emails.saveTriage(
      world.orgId,
      stored.emailId,
      triaged('complaint', 'low'),
      '2001-02-01T00:01:00.000Z',
      next,
    );
    const workflow = workflowOf(world.orgId, 'wf_contract2', {
      source: { kind: 'email', emailId: stored.emailId },
    });
    await world.workflows.create(workflow);
    await world.workflows.linkSource(workflow);
    expect((await world.emails.get(world.orgId, stored.emailId))?.workflowId).toBe(workflow.workflowId);
    expect(await waiting(world, '2001-02-02T00:00:00.000Z')).toEqual([]);
  });

  it('links an event without taking it out of the outbox for another stage (a replay reopened it)', async () => {
    const world = await implementation.world();
    const stored = event(world.orgId, 'evt_contract1', '2001-03-01T00:00:00.000Z');
    await world.inbox.store(stored);
    const workflow = workflowOf(world.orgId, 'wf_contract3', {
      source: { kind: 'event', eventId: stored.eventId },
    });
    await world.workflows.linkSource(workflow);
    expect((await world.inbox.get(world.orgId, stored.eventId))?.workflowId).toBe(workflow.workflowId);
    expect((await waiting(world, '2001-03-02T00:00:00.000Z')).map((item) => item.entry.queue)).toEqual([
      'events',
    ]);
  });

  it('links nothing when the source row is gone, or when nothing stored started it, without failing', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_contract4', {
      source: { kind: 'email', emailId: 'em_gone' },
    });
    await expect(world.workflows.linkSource(workflow)).resolves.toBeUndefined();
    expect(await world.emails.get(world.orgId, 'em_gone')).toBeUndefined();
    for (const source of [
      { kind: 'manual' },
      { kind: 'workflow', workflowId: 'wf_parent' },
      { kind: 'sync', key: 'k' },
    ] as const)
      await expect(world.workflows.linkSource({ ...workflow, source })).resolves.toBeUndefined();
  });
});
