import type { Clock } from '#domain/clock.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { WorkflowSettingsSource, WorkflowStore } from '#domain/workflow/ports.ts';
import { type TransitionResult, transition } from '#domain/workflow/transition.ts';
import type { Actor, Workflow, WorkflowEffect, WorkflowInput } from '#domain/workflow/workflow.ts';
import { count, logger } from '#platform/observability.ts';
import type { QueueDeps } from './change-queue-item.ts';
import { closeLeftStepItem } from './queue-workflow-step.ts';

export interface AdvanceWorkflowDeps {
  readonly workflows: WorkflowStore;
  readonly settings: WorkflowSettingsSource;
  readonly queue: WorkQueue;
  readonly clock: Clock;
  /** The desk's queue: a step's item is closed as soon as the workflow leaves the step. */
  readonly desk?: Pick<QueueDeps, 'queue'>;
}

export interface WorkflowCommand {
  readonly orgId: string;
  readonly workflowId: string;
  /** The request, message or event the input came from: the same id twice is applied once. */
  readonly inputId: string;
  readonly input: WorkflowInput;
  readonly actor: Actor;
  /**
   * Whether new effects are handed to the workflow queue (default). The effects runner says no:
   * it does them in its own next round, and a second run message would only race it.
   */
  readonly handOn?: boolean;
}

export type AdvanceOutcome =
  | { readonly outcome: 'not_found' }
  | (Exclude<TransitionResult, { outcome: 'applied' }> & { readonly workflow: Workflow })
  | {
      readonly outcome: 'applied';
      readonly workflow: Workflow;
      /** The workflow as it was read, before the input. */
      readonly before: Workflow;
      readonly effects: readonly WorkflowEffect[];
    };

/** Another writer kept winning the race for the workflow: the caller retries later (a queue redelivers). */
export class WorkflowBusyError extends Error {
  constructor(orgId: string, workflowId: string) {
    super(`workflow ${workflowId} of org ${orgId} kept changing under us; try again`);
    this.name = 'WorkflowBusyError';
  }
}

/** Rounds of read-transition-write before giving up to a retry: each lost round means another writer advanced it. */
const ATTEMPTS = 5;

/**
 * Applies one input to a workflow: read, transition (pure), write on the version read. A write
 * that loses the race reads again and re-applies, so two consumers racing make one transition
 * (the loser finds its input applied, or applies it on top of the winner's). A transition that
 * adds effects hands the workflow to the workflow queue; the outbox re-sends if that send is lost.
 */
export async function advanceWorkflow(
  deps: AdvanceWorkflowDeps,
  command: WorkflowCommand,
): Promise<AdvanceOutcome> {
  const { policy } = await deps.settings.forOrg(command.orgId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const workflow = await deps.workflows.get(command.orgId, command.workflowId);
    if (!workflow) return { outcome: 'not_found' };
    const result = transition(
      workflow,
      { inputId: command.inputId, input: command.input },
      command.actor,
      deps.clock.now(),
      { policy },
    );
    if (result.outcome !== 'applied') return { ...result, workflow };
    if ((await deps.workflows.save(result.workflow, workflow.version)) === 'conflict') continue;
    // The transition stands whatever becomes of its item: the next reader of the queue (listing,
    // load count, offer) closes a missed one (closeFinishedSteps); the miss is logged and counted.
    if (deps.desk)
      await closeLeftStepItem({ queue: deps.desk.queue, clock: deps.clock }, workflow, result.workflow).catch(
        (error: unknown) => {
          count('StepItemCloseFailed');
          logger.error(
            "a left step's queue item could not be closed; the next reader of the queue closes it",
            {
              orgId: command.orgId,
              workflowId: command.workflowId,
              error,
            },
          );
        },
      );
    if (result.effects.length > 0 && command.handOn !== false) await handOnEffects(deps, result.workflow);
    return { outcome: 'applied', workflow: result.workflow, before: workflow, effects: result.effects };
  }
  throw new WorkflowBusyError(command.orgId, command.workflowId);
}

/** Sends the workflow queue its run message when effects wait; a lost send is the outbox's to repair. */
export async function handOnEffects(
  deps: Pick<AdvanceWorkflowDeps, 'queue'>,
  workflow: Workflow,
): Promise<void> {
  if (workflow.pendingEffects.length === 0) return;
  await deps.queue
    .enqueueWorkflow({ source: 'workflow', orgId: workflow.orgId, workflowId: workflow.workflowId })
    .catch(() => undefined);
}
