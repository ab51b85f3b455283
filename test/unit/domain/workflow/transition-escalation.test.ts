import { describe, expect, it } from 'vitest';
import { policyFor } from '#domain/workflow/approval-policy.ts';
import { approvalDepartmentOf } from '#domain/workflow/transition.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import {
  apply,
  approve,
  DAY,
  effectsOfKind,
  HOUR,
  later,
  MINUTE,
  open,
  person,
  refusalOf,
  stepIdOf,
  sweeper,
  T0,
  tick,
} from '#test/support/workflows.ts';

const SLA_MEDIUM = 48 * HOUR;

function ticked(workflow: Workflow, at: Date) {
  const result = tick(workflow, at);
  if (result.outcome !== 'applied') throw new Error(`tick at ${at.toISOString()}: ${JSON.stringify(result)}`);
  return result;
}

describe('a routine approval escalates on its SLA (medium: 48 hours)', () => {
  const opened = open('maintenance_routine', { propertyId: 'p1' }).workflow;

  it('is due at its SLA', () => {
    expect(opened.waiting).toMatchObject({
      dueAt: later(SLA_MEDIUM).toISOString(),
      slaDueAt: later(SLA_MEDIUM).toISOString(),
    });
  });

  it('a tick before it is due is ignored', () => {
    expect(tick(opened, later(SLA_MEDIUM - 1))).toMatchObject({ outcome: 'ignored' });
  });

  it('at its due time the next role holds it, with an escalated effect, a history line, a new due time and a breach', () => {
    const at = later(SLA_MEDIUM);
    const { workflow, effects } = ticked(opened, at);
    expect(workflow.waiting).toMatchObject({
      stepId: opened.waiting?.stepId,
      holder: 'maintenance_supervisor',
      escalations: 1,
      breached: true,
      dueAt: later(SLA_MEDIUM, at).toISOString(),
    });
    expect(effectsOfKind(effects, 'escalated')).toEqual([
      expect.objectContaining({
        from: 'maintenance_tech_lead',
        to: 'maintenance_supervisor',
        breached: true,
      }),
    ]);
    expect(effectsOfKind(effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: { role: 'maintenance_supervisor' }, template: 'step_escalated' }),
    );
    expect(workflow.history.at(-1)?.reason).toMatch(
      /escalated from maintenance_tech_lead to maintenance_supervisor/,
    );
    expect(workflow.times.slaBreaches).toBe(1);
    expect(workflow.version).toBe(opened.version + 1);
  });

  it('keeps climbing to the president, counting the breach once, then stays there and is reminded', () => {
    let workflow = opened;
    let at = T0;
    const holders: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      at = later(SLA_MEDIUM, at);
      const result = ticked(workflow, at);
      workflow = result.workflow;
      holders.push(String(workflow.waiting?.holder));
      if (i === 5) {
        // Nowhere higher to go: no escalation, the president is reminded.
        expect(effectsOfKind(result.effects, 'escalated')).toEqual([]);
        expect(effectsOfKind(result.effects, 'notify')).toEqual([
          expect.objectContaining({ to: { role: 'president' }, template: 'step_overdue' }),
        ]);
        expect(workflow.history.at(-1)?.reason).toMatch(/top of the chain, reminded again/);
      }
    }
    expect(holders).toEqual([
      'maintenance_supervisor',
      'property_manager',
      'vice_president_of_operations',
      'president',
      'president',
      'president',
    ]);
    expect(workflow.times.slaBreaches).toBe(1);
    expect(workflow.waiting?.escalations).toBe(6);
  });

  it('after an escalation the new holder may decide', () => {
    const { workflow } = ticked(opened, later(SLA_MEDIUM));
    expect(approve(workflow, person('maintenance_supervisor'), later(SLA_MEDIUM + HOUR)).workflow.state).toBe(
      'create_work_order',
    );
  });
});

describe('an emergency approval: up the chain every 10 minutes, never more than 30 minutes in total', () => {
  const opened = open('maintenance_emergency', { propertyId: 'p1', vendorCandidates: ['v1'] }).workflow;

  it('waits on the supervisor for the default $1,500, due in 10 minutes, its SLA in 30', () => {
    expect(opened.waiting).toMatchObject({
      holder: 'maintenance_supervisor',
      amountUsd: 1_500,
      dueAt: later(10 * MINUTE).toISOString(),
      slaDueAt: later(30 * MINUTE).toISOString(),
    });
  });

  it('moves up at 10 and 20 minutes, and goes ahead at 30 within the cap, as the policy', () => {
    expect(tick(opened, later(10 * MINUTE - 1))).toMatchObject({ outcome: 'ignored' });
    const at10 = ticked(opened, later(10 * MINUTE)).workflow;
    expect(at10.waiting).toMatchObject({
      holder: 'property_manager',
      dueAt: later(20 * MINUTE).toISOString(),
    });
    expect(at10.waiting?.breached).toBe(false);
    const at20 = ticked(at10, later(20 * MINUTE)).workflow;
    expect(at20.waiting).toMatchObject({
      holder: 'vice_president_of_operations',
      dueAt: later(30 * MINUTE).toISOString(),
    });
    const { workflow, effects } = ticked(at20, later(30 * MINUTE));
    expect(workflow.state).toBe('create_work_order');
    expect(workflow.facts.approvedUsd).toBe(1_500);
    const line = workflow.history.find((h) => h.from === 'approve_dispatch' && h.to === 'create_work_order');
    expect(line?.actor).toEqual({ kind: 'policy', rule: 'emergency_sla' });
    expect(effectsOfKind(effects, 'notify').map((e) => e.template)).toContain('emergency_went_ahead');
    expect(effectsOfKind(effects, 'rentvine')).toEqual([
      expect.objectContaining({ action: 'create_work_order', dispatchApproved: false }),
    ]);
  });

  it('goes ahead at 30 minutes even when the sweeper missed the 10 and 20 minute ticks', () => {
    const { workflow } = ticked(opened, later(30 * MINUTE));
    expect(workflow.state).toBe('create_work_order');
    expect(workflow.facts.approvedUsd).toBe(1_500);
  });

  it('no due time of the step is ever past 30 minutes from its start', () => {
    let workflow = opened;
    for (const minutes of [10, 20]) {
      workflow = ticked(workflow, later(minutes * MINUTE)).workflow;
      expect(workflow.waiting?.dueAt && workflow.waiting.dueAt <= later(30 * MINUTE).toISOString()).toBe(
        true,
      );
    }
  });

  it('an escalation never sets a due time past the SLA, even when the SLA is not a multiple of the step', () => {
    const policy = policyFor({ slaMinutes: { emergency: 25 } });
    let workflow = open('maintenance_emergency', { propertyId: 'p1' }, { policy }).workflow;
    const dues: string[] = [];
    for (const minutes of [10, 20, 25]) {
      const result = apply(
        workflow,
        { kind: 'tick' },
        sweeper,
        later(minutes * MINUTE),
        `t${minutes}`,
        policy,
      );
      if (result.outcome !== 'applied') throw new Error(result.outcome);
      workflow = result.workflow;
      dues.push(workflow.waiting?.dueAt ?? workflow.state);
    }
    expect(dues).toEqual([
      later(20 * MINUTE).toISOString(),
      later(25 * MINUTE).toISOString(),
      'create_work_order',
    ]);
  });

  it('with an estimate above the $1,500 cap it still goes ahead at 30 minutes, approved to the cap, the owner told', () => {
    let workflow = open('maintenance_emergency', { propertyId: 'p1', estimateUsd: 4_000 }).workflow;
    expect(workflow.waiting).toMatchObject({ holder: 'property_manager', owner: 'required' });
    for (const minutes of [10, 20]) workflow = ticked(workflow, later(minutes * MINUTE)).workflow;
    expect(workflow.state).toBe('approve_dispatch');
    const { workflow: ahead, effects } = ticked(workflow, later(30 * MINUTE));
    expect(ahead.state).toBe('create_work_order');
    expect(ahead.facts.approvedUsd).toBe(1_500);
    expect(effectsOfKind(effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: 'owner', template: 'work_going_ahead' }),
    );
    expect(ahead.history.at(-1)?.reason).toMatch(/\$1500 of the \$4000 estimate approved/);
  });

  it("an emergency's owner answers within what is left of the 30 minutes; then it goes ahead within the cap", () => {
    const asked = approve(
      open('maintenance_emergency', { propertyId: 'p1', estimateUsd: 1_800 }).workflow,
      person('maintenance_supervisor'),
      later(20 * MINUTE),
    ).workflow;
    expect(asked.waiting).toMatchObject({ holder: 'owner', dueAt: later(30 * MINUTE).toISOString() });
    const { workflow } = ticked(asked, later(30 * MINUTE));
    expect(workflow.state).toBe('create_work_order');
    expect(workflow.facts.approvedUsd).toBe(1_500);
  });
});

describe("the owner stage's deadline", () => {
  it('a routine owner stage timing out is held by the property manager', () => {
    const asked = approve(
      open('maintenance_routine', { propertyId: 'p1', estimateUsd: 1_200 }).workflow,
      person('maintenance_supervisor'),
    ).workflow;
    expect(tick(asked, later(48 * HOUR - 1))).toMatchObject({ outcome: 'ignored' });
    const { workflow, effects } = ticked(asked, later(48 * HOUR));
    expect(workflow.waiting).toMatchObject({ holder: 'property_manager' });
    expect(effectsOfKind(effects, 'escalated')).toEqual([
      expect.objectContaining({ from: 'owner', to: 'property_manager' }),
    ]);
    expect(approve(workflow, person('property_manager'), later(49 * HOUR)).workflow.state).toBe(
      'create_work_order',
    );
  });

  it('never hands a decision to a role whose limit does not cover it: a $30,000 owner stage goes to the vice president', () => {
    const asked = approve(
      open('maintenance_routine', { propertyId: 'p1', estimateUsd: 30_000 }).workflow,
      person('vice_president_of_operations', 'vp1'),
    ).workflow;
    const { workflow } = ticked(asked, later(48 * HOUR));
    expect(workflow.waiting?.holder).toBe('vice_president_of_operations');
    const pm = apply(
      workflow,
      { kind: 'decide', stepId: stepIdOf(workflow), decision: 'approve' },
      person('property_manager'),
      later(49 * HOUR),
    );
    expect(refusalOf(pm)).toBe('not_your_step');
    expect(
      approve(workflow, person('vice_president_of_operations', 'vp2'), later(49 * HOUR)).workflow.state,
    ).toBe('create_work_order');
  });
});

describe('a legal deadline caps a step’s SLA', () => {
  it('a move-out step due after the deposit deadline is due at the deadline instead', () => {
    const deadlineAt = later(20 * HOUR).toISOString();
    const { workflow } = open('move_out', { deadlineAt });
    expect(workflow.waiting).toMatchObject({ kind: 'human_task', dueAt: deadlineAt, slaDueAt: deadlineAt });
    expect(tick(workflow, later(20 * HOUR - 1))).toMatchObject({ outcome: 'ignored' });
    const escalated = ticked(workflow, later(20 * HOUR)).workflow;
    expect(escalated.waiting).toMatchObject({ holder: 'property_manager', breached: true });
  });

  it('a deadline after the SLA changes nothing', () => {
    const { workflow } = open('move_out', { deadlineAt: later(10 * DAY).toISOString() });
    expect(workflow.waiting?.dueAt).toBe(later(SLA_MEDIUM).toISOString());
  });

  it('a deadline already past does not make every step due at once', () => {
    const { workflow } = open('move_out', { deadlineAt: later(-DAY).toISOString() });
    expect(workflow.waiting?.dueAt).toBe(later(SLA_MEDIUM).toISOString());
  });
});

describe('human tasks escalate too', () => {
  it('a task routed to a role outside the four chains climbs the management chain', () => {
    const { workflow } = open('triage', { routeTo: 'resident_services_rep' });
    expect(workflow.waiting).toMatchObject({ holder: 'resident_services_rep' });
    const next = ticked(workflow, later(SLA_MEDIUM)).workflow;
    expect(next.waiting?.holder).toBe('assistant_manager');
  });
});

describe("an org's own SLAs", () => {
  it('an approval escalates at the org’s medium SLA', () => {
    const policy = policyFor({ slaMinutes: { medium: 60 } });
    const { workflow } = open('maintenance_routine', { propertyId: 'p1' }, { policy });
    expect(workflow.waiting?.dueAt).toBe(later(HOUR).toISOString());
    const result = apply(workflow, { kind: 'tick' }, sweeper, later(HOUR), 'tick-1', policy);
    expect(result).toMatchObject({
      outcome: 'applied',
      workflow: { waiting: { holder: 'maintenance_supervisor' } },
    });
  });
});

describe('the department a task escalates in', () => {
  it('its own department for the four chains, management for every other role', () => {
    expect(approvalDepartmentOf('maintenance_tech')).toBe('maintenance');
    expect(approvalDepartmentOf('leasing_coordinator')).toBe('leasing');
    expect(approvalDepartmentOf('internal_controller')).toBe('accounting');
    expect(approvalDepartmentOf('resident_services_rep')).toBe('management');
    expect(approvalDepartmentOf('president')).toBe('management');
  });
});
