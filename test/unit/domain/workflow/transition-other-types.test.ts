import { describe, expect, it } from 'vitest';
import { WORKFLOW_DEFINITIONS } from '#domain/workflow/definitions.ts';
import type { Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import {
  apply,
  approve,
  complete,
  DAY,
  effectsOfKind,
  later,
  open,
  person,
  refusalOf,
  reject,
  step,
  stepIdOf,
  T0,
  tick,
} from '#test/support/workflows.ts';

const sync = { kind: 'system', name: 'sync' } as const;
const daysAgo = (days: number) => later(-days * DAY).toISOString();

describe('vendor_invoice', () => {
  it('within the approved estimate it is approved with no approval step', () => {
    const { workflow, effects } = open('vendor_invoice', { invoiceUsd: 280, estimateUsd: 300 });
    expect(workflow).toMatchObject({ status: 'completed', state: 'approved' });
    expect(workflow.visits.approve_invoice).toBeUndefined();
    expect(effectsOfKind(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { role: 'accountant' }, template: 'invoice_approved' }),
    ]);
  });

  it('above it, the accounting chain approves by the invoice amount', () => {
    const small = open('vendor_invoice', { invoiceUsd: 450, estimateUsd: 300 }).workflow;
    expect(small.waiting).toMatchObject({ kind: 'approval', holder: 'accounting_manager', amountUsd: 450 });
    const large = open('vendor_invoice', { invoiceUsd: 30_000, estimateUsd: 300 }).workflow;
    expect(large.waiting?.holder).toBe('vice_president_of_operations');
    expect(approve(small, person('accounting_manager')).workflow.status).toBe('completed');
  });

  it('without an estimate it needs the approval', () => {
    expect(open('vendor_invoice', { invoiceUsd: 50 }).workflow.waiting).toMatchObject({
      holder: 'accountant',
    });
  });

  it('a rejected invoice is disputed by the accountant', () => {
    const { workflow } = open('vendor_invoice', { invoiceUsd: 450, estimateUsd: 300 });
    const disputed = reject(workflow, person('accounting_manager')).workflow;
    expect(disputed.waiting).toMatchObject({ kind: 'human_task', holder: 'accountant' });
    expect(complete(disputed, 'withdrawn', person('accountant')).workflow.status).toBe('cancelled');
  });
});

describe('delinquency, by days late', () => {
  it('3 days late: a reminder, then it waits until the 10th day', () => {
    const { workflow, effects } = open('delinquency', { lateSince: daysAgo(3), pastDueUsd: 1_200 });
    expect(effectsOfKind(effects, 'notify')).toEqual([
      expect.objectContaining({ to: 'resident', template: 'rent_reminder' }),
    ]);
    expect(workflow.state).toBe('wait_for_payment');
    expect(workflow.waiting?.dueAt).toBe(later(7 * DAY).toISOString());
    expect(tick(workflow, later(7 * DAY - 1))).toMatchObject({ outcome: 'ignored' });
    const plan = tick(workflow, later(7 * DAY));
    expect(plan).toMatchObject({ outcome: 'applied', workflow: { state: 'wait_for_plan' } });
  });

  it('12 days late: a payment plan is offered', () => {
    const { workflow, effects } = open('delinquency', { lateSince: daysAgo(12), pastDueUsd: 1_200 });
    expect(workflow.state).toBe('wait_for_plan');
    expect(effectsOfKind(effects, 'notify').map((e) => e.template)).toEqual(['payment_plan_offer']);
    expect(workflow.waiting?.dueAt).toBe(later(3 * DAY).toISOString());
  });

  it('16 days late: serving the notice waits on a property manager', () => {
    const { workflow, effects } = open('delinquency', { lateSince: daysAgo(16), pastDueUsd: 1_200 });
    expect(workflow.state).toBe('approve_notice');
    expect(workflow.waiting).toMatchObject({ kind: 'approval', holder: 'property_manager' });
    expect(effectsOfKind(effects, 'notify').some((e) => e.to === 'resident')).toBe(false);
    expect(
      refusalOf(
        apply(
          workflow,
          { kind: 'decide', stepId: stepIdOf(workflow), decision: 'approve' },
          person('assistant_manager'),
        ),
      ),
    ).toBe('not_your_step');
    const served = approve(workflow, person('property_manager'));
    expect(effectsOfKind(served.effects, 'notify').map((e) => e.template)).toContain('notice_to_pay');
    expect(served.workflow.state).toBe('after_notice');
  });

  it('a zero balance means paid, from whatever step', () => {
    const paid = (workflow: Workflow) =>
      step(workflow, { kind: 'balance', pastDueUsd: 0, daysLate: 0 }, sync, later(DAY)).workflow;
    const waiting = open('delinquency', { lateSince: daysAgo(3), pastDueUsd: 900 }).workflow;
    const approving = open('delinquency', { lateSince: daysAgo(16), pastDueUsd: 900 }).workflow;
    const served = approve(approving, person('property_manager')).workflow;
    const referring = tick(served, later(5 * DAY));
    if (referring.outcome !== 'applied') throw new Error(referring.outcome);
    expect(referring.workflow.state).toBe('refer');
    for (const workflow of [waiting, approving, served, referring.workflow])
      expect(paid(workflow)).toMatchObject({ status: 'completed', state: 'paid' });
  });

  it('an unchanged balance is ignored; a changed one is recorded', () => {
    const { workflow } = open('delinquency', { lateSince: daysAgo(3), pastDueUsd: 900 });
    expect(apply(workflow, { kind: 'balance', pastDueUsd: 900, daysLate: 4 }, sync)).toMatchObject({
      outcome: 'ignored',
    });
    const changed = step(workflow, { kind: 'balance', pastDueUsd: 1_000, daysLate: 4 }, sync).workflow;
    expect(changed.facts).toMatchObject({ pastDueUsd: 1_000, lateSince: daysAgo(3) });
  });

  it('a workflow of another type takes no balance', () => {
    const { workflow } = open('triage', {});
    expect(refusalOf(apply(workflow, { kind: 'balance', pastDueUsd: 0, daysLate: 0 }, sync))).toBe(
      'not_applicable',
    );
  });
});

describe('lease_renewal', () => {
  const opened = open('lease_renewal', { leaseId: 'l1' }).workflow;

  it('a leasing agent prepares the offer; a leasing manager approves it, whatever the concession', () => {
    expect(opened.waiting).toMatchObject({ kind: 'human_task', holder: 'leasing_agent' });
    const prepared = complete(opened, 'prepared', person('leasing_agent')).workflow;
    expect(prepared.waiting).toMatchObject({ kind: 'approval', holder: 'leasing_manager', amountUsd: 0 });
    const withConcession = complete(opened, 'prepared', person('leasing_agent'), T0, {
      concessionUsd: 2_000,
    });
    expect(withConcession.workflow.waiting).toMatchObject({
      holder: 'director_of_leasing',
      amountUsd: 2_000,
    });
  });

  it('approved: the offer is sent and the answer awaited; accepted, it is recorded', () => {
    const prepared = complete(opened, 'prepared', person('leasing_agent')).workflow;
    const sent = approve(prepared, person('leasing_manager'));
    expect(effectsOfKind(sent.effects, 'notify').map((e) => e.template)).toContain('renewal_offer');
    expect(sent.workflow.waiting).toMatchObject({ kind: 'wait_until', dueAt: later(30 * DAY).toISOString() });
    const accepted = step(sent.workflow, { kind: 'signal', signal: 'renewal_accepted' }, sync).workflow;
    expect(accepted.waiting).toMatchObject({ holder: 'leasing_coordinator' });
    expect(complete(accepted, 'recorded', person('leasing_coordinator')).workflow).toMatchObject({
      status: 'completed',
      state: 'renewed',
    });
  });

  it('not offering a renewal needs a property manager', () => {
    const notOffering = complete(opened, 'not_offering', person('leasing_agent')).workflow;
    expect(notOffering.waiting).toMatchObject({ kind: 'approval', holder: 'property_manager' });
  });
});

describe('move_out', () => {
  it('inspection, then a disposition approved by the deductions, sent to the former resident', () => {
    let workflow = open('move_out', { deadlineAt: later(20 * DAY).toISOString() }).workflow;
    workflow = complete(workflow, 'scheduled', person('assistant_manager')).workflow;
    expect(workflow.waiting).toMatchObject({ holder: 'maintenance_tech' });
    workflow = complete(workflow, 'inspected', person('maintenance_tech'), T0, {
      deductionsUsd: 6_000,
    }).workflow;
    expect(workflow.waiting).toMatchObject({
      kind: 'approval',
      holder: 'property_manager',
      amountUsd: 6_000,
    });
    const sent = approve(workflow, person('property_manager'));
    expect(effectsOfKind(sent.effects, 'notify').map((e) => e.template)).toContain('deposit_disposition');
    expect(sent.workflow.status).toBe('completed');
  });
});

describe('accommodation_request: every decision and every word by a person', () => {
  const everyEffect: WorkflowEffect[] = [];
  const record = <R extends { effects: readonly WorkflowEffect[] }>(r: R) => {
    everyEffect.push(...r.effects);
    return r;
  };

  it('has no message step in its definition', () => {
    const messages = Object.values(WORKFLOW_DEFINITIONS.accommodation_request.states).filter(
      (s) => s.kind === 'message',
    );
    expect(messages).toEqual([]);
  });

  it('review, decision by a property manager, then a person writes to the resident', () => {
    let workflow = record(open('accommodation_request', {})).workflow;
    workflow = record(complete(workflow, 'ready', person('assistant_manager'))).workflow;
    expect(workflow.waiting).toMatchObject({ kind: 'approval', holder: 'property_manager' });
    workflow = record(approve(workflow, person('property_manager'))).workflow;
    expect(workflow.waiting).toMatchObject({ kind: 'human_task', holder: 'assistant_manager' });
    workflow = record(complete(workflow, 'sent', person('assistant_manager'))).workflow;
    expect(workflow).toMatchObject({ status: 'completed', state: 'granted' });
    expect(everyEffect.filter((e) => e.kind === 'notify' && e.to === 'resident')).toEqual([]);
  });

  it('a rejection goes to the interactive process before any denial', () => {
    let workflow = open('accommodation_request', {}).workflow;
    workflow = complete(workflow, 'ready', person('assistant_manager')).workflow;
    workflow = reject(workflow, person('property_manager', 'pm2')).workflow;
    expect(workflow.state).toBe('interactive_process');
    workflow = complete(workflow, 'denied', person('property_manager')).workflow;
    workflow = complete(workflow, 'sent', person('property_manager')).workflow;
    expect(workflow).toMatchObject({ status: 'rejected', state: 'denied' });
  });
});

describe('application_review', () => {
  it('screened by a leasing agent, decided by a leasing manager or above', () => {
    let workflow = open('application_review', {}).workflow;
    workflow = complete(workflow, 'screened', person('leasing_agent')).workflow;
    expect(workflow.waiting).toMatchObject({ kind: 'approval', holder: 'leasing_manager' });
    expect(
      refusalOf(
        apply(
          workflow,
          { kind: 'decide', stepId: stepIdOf(workflow), decision: 'approve' },
          person('leasing_agent'),
        ),
      ),
    ).toBe('not_your_step');
    const denied = reject(workflow, person('director_of_leasing')).workflow;
    expect(denied.waiting).toMatchObject({ kind: 'human_task', holder: 'leasing_manager' });
  });
});

describe('triage: a person reads it', () => {
  it('the routed role holds the review', () => {
    const { workflow, effects } = open('triage', { routeTo: 'accountant' });
    expect(workflow.waiting).toMatchObject({ kind: 'human_task', holder: 'accountant' });
    expect(effectsOfKind(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { role: 'accountant' }, template: 'task_waiting' }),
    ]);
  });

  it('without a route, the first role of its department', () => {
    expect(open('triage', {}).workflow.waiting?.holder).toBe('assistant_manager');
  });

  it('the holder or a role above it in its chain completes it; a lower or unrelated role may not', () => {
    const { workflow } = open('triage', { routeTo: 'accountant' });
    const task = (role: Parameters<typeof person>[0]) =>
      apply(
        workflow,
        { kind: 'complete_task', stepId: stepIdOf(workflow), outcome: 'handled' },
        person(role),
      );
    expect(task('accountant')).toMatchObject({ outcome: 'applied', workflow: { status: 'completed' } });
    expect(task('director_of_accounting')).toMatchObject({ outcome: 'applied' });
    expect(refusalOf(task('leasing_agent'))).toBe('not_your_step');
    expect(refusalOf(task('maintenance_supervisor'))).toBe('not_your_step');
  });
});
