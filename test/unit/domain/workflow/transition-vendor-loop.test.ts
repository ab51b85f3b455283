import { describe, expect, it } from 'vitest';
import type { Workflow } from '#domain/workflow/workflow.ts';
import {
  apply,
  approve,
  complete,
  DAY,
  effectsOfKind,
  HOUR,
  later,
  MINUTE,
  open,
  person,
  refusalOf,
  rentvineDone,
  step,
  stepIdOf,
  T0,
  tick,
  vendor,
} from '#test/support/workflows.ts';

const FRIDAY = new Date('2026-12-04T16:00:00.000Z');
const MONDAY = new Date('2026-12-07T16:00:00.000Z');
const lead = person('maintenance_tech_lead');
const supervisor = person('maintenance_supervisor');

const signal = (workflow: Workflow, name: Parameters<typeof signalInput>[0], at: Date = T0) =>
  step(workflow, signalInput(name), { kind: 'system', name: 'rentvine' }, at);
const signalInput = (
  signal: 'work_order_completed' | 'resident_fixed' | 'resident_not_fixed' | 'work_order_cancelled',
) => ({ kind: 'signal', signal }) as const;

const offerOf = (workflow: Workflow) => {
  const offer = workflow.waiting?.offer;
  if (!offer) throw new Error(`no open offer at ${workflow.state}`);
  return offer;
};

const reply = (
  workflow: Workflow,
  decision: 'accept' | 'decline',
  actor = vendor(offerOf(workflow).vendorId),
  at = T0,
) => apply(workflow, { kind: 'vendor_reply', offerId: offerOf(workflow).offerId, decision }, actor, at);

describe('the repair loop: work order, ranked offers, assignment, confirmation', () => {
  // Approved on a Friday, so the first routine offer runs over a weekend.
  const opened = open(
    'maintenance_routine',
    { propertyId: 'p1', vendorCandidates: ['a', 'b', 'c'] },
    { at: FRIDAY },
  );
  const approved = approve(opened.workflow, lead, FRIDAY);
  const created = rentvineDone(approved.workflow, FRIDAY, 'wo_1');

  it('approval writes the work order once, without letting Rentvine tell any vendor', () => {
    const effects = effectsOfKind(approved.effects, 'rentvine');
    expect(effects).toEqual([
      expect.objectContaining({
        action: 'create_work_order',
        dispatchApproved: false,
        idempotencyKey: `${opened.workflow.workflowId}:${approved.workflow.waiting?.stepId}`,
      }),
    ]);
    expect(approved.workflow.waiting).toMatchObject({
      kind: 'rentvine_action',
      effectId: effects[0]?.effectId,
    });
    expect(approved.workflow.pendingEffects.map((e) => e.effectId)).toContain(effects[0]?.effectId);
  });

  it('the work order written, the job is offered to the best vendor for one business day (Friday → Monday)', () => {
    const { workflow, effects } = created;
    expect(workflow.facts.workOrderId).toBe('wo_1');
    expect(workflow.pendingEffects.some((e) => e.kind === 'rentvine')).toBe(false);
    expect(effectsOfKind(effects, 'offer_vendor')).toEqual([
      expect.objectContaining({ vendorId: 'a', expiresAt: MONDAY.toISOString() }),
    ]);
    expect(workflow.waiting).toMatchObject({
      kind: 'vendor_offer',
      dueAt: MONDAY.toISOString(),
      offered: ['a'],
    });
  });

  const toB = tick(created.workflow, MONDAY);
  const afterB = toB.outcome === 'applied' ? toB.workflow : created.workflow;

  it('an offer nobody answers moves to the next vendor at its expiry, not before', () => {
    expect(tick(created.workflow, new Date(MONDAY.getTime() - 1))).toMatchObject({ outcome: 'ignored' });
    expect(toB.outcome).toBe('applied');
    expect(offerOf(afterB).vendorId).toBe('b');
    expect(afterB.waiting?.offered).toEqual(['a', 'b']);
  });

  it("a vendor's late answer to the expired offer is not_waiting", () => {
    const stale = apply(
      afterB,
      { kind: 'vendor_reply', offerId: offerOf(created.workflow).offerId, decision: 'accept' },
      vendor('a'),
      MONDAY,
    );
    expect(refusalOf(stale)).toBe('not_waiting');
  });

  const declinedByB = reply(afterB, 'decline', vendor('b'), MONDAY);
  const atC = declinedByB.outcome === 'applied' ? declinedByB.workflow : afterB;

  it('a decline moves to the next vendor at once', () => {
    expect(declinedByB.outcome).toBe('applied');
    expect(offerOf(atC).vendorId).toBe('c');
  });

  it('only the vendor offered may answer, and only before the offer expires', () => {
    expect(refusalOf(reply(atC, 'accept', vendor('a'), MONDAY))).toBe('not_your_step');
    expect(refusalOf(reply(atC, 'accept', person('president'), MONDAY))).toBe('not_your_step');
    expect(refusalOf(reply(atC, 'accept', vendor('c'), new Date(offerOf(atC).expiresAt)))).toBe(
      'offer_expired',
    );
  });

  const accepted = reply(atC, 'accept', vendor('c'), MONDAY);
  const assigning = accepted.outcome === 'applied' ? accepted : undefined;

  it('the accepting vendor is assigned in Rentvine, which may now tell them', () => {
    expect(assigning?.workflow.facts.vendorId).toBe('c');
    expect(assigning?.workflow.times.vendorAcceptedAt).toBe(MONDAY.toISOString());
    expect(effectsOfKind(assigning?.effects ?? [], 'rentvine')).toEqual([
      expect.objectContaining({ action: 'assign_vendor', dispatchApproved: true }),
    ]);
  });

  it('assigned, completed, the resident asked; not fixed reopens with the same vendor first; fixed completes', () => {
    let workflow = rentvineDone(assigning?.workflow as Workflow, MONDAY).workflow;
    expect(workflow.state).toBe('in_progress');
    const done = signal(workflow, 'work_order_completed', later(DAY, MONDAY));
    expect(effectsOfKind(done.effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: 'resident', template: 'repair_confirmation' }),
    );
    workflow = done.workflow;
    expect(workflow.state).toBe('awaiting_confirmation');

    const notFixed = signal(workflow, 'resident_not_fixed', later(2 * DAY, MONDAY));
    workflow = notFixed.workflow;
    expect(workflow.state).toBe('reopen');
    expect(workflow.facts.vendorCandidates).toEqual(['c', 'a', 'b']);
    expect(workflow.times.reopened).toBe(1);
    expect(effectsOfKind(notFixed.effects, 'rentvine')).toEqual([
      expect.objectContaining({ action: 'reopen_work_order' }),
    ]);

    workflow = rentvineDone(workflow, later(2 * DAY, MONDAY)).workflow;
    expect(workflow.state).toBe('offer_vendor');
    expect(offerOf(workflow).vendorId).toBe('c');
    expect(workflow.waiting?.stepId).toBe('offer_vendor.2');

    const again = reply(workflow, 'accept', vendor('c'), later(2 * DAY, MONDAY));
    if (again.outcome !== 'applied') throw new Error(again.outcome);
    workflow = rentvineDone(again.workflow, later(2 * DAY, MONDAY)).workflow;
    workflow = signal(workflow, 'work_order_completed', later(3 * DAY, MONDAY)).workflow;
    workflow = signal(workflow, 'resident_fixed', later(4 * DAY, MONDAY)).workflow;
    expect(workflow.status).toBe('completed');
    expect(workflow.waiting).toBeUndefined();
    expect(workflow.times.completedAt).toBe(later(4 * DAY, MONDAY).toISOString());
  });

  it("the resident's silence for three days counts as fixed", () => {
    let workflow = rentvineDone(assigning?.workflow as Workflow, MONDAY).workflow;
    workflow = signal(workflow, 'work_order_completed', MONDAY).workflow;
    const silent = tick(workflow, later(3 * DAY, MONDAY));
    expect(silent).toMatchObject({ outcome: 'applied', workflow: { status: 'completed' } });
  });
});

describe('offers and vendors, other cases', () => {
  it('an emergency offer expires in 15 minutes', () => {
    const opened = open('maintenance_emergency', { propertyId: 'p1', vendorCandidates: ['a', 'b'] }).workflow;
    const created = rentvineDone(approve(opened, supervisor).workflow, T0, 'wo_9');
    expect(effectsOfKind(created.effects, 'offer_vendor')).toEqual([
      expect.objectContaining({ vendorId: 'a', expiresAt: later(15 * MINUTE).toISOString() }),
    ]);
    const next = tick(created.workflow, later(15 * MINUTE));
    expect(next).toMatchObject({ outcome: 'applied', workflow: { waiting: { offer: { vendorId: 'b' } } } });
  });

  it('no candidates: a supervisor finds a vendor, and must say which', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1' }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_2');
    expect(workflow.state).toBe('find_vendor');
    expect(workflow.waiting).toMatchObject({ kind: 'human_task', holder: 'maintenance_supervisor' });
    const without = apply(
      workflow,
      { kind: 'complete_task', stepId: stepIdOf(workflow), outcome: 'vendor_found' },
      supervisor,
    );
    expect(refusalOf(without)).toBe('missing_fact');
    const found = complete(workflow, 'vendor_found', supervisor, T0, { vendorId: 'v7' });
    expect(found.workflow.facts.vendorId).toBe('v7');
    expect(effectsOfKind(found.effects, 'rentvine')).toEqual([
      expect.objectContaining({ action: 'assign_vendor', dispatchApproved: true }),
    ]);
  });

  it('every candidate declining leads to the find_vendor task', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_3');
    const declined = reply(workflow, 'decline', vendor('a'));
    expect(declined).toMatchObject({ outcome: 'applied', workflow: { state: 'find_vendor' } });
  });

  it('an unknown outcome of a task is refused: invalid_outcome', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1' }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_2');
    for (const outcome of ['bogus', 'constructor', 'toString'])
      expect(
        refusalOf(
          apply(workflow, { kind: 'complete_task', stepId: stepIdOf(workflow), outcome }, supervisor),
        ),
      ).toBe('invalid_outcome');
  });

  it('Rentvine refusing the work order hands it to a supervisor', () => {
    const approved = approve(open('maintenance_routine', { propertyId: 'p1' }).workflow, lead).workflow;
    const effectId = approved.waiting?.effectId as string;
    const failed = step(
      approved,
      { kind: 'effect_failed', effectId, reason: '422' },
      { kind: 'system', name: 'rentvine' },
    );
    expect(failed.workflow.state).toBe('create_work_order_by_hand');
    expect(failed.workflow.pendingEffects.some((e) => e.effectId === effectId)).toBe(false);
  });

  it('a workflow started from a Rentvine emergency work order skips the create', () => {
    const opened = open('maintenance_emergency', {
      propertyId: 'p1',
      workOrderId: 'wo_5150',
      vendorCandidates: ['a'],
    });
    const { workflow, effects } = approve(opened.workflow, supervisor);
    expect(workflow.state).toBe('offer_vendor');
    expect(effectsOfKind(effects, 'rentvine')).toEqual([]);
    expect(effectsOfKind(effects, 'offer_vendor')).toHaveLength(1);
  });
});

describe("Rentvine's word on the work order, wherever the loop is", () => {
  it('work_order_completed while offering, once the work order exists, moves to the confirmation', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_1');
    expect(workflow.state).toBe('offer_vendor');
    const done = signal(workflow, 'work_order_completed');
    expect(done.workflow.state).toBe('awaiting_confirmation');
  });

  it('before any work order exists it is ignored', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    expect(apply(workflow, signalInput('work_order_completed'))).toMatchObject({ outcome: 'ignored' });
  });

  it('a repeated work_order_completed while awaiting the resident does not ask them again', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_1');
    const asked = signal(workflow, 'work_order_completed').workflow;
    expect(apply(asked, signalInput('work_order_completed'), undefined, later(HOUR))).toMatchObject({
      outcome: 'ignored',
    });
  });

  it('work_order_cancelled cancels the workflow', () => {
    const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
    const { workflow } = rentvineDone(approve(opened, lead).workflow, T0, 'wo_1');
    expect(signal(workflow, 'work_order_cancelled').workflow.status).toBe('cancelled');
  });
});

describe('troubleshooting first', () => {
  const opened = open('maintenance_routine', { propertyId: 'p1', troubleshootingOffered: true }).workflow;

  it('waits a day for the resident before any approval', () => {
    expect(opened.state).toBe('troubleshooting');
    expect(opened.waiting).toMatchObject({ kind: 'wait_until', dueAt: later(DAY).toISOString() });
  });

  it('fixed by the resident: completed, and nothing written to Rentvine', () => {
    const { workflow, effects } = signal(opened, 'resident_fixed');
    expect(workflow).toMatchObject({ state: 'resolved_by_resident', status: 'completed' });
    expect([...workflow.pendingEffects, ...effects].some((e) => e.kind === 'rentvine')).toBe(false);
  });

  it('silence for a day goes to the approval', () => {
    expect(tick(opened, later(DAY - 1))).toMatchObject({ outcome: 'ignored' });
    expect(tick(opened, later(DAY))).toMatchObject({
      outcome: 'applied',
      workflow: { state: 'approve_dispatch' },
    });
  });
});

describe("a vendor's invoice", () => {
  const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
  const approved = rentvineDone(approve(opened, lead).workflow, T0, 'wo_1').workflow;
  const invoice = (workflow: Workflow, amountUsd: number) =>
    step(workflow, { kind: 'invoice', invoiceId: 'inv_1', amountUsd }, { kind: 'system', name: 'rentvine' });

  it('above the approved amount starts a vendor_invoice approval with the facts', () => {
    const { effects } = invoice(approved, 450);
    expect(effectsOfKind(effects, 'start_workflow')).toEqual([
      expect.objectContaining({
        type: 'vendor_invoice',
        facts: {
          invoiceUsd: 450,
          estimateUsd: 300,
          parentWorkflowId: opened.workflowId,
          workOrderId: 'wo_1',
          propertyId: 'p1',
        },
      }),
    ]);
  });

  it('within the approved amount tells the accountant', () => {
    const { effects } = invoice(approved, 300);
    expect(effectsOfKind(effects, 'start_workflow')).toEqual([]);
    expect(effectsOfKind(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { role: 'accountant' }, template: 'invoice_within_estimate' }),
    ]);
  });

  it('a completed repair still takes its invoice (they come after the job); a cancelled one does not', () => {
    const event = open('maintenance_emergency', { propertyId: 'p1', workOrderId: 'wo_8' }).workflow;
    const confirmed = signal(signal(event, 'work_order_completed').workflow, 'resident_fixed').workflow;
    expect(confirmed.status).toBe('completed');
    expect(effectsOfKind(invoice(confirmed, 200).effects, 'start_workflow')).toHaveLength(1);
    const cancelled = signal(event, 'work_order_cancelled').workflow;
    expect(cancelled.status).toBe('cancelled');
    expect(apply(cancelled, { kind: 'invoice', invoiceId: 'inv-2', amountUsd: 200 }).outcome).toBe('refused');
  });

  it('with nothing approved at all, any invoice needs an approval', () => {
    const event = open('maintenance_emergency', { propertyId: 'p1', workOrderId: 'wo_7' }).workflow;
    const closedByHand = signal(event, 'work_order_completed').workflow;
    expect(closedByHand.facts.approvedUsd).toBeUndefined();
    const { effects } = invoice(closedByHand, 200);
    expect(effectsOfKind(effects, 'start_workflow')).toHaveLength(1);
    expect(effectsOfKind(effects, 'notify')).toEqual([]);
  });

  it('an estimate not yet approved covers no invoice', () => {
    const waiting = open('maintenance_routine', { propertyId: 'p1', estimateUsd: 800 }).workflow;
    expect(waiting.state).toBe('approve_dispatch');
    const { effects } = invoice(waiting, 700);
    expect(effectsOfKind(effects, 'start_workflow')).toEqual([
      expect.objectContaining({ facts: expect.not.objectContaining({ estimateUsd: expect.anything() }) }),
    ]);
    expect(effectsOfKind(effects, 'notify')).toEqual([]);
  });

  it('a workflow of another department takes no invoice', () => {
    const renewal = open('lease_renewal', {}).workflow;
    expect(
      refusalOf(
        apply(renewal, { kind: 'invoice', invoiceId: 'inv_2', amountUsd: 10 }, { kind: 'system', name: 'x' }),
      ),
    ).toBe('not_applicable');
  });
});

describe("Rentvine's schedule for the work", () => {
  const following = open('maintenance_emergency', { propertyId: 'p1', workOrderId: 'wo_9' }).workflow;
  const scheduled = (workflow: Workflow, scheduledFor: string) =>
    apply(workflow, { kind: 'signal', signal: 'work_order_scheduled', scheduledFor });

  it('is recorded on the repair without moving it, once per date', () => {
    const first = scheduled(following, '2026-12-02');
    if (first.outcome !== 'applied') throw new Error(first.outcome);
    expect(first.workflow.state).toBe(following.state);
    expect(first.workflow.facts.scheduledFor).toBe('2026-12-02');
    expect(first.workflow.history.at(-1)?.reason).toMatch(/scheduled for 2026-12-02/);
    expect(scheduled(first.workflow, '2026-12-02').outcome).toBe('ignored');
    expect(scheduled(first.workflow, '2026-12-03').outcome).toBe('applied');
  });

  it('means nothing to a workflow that follows no work order yet', () => {
    const waiting = open('maintenance_routine', { propertyId: 'p1' }).workflow;
    expect(scheduled(waiting, '2026-12-02').outcome).toBe('ignored');
  });
});

describe('invoices add up against the approved amount', () => {
  const opened = open('maintenance_routine', { propertyId: 'p1', vendorCandidates: ['a'] }).workflow;
  const approved = rentvineDone(
    approve(opened, person('maintenance_tech_lead')).workflow,
    T0,
    'wo_2',
  ).workflow;
  const invoiced = (workflow: Workflow, invoiceId: string, amountUsd: number) =>
    apply(workflow, { kind: 'invoice', invoiceId, amountUsd }, person('accountant', 'acct-1'));

  it('two invoices within the approved $300 each, together above it: the second starts an approval for what is left', () => {
    const first = invoiced(approved, 'inv-1', 200);
    if (first.outcome !== 'applied') throw new Error(first.outcome);
    expect(effectsOfKind(first.effects, 'start_workflow')).toEqual([]);
    const second = invoiced(first.workflow, 'inv-2', 200);
    if (second.outcome !== 'applied') throw new Error(second.outcome);
    expect(effectsOfKind(second.effects, 'start_workflow')).toEqual([
      expect.objectContaining({
        facts: expect.objectContaining({ invoiceUsd: 200, estimateUsd: 100, amountEnteredBy: 'acct-1' }),
      }),
    ]);
  });

  it('the same invoice posted twice is counted once', () => {
    const first = invoiced(approved, 'inv-1', 250);
    if (first.outcome !== 'applied') throw new Error(first.outcome);
    expect(invoiced(first.workflow, 'inv-1', 250).outcome).toBe('ignored');
  });
});
