import { describe, expect, it } from 'vitest';
import {
  apply,
  approve,
  effectsOfKind,
  HOUR,
  later,
  open,
  owner,
  person,
  refusalOf,
  reject,
  step,
  stepIdOf,
  system,
  tick,
  vendor,
} from '#test/support/workflows.ts';

const decide = (decision: 'approve' | 'reject', stepId: string) =>
  ({ kind: 'decide', stepId, decision }) as const;

describe('who holds an approval', () => {
  it('a routine repair with the default $300 estimate waits on the maintenance tech lead', () => {
    const { workflow, effects } = open('maintenance_routine', { propertyId: 'p1' });
    expect(workflow.state).toBe('approve_dispatch');
    expect(workflow.waiting).toMatchObject({
      kind: 'approval',
      holder: 'maintenance_tech_lead',
      amountUsd: 300,
      stage: 'company',
      owner: 'none',
    });
    expect(effectsOfKind(effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: { role: 'maintenance_tech_lead' }, template: 'approval_waiting' }),
    );
  });

  it('the holder may approve, and the workflow moves on with the approved amount', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    const next = approve(workflow, person('maintenance_tech_lead')).workflow;
    expect(next.state).toBe('create_work_order');
    expect(next.facts.approvedUsd).toBe(300);
    expect(next.history.at(-1)?.reason).toMatch(/approved by p-maintenance_tech_lead/);
  });

  it('a lower role is refused: not_your_step', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    expect(
      refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), person('maintenance_tech'))),
    ).toBe('not_your_step');
  });

  it('a higher role of the chain may decide', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    expect(approve(workflow, person('maintenance_supervisor')).workflow.state).toBe('create_work_order');
    expect(approve(workflow, person('president')).workflow.state).toBe('create_work_order');
  });

  it('a role of another department is refused, whatever its limit', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    for (const role of ['director_of_accounting', 'director_of_leasing', 'assistant_manager'] as const)
      expect(refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), person(role)))).toBe(
        'not_your_step',
      );
  });

  it('a person without a role, a system, a vendor or an owner cannot decide a company step', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    const roleless = { kind: 'person', personId: 'x', keyId: 'k' } as const;
    for (const actor of [roleless, { kind: 'system', name: 'triage' } as const, vendor('v1'), owner])
      expect(refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), actor))).toBe('not_your_step');
  });

  it('a decision on another step id is refused: not_waiting', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    expect(refusalOf(apply(workflow, decide('approve', 'approve_dispatch.9'), person('president')))).toBe(
      'not_waiting',
    );
  });
});

describe('the owner told, not asked', () => {
  it('an emergency within the cap: the owner is told once it goes ahead, and no owner stage follows', () => {
    const { workflow, effects } = open('maintenance_emergency', { propertyId: 'p1', estimateUsd: 1_200 });
    expect(workflow.waiting).toMatchObject({ owner: 'notify', holder: 'maintenance_supervisor' });
    // Not before anyone approved: a rejected dispatch must not have told the owner it is going ahead.
    expect(effectsOfKind(effects, 'notify')).not.toContainEqual(expect.objectContaining({ to: 'owner' }));
    const approved = approve(workflow, person('maintenance_supervisor'));
    expect(approved.workflow.state).toBe('create_work_order');
    expect(effectsOfKind(approved.effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: 'owner', template: 'work_going_ahead' }),
    );
    expect(effectsOfKind(approved.effects, 'ask_owner')).toEqual([]);
  });

  it('a rejected emergency dispatch never tells the owner that work is going ahead', () => {
    const { workflow } = open('maintenance_emergency', { propertyId: 'p1', estimateUsd: 1_200 });
    const rejected = reject(workflow, person('maintenance_supervisor'));
    expect(rejected.workflow.pendingEffects).not.toContainEqual(expect.objectContaining({ to: 'owner' }));
  });

  it('a habitability repair above the threshold: the owner is told and no owner stage follows', () => {
    const { workflow } = open('maintenance_routine', {
      propertyId: 'p1',
      estimateUsd: 900,
      habitability: true,
    });
    expect(workflow.waiting?.owner).toBe('notify');
    expect(approve(workflow, person('maintenance_supervisor')).workflow.state).toBe('create_work_order');
  });

  it("Rentvine's per-property threshold decides whether the owner is asked", () => {
    const { workflow } = open('maintenance_routine', {
      propertyId: 'p1',
      estimateUsd: 900,
      ownerThresholdUsd: 1_000,
    });
    expect(workflow.waiting?.owner).toBe('none');
    expect(approve(workflow, person('maintenance_supervisor')).workflow.state).toBe('create_work_order');
  });

  it('a large property raises the approver of a repair', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1', propertyUnits: 50 });
    expect(workflow.waiting?.holder).toBe('maintenance_supervisor');
    expect(
      refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), person('maintenance_tech_lead'))),
    ).toBe('not_your_step');
  });
});

describe('separation of duties', () => {
  it('the person who asked for it never approves their own request', () => {
    const requester = person('maintenance_tech_lead', 'alice');
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' }, { requestedBy: requester });
    expect(refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), requester))).toBe('own_request');
    // Even with a different key or a higher role, the same person is the requester.
    expect(
      refusalOf(
        apply(workflow, decide('approve', stepIdOf(workflow)), {
          ...person('president', 'alice'),
          keyId: 'another-key',
        }),
      ),
    ).toBe('own_request');
    // Another person with the role may.
    expect(approve(workflow, person('maintenance_tech_lead', 'bob')).workflow.state).toBe(
      'create_work_order',
    );
  });

  describe('with the owner required (a $1,200 repair above the owner’s $500)', () => {
    const facts = { propertyId: 'p1', estimateUsd: 1_200 };
    const opened = open('maintenance_routine', facts).workflow;
    const supervisor = person('maintenance_supervisor', 'sam');
    const afterCompany = approve(opened, supervisor);

    it('the company approval moves the step to the owner stage and asks the owner', () => {
      expect(opened.waiting).toMatchObject({ holder: 'maintenance_supervisor', owner: 'required' });
      const { workflow, effects } = afterCompany;
      expect(workflow.state).toBe('approve_dispatch');
      expect(workflow.waiting).toMatchObject({
        stepId: opened.waiting?.stepId,
        stage: 'owner',
        holder: 'owner',
        decidedBy: ['sam'],
      });
      expect(effectsOfKind(effects, 'ask_owner')).toEqual([
        expect.objectContaining({ amountUsd: 1_200, expiresAt: later(48 * HOUR).toISOString() }),
      ]);
      expect(workflow.facts.approvedUsd).toBeUndefined();
    });

    it('no person can decide the owner stage, the approver least of all', () => {
      const { workflow } = afterCompany;
      for (const actor of [supervisor, person('president', 'pat')])
        expect(refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), actor))).toBe(
          'not_your_step',
        );
    });

    it('the owner may approve, and the work goes ahead', () => {
      const { workflow } = approve(afterCompany.workflow, owner);
      expect(workflow.state).toBe('create_work_order');
      expect(workflow.facts.approvedUsd).toBe(1_200);
      expect(workflow.history.at(-1)).toMatchObject({ actor: owner, to: 'create_work_order' });
    });

    it("the owner's rejection follows the reject path", () => {
      const { workflow, effects } = reject(afterCompany.workflow, owner);
      expect(workflow.status).toBe('rejected');
      expect(effectsOfKind(effects, 'notify')).toContainEqual(
        expect.objectContaining({ to: 'resident', template: 'repair_declined' }),
      );
    });

    it('past the owner’s deadline a property manager holds it, and the approver still cannot decide twice', () => {
      const pmFirst = approve(
        open('maintenance_routine', { ...facts, estimateUsd: 5_000 }).workflow,
        person('property_manager', 'pm1'),
      );
      const timedOut = tick(pmFirst.workflow, later(48 * HOUR));
      if (timedOut.outcome !== 'applied') throw new Error(timedOut.outcome);
      expect(timedOut.workflow.waiting).toMatchObject({ holder: 'property_manager', stage: 'owner' });
      const again = apply(
        timedOut.workflow,
        decide('approve', stepIdOf(timedOut.workflow)),
        person('property_manager', 'pm1'),
      );
      expect(refusalOf(again)).toBe('already_decided');
      const other = approve(timedOut.workflow, person('property_manager', 'pm2'), later(49 * HOUR)).workflow;
      expect(other.state).toBe('create_work_order');
      expect(other.facts.approvedUsd).toBe(5_000);
    });
  });
});

describe('rejection follows each definition’s reject path', () => {
  it('a routine repair: the resident is told, and the workflow is rejected', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    const { workflow: next, effects } = reject(workflow, person('maintenance_tech_lead'));
    expect(next.status).toBe('rejected');
    expect(next.state).toBe('rejected');
    expect(next.waiting).toBeUndefined();
    expect(effectsOfKind(effects, 'notify').map((e) => e.template)).toContain('repair_declined');
  });

  it('an emergency: a supervisor handles it by phone', () => {
    const { workflow } = open('maintenance_emergency', { propertyId: 'p1' });
    const { workflow: next } = reject(workflow, person('maintenance_supervisor'));
    expect(next.status).toBe('open');
    expect(next.state).toBe('handle_by_phone');
    expect(next.waiting).toMatchObject({ kind: 'human_task', holder: 'maintenance_supervisor' });
  });
});

describe('redelivery and closed workflows', () => {
  it('a redelivered input id is a duplicate and changes nothing', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    const input = decide('approve', stepIdOf(workflow));
    const first = apply(workflow, input, person('maintenance_tech_lead'), undefined, 'req-1');
    if (first.outcome !== 'applied') throw new Error(first.outcome);
    expect(apply(first.workflow, input, person('maintenance_tech_lead'), undefined, 'req-1')).toEqual({
      outcome: 'duplicate',
    });
    // Even a different input under the same id.
    expect(apply(first.workflow, { kind: 'tick' }, person('president'), later(999 * HOUR), 'req-1')).toEqual({
      outcome: 'duplicate',
    });
  });

  it('a closed workflow refuses decisions and ignores ticks and signals', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    const closed = reject(workflow, person('maintenance_tech_lead')).workflow;
    expect(refusalOf(apply(closed, decide('approve', 'approve_dispatch.1'), person('president')))).toBe(
      'closed',
    );
    expect(apply(closed, { kind: 'tick' }, undefined, later(1_000 * HOUR))).toMatchObject({
      outcome: 'ignored',
    });
    expect(apply(closed, { kind: 'signal', signal: 'resident_fixed' })).toMatchObject({ outcome: 'ignored' });
    expect(
      refusalOf(
        apply(closed, { kind: 'complete_task', stepId: 'x.1', outcome: 'handled' }, person('president')),
      ),
    ).toBe('closed');
  });
});

describe('the other approvals', () => {
  it('a vendor invoice above its estimate goes to the accounting chain by the invoice amount', () => {
    const { workflow } = open('vendor_invoice', { invoiceUsd: 12_000, estimateUsd: 9_000 });
    expect(workflow.waiting).toMatchObject({ holder: 'director_of_accounting', amountUsd: 12_000 });
    expect(
      refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), person('accounting_manager'))),
    ).toBe('not_your_step');
  });

  it('a move-out disposition waits on management by the deductions', () => {
    const { workflow } = open('move_out', {});
    const inspected = approveTasks(workflow);
    expect(inspected.waiting).toMatchObject({ kind: 'approval', holder: 'assistant_manager', amountUsd: 0 });
  });
});

function approveTasks(workflow: ReturnType<typeof open>['workflow']) {
  let current = workflow;
  const scheduled = apply(
    current,
    { kind: 'complete_task', stepId: stepIdOf(current), outcome: 'scheduled' },
    person('assistant_manager'),
  );
  if (scheduled.outcome !== 'applied') throw new Error(scheduled.outcome);
  current = scheduled.workflow;
  const inspected = apply(
    current,
    { kind: 'complete_task', stepId: stepIdOf(current), outcome: 'inspected' },
    person('maintenance_tech'),
  );
  if (inspected.outcome !== 'applied') throw new Error(inspected.outcome);
  return inspected.workflow;
}

describe('escalation widens who may decide, never narrows it', () => {
  it('the role first given the step still decides it after it moved up', () => {
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' });
    expect(workflow.waiting?.holder).toBe('maintenance_tech_lead');
    const escalated = step(workflow, { kind: 'tick' }, system, later(48 * HOUR)).workflow;
    expect(escalated.waiting?.holder).toBe('maintenance_supervisor');
    expect(approve(escalated, person('maintenance_tech_lead')).workflow.state).toBe('create_work_order');
    // Below the first holder is still below.
    expect(
      refusalOf(apply(escalated, decide('approve', stepIdOf(escalated)), person('maintenance_tech'))),
    ).toBe('not_your_step');
  });
});

describe('the person who entered an amount never approves it', () => {
  it('a move-out inspection’s deductions are approved by someone else', () => {
    let { workflow } = open('move_out', { propertyId: 'p1' });
    workflow = step(
      workflow,
      { kind: 'complete_task', stepId: stepIdOf(workflow), outcome: 'scheduled' },
      person('assistant_manager', 'ann'),
    ).workflow;
    workflow = step(
      workflow,
      {
        kind: 'complete_task',
        stepId: stepIdOf(workflow),
        outcome: 'inspected',
        facts: { deductionsUsd: 800 },
      },
      person('property_manager', 'pat'),
    ).workflow;
    expect(workflow.facts.amountEnteredBy).toBe('pat');
    expect(
      refusalOf(apply(workflow, decide('approve', stepIdOf(workflow)), person('property_manager', 'pat'))),
    ).toBe('own_request');
    expect(approve(workflow, person('property_manager', 'paula')).workflow.state).toBe('disposed');
  });
});

describe("the owner's stand-in", () => {
  it('past the owner deadline only the stand-in (a manager) decides, never another person of the first role', () => {
    const asked = approve(
      open('maintenance_routine', { propertyId: 'p1', estimateUsd: 1_500 }).workflow,
      person('maintenance_supervisor', 'sup-a'),
    ).workflow;
    const standIn = step(asked, { kind: 'tick' }, system, later(48 * HOUR)).workflow;
    expect(standIn.waiting).toMatchObject({ stage: 'owner', holder: 'property_manager' });
    expect(
      refusalOf(
        apply(standIn, decide('approve', stepIdOf(standIn)), person('maintenance_supervisor', 'sup-b')),
      ),
    ).toBe('not_your_step');
    expect(approve(standIn, person('property_manager', 'pm-1')).workflow.state).toBe('create_work_order');
  });
});

describe('signals and invoices from people', () => {
  it('need a key carrying its person’s role', () => {
    const { workflow } = open('delinquency', {
      leaseId: 'l1',
      lateSince: later(-3 * 24 * HOUR).toISOString(),
    });
    const nobody = { kind: 'person' as const, personId: 'anon', keyId: 'k-anon' };
    expect(refusalOf(apply(workflow, { kind: 'signal', signal: 'balance_paid' }, nobody))).toBe(
      'not_your_step',
    );
    expect(apply(workflow, { kind: 'signal', signal: 'balance_paid' }, person('accountant')).outcome).toBe(
      'applied',
    );
  });
});
