import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNALS, WAITING_KINDS } from '#domain/workflow/definition.ts';
import { definitionOf } from '#domain/workflow/transition.ts';
import {
  type Actor,
  APPLIED_INPUTS_KEPT,
  type Workflow,
  type WorkflowInput,
} from '#domain/workflow/workflow.ts';
import { apply, later, MINUTE, open, owner, person, T0, tick, vendor } from '#test/support/workflows.ts';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { WORKFLOW_TYPES } from '#vocabulary/workflows.ts';

/** One random move, read against the workflow as it stands: numbers pick among what is possible there. */
const Move = fc.record({
  kind: fc.nat(9),
  a: fc.nat(1_000),
  b: fc.nat(1_000),
  minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
});
type Move = typeof Move extends fc.Arbitrary<infer T> ? T : never;

const Start = fc.record({
  type: fc.constantFrom(...WORKFLOW_TYPES),
  urgency: fc.constantFrom('low', 'medium', 'high', 'emergency' as const),
  estimateUsd: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  invoiceUsd: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  vendors: fc.subarray(['a', 'b', 'c']),
  workOrder: fc.boolean(),
  troubleshooting: fc.boolean(),
  daysLate: fc.nat(20),
  units: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  deadlineHours: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
});

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

function inputFor(workflow: Workflow, move: Move): { input: WorkflowInput; actor: Actor } {
  const waiting = workflow.waiting;
  const stepId = move.b % 7 === 0 ? 'stale.1' : (waiting?.stepId ?? 'none.1');
  const anyone: Actor = pick<Actor>(
    [person(pick(ROLE_NAMES, move.a), `p${move.b % 3}`), owner, vendor(pick(['a', 'b', 'c'], move.a))],
    move.b,
  );
  const state = definitionOf(workflow).states[workflow.state];
  // Mostly someone entitled (the holder, or a role above it), sometimes anyone at all.
  const holder = waiting?.holder;
  const entitled: Actor =
    holder === 'owner'
      ? owner
      : person(
          holder && move.a % 3 !== 0 ? holder : pick(waiting?.chain ?? ROLE_NAMES, move.a),
          `p${move.b % 3}`,
        );
  const decider = move.b % 4 === 0 ? anyone : entitled;
  switch (move.kind) {
    case 0:
      return {
        input: { kind: 'decide', stepId, decision: move.a % 3 === 0 ? 'reject' : 'approve' },
        actor: decider,
      };
    case 1: {
      const outcomes = state?.kind === 'human_task' ? Object.keys(state.outcomes) : ['nothing'];
      return {
        input: {
          kind: 'complete_task',
          stepId,
          outcome: pick([...outcomes, 'bogus'], move.a),
          ...(move.b % 2 === 0 ? { facts: { vendorId: 'v9' } } : {}),
        },
        actor: decider,
      };
    }
    case 2:
      return {
        input: { kind: 'signal', signal: pick(SIGNALS, move.a) },
        actor: { kind: 'system', name: 'x' },
      };
    case 3:
    case 4:
      return { input: { kind: 'tick' }, actor: { kind: 'system', name: 'sweeper' } };
    case 5: {
      const ids = workflow.pendingEffects.map((e) => e.effectId);
      return {
        input: {
          kind: 'effects_done',
          effectIds: ids.length > 0 ? [pick(ids, move.a)] : ['unknown'],
          ...(move.b % 2 === 0 ? { workOrderId: 'wo_1' } : {}),
        },
        actor: { kind: 'system', name: 'runner' },
      };
    }
    case 6: {
      const ids = workflow.pendingEffects.map((e) => e.effectId);
      return {
        input: {
          kind: 'effect_failed',
          effectId: ids.length > 0 ? pick(ids, move.a) : 'unknown',
          reason: 'x',
        },
        actor: { kind: 'system', name: 'runner' },
      };
    }
    case 7:
      return {
        input: {
          kind: 'vendor_reply',
          offerId: waiting?.offer?.offerId ?? 'none',
          decision: move.a % 2 === 0 ? 'accept' : 'decline',
        },
        actor: move.b % 4 === 0 ? anyone : vendor(waiting?.offer?.vendorId ?? 'a'),
      };
    case 8:
      return {
        input: { kind: 'invoice', invoiceId: `inv_${move.a}`, amountUsd: move.b * 10 },
        actor: anyone,
      };
    default:
      return {
        input: { kind: 'balance', pastDueUsd: move.a % 4 === 0 ? 0 : move.b, daysLate: move.a % 30 },
        actor: { kind: 'system', name: 'sync' },
      };
  }
}

function checkShape(workflow: Workflow): void {
  const kind = definitionOf(workflow).states[workflow.state]?.kind;
  expect(kind).toBeDefined();
  const waits = workflow.status === 'open' && WAITING_KINDS.has(kind as never);
  expect(workflow.waiting !== undefined).toBe(waits);
  if (workflow.waiting) expect(workflow.waiting.state).toBe(workflow.state);
  expect(workflow.status === 'open').toBe(kind !== 'final');
  expect(workflow.appliedInputs.length).toBeLessThanOrEqual(APPLIED_INPUTS_KEPT);
}

describe('invariants over random workflows and inputs (fast-check, 200 runs × up to 30 inputs)', () => {
  const reached = new Set<string>();
  const outcomes = new Map<string, number>();

  it('version +1 per applied input, history only grows, closed stays closed, unique effect ids, waiting iff it waits', () => {
    fc.assert(
      fc.property(Start, fc.array(Move, { minLength: 10, maxLength: 30 }), (start, moves) => {
        const opened = open(
          start.type,
          {
            propertyId: 'p1',
            ...(start.estimateUsd !== undefined ? { estimateUsd: start.estimateUsd } : {}),
            ...(start.invoiceUsd !== undefined ? { invoiceUsd: start.invoiceUsd } : {}),
            ...(start.vendors.length > 0 ? { vendorCandidates: start.vendors } : {}),
            ...(start.workOrder ? { workOrderId: 'wo_0' } : {}),
            ...(start.troubleshooting ? { troubleshootingOffered: true } : {}),
            ...(start.units !== undefined ? { propertyUnits: start.units } : {}),
            ...(start.deadlineHours !== undefined
              ? { deadlineAt: later(start.deadlineHours * 60 * MINUTE).toISOString() }
              : {}),
            lateSince: later(-start.daysLate * 24 * 60 * MINUTE).toISOString(),
            pastDueUsd: 500,
          },
          { urgency: start.type === 'maintenance_emergency' ? 'emergency' : start.urgency },
        );
        let workflow = opened.workflow;
        expect(workflow.version).toBe(1);
        checkShape(workflow);
        const effectIds = new Set(opened.effects.map((e) => e.effectId));
        expect(effectIds.size).toBe(opened.effects.length);
        let now = T0;
        for (const [i, move] of moves.entries()) {
          now = later(move.minutes * MINUTE, now);
          const { input, actor } = inputFor(workflow, move);
          const before = JSON.stringify(workflow);
          const result = apply(workflow, input, actor, now, `in_${i}`);
          const key = result.outcome === 'refused' ? `refused:${result.refusal}` : result.outcome;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          expect(JSON.stringify(workflow)).toBe(before); // pure: the input workflow is never changed
          if (result.outcome !== 'applied') continue;
          const next = result.workflow;
          expect(next.version).toBe(workflow.version + 1);
          expect(next.history.length).toBeGreaterThanOrEqual(workflow.history.length);
          expect(next.history.slice(0, workflow.history.length)).toEqual(workflow.history);
          if (workflow.status !== 'open') {
            expect(next.status).toBe(workflow.status);
            expect(next.state).toBe(workflow.state);
          }
          for (const effect of result.effects) {
            expect(effectIds.has(effect.effectId)).toBe(false);
            effectIds.add(effect.effectId);
          }
          expect(next.appliedInputs.at(-1)).toBe(`in_${i}`);
          checkShape(next);
          reached.add(`${next.type}.${next.state}`);
          expect(apply(next, input, actor, now, `in_${i}`)).toEqual({ outcome: 'duplicate' });
          workflow = next;
        }
      }),
      { numRuns: 200, seed: 20261128 },
    );
    // The runs are worth something only if they went deep: most states, and many inputs applied.
    expect(reached.size).toBeGreaterThanOrEqual(40);
    expect(reached).toContain('maintenance_routine.completed');
    expect(reached).toContain('delinquency.paid');
    expect(outcomes.get('applied')).toBeGreaterThan(1_000);
  });

  it(`keeps the newest ${APPLIED_INPUTS_KEPT} applied input ids`, () => {
    let workflow = open('triage', { routeTo: 'accountant' }).workflow;
    let now = T0;
    for (let i = 0; i < APPLIED_INPUTS_KEPT + 50; i += 1) {
      now = workflow.waiting?.dueAt ? new Date(workflow.waiting.dueAt) : later(MINUTE, now);
      const result = tick(workflow, now);
      if (result.outcome !== 'applied') throw new Error(`tick ${i}: ${result.outcome}`);
      workflow = result.workflow;
    }
    expect(workflow.appliedInputs).toHaveLength(APPLIED_INPUTS_KEPT);
    expect(workflow.version).toBe(APPLIED_INPUTS_KEPT + 51);
  });
});
