import { skillOfRole } from '#domain/desk/department.ts';
import type { Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import type { QueueDeps } from './change-queue-item.ts';
import { enqueueWork } from './enqueue-work.ts';

/** The notices that mean a step now waits on a person of a role. */
const WAITING_ON_A_PERSON = new Set(['approval_waiting', 'task_waiting']);

/**
 * A workflow step waiting on a person becomes a queue item (source `workflow_step`): the skill is
 * the holder role's department, the urgency the workflow's, the title names the workflow and
 * step (never a message's text). Run inside the notify effect's once-only run, and `create` is
 * idempotent besides. The item is done once the step no longer waits (close-finished-steps.ts).
 */
export async function queueWorkflowStep(
  deps: QueueDeps,
  workflow: Workflow,
  effect: Extract<WorkflowEffect, { kind: 'notify' }>,
): Promise<void> {
  if (!WAITING_ON_A_PERSON.has(effect.template) || typeof effect.to === 'string') return;
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
