import { skillOfRole } from '#domain/desk/department.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { finishItem, followStepEscalation, returnOverdueStepItem } from '#domain/desk/transitions.ts';
import type { Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import { autoAssignQueueItems } from './auto-assign-queue-items.ts';
import { changeQueueItem, type QueueDeps } from './change-queue-item.ts';
import { enqueueWork } from './enqueue-work.ts';
import { offerSavedItem } from './offer-queued-work.ts';

/** The notices that mean a step now waits on a person of a role. */
const WAITING_ON_A_PERSON = new Set(['approval_waiting', 'task_waiting']);

/**
 * A workflow step waiting on a person becomes a queue item (source `workflow_step`): the skill is
 * the holder role's department, the urgency the workflow's, the title names the workflow and
 * step (never a message's text). Run inside the notify effect's once-only run, and `create` is
 * idempotent besides. The item has no deadline of its own: it follows its step's escalations
 * (`followStepItem`, or `returnOverdueStepItem` at the top of its chain) and is closed when the
 * workflow leaves the step (`closeLeftStepItem`).
 */
export async function queueWorkflowStep(
  deps: QueueDeps,
  workflow: Workflow,
  effect: Extract<WorkflowEffect, { kind: 'notify' }>,
): Promise<void> {
  if (effect.template === 'step_overdue') {
    await returnOverdueStepToQueue(deps, workflow, effect.stepId);
    return;
  }
  if (!WAITING_ON_A_PERSON.has(effect.template) || typeof effect.to === 'string') return;
  // A step already left (decided before its notice ran, or a retried run after its item was
  // closed) needs nobody: queuing it would replace its finished item's history.
  if (workflow.status !== 'open' || workflow.waiting?.stepId !== effect.stepId) return;
  const holder = effect.to.role;
  await enqueueWork(deps, {
    orgId: workflow.orgId,
    source: { kind: 'workflow_step', workflowId: workflow.workflowId, stepId: effect.stepId },
    title: `${workflow.type.replaceAll('_', ' ')}: ${effect.template === 'approval_waiting' ? 'approval' : 'task'} for ${holder.replaceAll('_', ' ')}`,
    urgency: workflow.urgency,
    skill: skillOfRole(holder),
    holderRole: holder,
  });
}

const stepItemId = (workflowId: string, stepId: string) =>
  queueItemId({ kind: 'workflow_step', workflowId, stepId });

/**
 * The step escalated (its `escalated` effect): its item moves to the new holder, back in the
 * queue, and is offered at once to an agent who may hold it. The workflow has told the roles, so
 * the queue sends no escalation notice of its own (only the offer's `queue_assigned`). Returns
 * the item as it ends, or undefined when the step has none (a step the owner held).
 */
export async function followStepItem(
  deps: QueueDeps,
  workflow: Workflow,
  effect: Extract<WorkflowEffect, { kind: 'escalated' }>,
): Promise<QueueItem | undefined> {
  const now = deps.clock.now();
  const result = await changeQueueItem(
    deps,
    { orgId: workflow.orgId, itemId: stepItemId(workflow.workflowId, effect.stepId) },
    (item) => followStepEscalation(item, effect, now),
  );
  if (result.outcome === 'not_found' || result.outcome === 'refused') return undefined;
  // Offered even when unchanged: a retried run whose first offer was lost offers it again.
  if (result.item.status !== 'queued') return result.item;
  const [offered] = await autoAssignQueueItems(deps, workflow.orgId, {
    fresh: [result.item],
    onlyFresh: true,
  });
  return offered ?? result.item;
}

/**
 * The step is overdue at the top of its chain: the workflow only reminds its holder (no
 * `escalated` effect), so the item its absent agent holds is taken back, returned to the queue and
 * offered at once (best-effort). A queued item is offered again; a retried run changes nothing more.
 */
async function returnOverdueStepToQueue(deps: QueueDeps, workflow: Workflow, stepId: string): Promise<void> {
  const now = deps.clock.now();
  const result = await changeQueueItem(
    deps,
    { orgId: workflow.orgId, itemId: stepItemId(workflow.workflowId, stepId) },
    (item) => returnOverdueStepItem(item, now),
  );
  if (result.outcome === 'not_found' || result.outcome === 'refused') return;
  if (result.item.status === 'queued') await offerSavedItem(deps, result.item);
}

/**
 * After a transition: when the workflow left the person's step it waited on (decided, done,
 * gone ahead by policy, cancelled, closed), that step's item is done at once rather than when the
 * next reader of the queue notices (`closeFinishedSteps`, the safety net). A second close changes
 * nothing.
 */
export async function closeLeftStepItem(
  deps: Pick<QueueDeps, 'queue' | 'clock'>,
  before: Workflow,
  after: Workflow,
): Promise<void> {
  const left = before.waiting;
  if (left?.kind !== 'approval' && left?.kind !== 'human_task') return;
  if (after.status === 'open' && after.waiting?.stepId === left.stepId) return;
  await changeQueueItem(
    deps,
    { orgId: after.orgId, itemId: stepItemId(after.workflowId, left.stepId) },
    (item) => finishItem(item, 'system', deps.clock.now(), `step ${left.stepId} no longer waits`),
  );
}
