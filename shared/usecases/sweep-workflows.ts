import type { Clock } from '#domain/clock.ts';
import { type AdvanceWorkflowDeps, advanceWorkflow } from './advance-workflow.ts';

export interface WorkflowSweep {
  /** Workflows found due. */
  readonly due: number;
  /** Of those, the ones a tick moved (escalated, timed out, offered to the next vendor…). */
  readonly advanced: number;
  readonly escalations: number;
  /** Steps that passed their SLA in this sweep (each counted once, when it first does). */
  readonly breaches: number;
  /** Index items read to find them: about the number due, never every open workflow. */
  readonly itemsRead: number;
}

/** One sweep reads at most this many due workflows; the next minute's sweep takes the rest. */
const MAX_PER_SWEEP = 1000;
const PAGE = 100;

/**
 * Looks at every workflow whose waiting step is due at `at` (an overdue approval escalates, a wait
 * times out, an unanswered offer goes to the next vendor), as if it were `at`: `aictive sweep --at`
 * moves time in tests and demos. The tick's id is the due time, so two sweeps racing, or a
 * sweep retried, advance a step once.
 */
export async function sweepWorkflows(deps: AdvanceWorkflowDeps, at: Date): Promise<WorkflowSweep> {
  const asOf = { ...deps, clock: { now: () => at } satisfies Clock };
  let due = 0;
  let advanced = 0;
  let escalations = 0;
  let breaches = 0;
  let itemsRead = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.workflows.due(at, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    itemsRead += page.itemsRead;
    for (const ref of page.due) {
      due += 1;
      const result = await advanceWorkflow(asOf, {
        orgId: ref.orgId,
        workflowId: ref.workflowId,
        inputId: `tick:${ref.dueAt}`,
        input: { kind: 'tick' },
        actor: { kind: 'system', name: 'sweeper' },
      });
      if (result.outcome !== 'applied') continue;
      advanced += 1;
      escalations += result.effects.filter((e) => e.kind === 'escalated').length;
      breaches += result.workflow.times.slaBreaches - result.before.times.slaBreaches;
    }
    cursor = page.cursor;
  } while (cursor && due < MAX_PER_SWEEP);
  return { due, advanced, escalations, breaches, itemsRead };
}
