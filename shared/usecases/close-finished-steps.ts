import type { QueueItem } from '#domain/desk/queue-item.ts';
import { finishItem } from '#domain/desk/transitions.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import type { QueueDeps } from './change-queue-item.ts';

/** Whether a workflow step's item still stands for a step that waits: the workflow open, that step its waiting one. */
function stepWaits(item: QueueItem, workflow: Workflow | undefined): boolean {
  const { source } = item;
  if (source.kind !== 'workflow_step') return true;
  return workflow?.status === 'open' && workflow.waiting?.stepId === source.stepId;
}

/**
 * Finishes the open items whose workflow step was decided or left (the decision, a timeout, a
 * cancel), and returns the items still open. Every reader of the open queue goes through it — the
 * listing, the load count, the sweep — so an item outlives its step only until someone looks.
 * One workflow read per workflow among the items.
 */
export async function closeFinishedSteps(
  deps: Pick<QueueDeps, 'queue' | 'workflows' | 'clock'>,
  items: readonly QueueItem[],
): Promise<QueueItem[]> {
  const workflows = new Map<string, Promise<Workflow | undefined>>();
  const open: QueueItem[] = [];
  for (const item of items) {
    const { source } = item;
    if (source.kind !== 'workflow_step') {
      open.push(item);
      continue;
    }
    const key = `${item.orgId}|${source.workflowId}`;
    if (!workflows.has(key)) workflows.set(key, deps.workflows.get(item.orgId, source.workflowId));
    if (stepWaits(item, await workflows.get(key))) {
      open.push(item);
      continue;
    }
    const done = finishItem(item, 'system', deps.clock.now(), `step ${source.stepId} no longer waits`);
    // A conflict means another writer has it now: it is read again next time.
    if (done.outcome === 'changed') await deps.queue.save(done.item, item.version);
  }
  return open;
}
