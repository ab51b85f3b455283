import type { Conversation } from '#domain/conversations/conversation.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { finishItem } from '#domain/desk/transitions.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import type { QueueDeps } from './change-queue-item.ts';

/** Why an item's matter no longer needs a person, if it does not: its step was left, its conversation resolved. */
function finishedBecause(item: QueueItem, matter: Workflow | Conversation | undefined): string | undefined {
  const { source } = item;
  if (source.kind === 'workflow_step') {
    const workflow = matter as Workflow | undefined;
    const waits = workflow?.status === 'open' && workflow.waiting?.stepId === source.stepId;
    return waits ? undefined : `step ${source.stepId} no longer waits`;
  }
  const conversation = matter as Conversation | undefined;
  return conversation?.status === 'resolved' ? 'the conversation is resolved' : undefined;
}

/**
 * Finishes the open items whose matter ended — a workflow step decided or left (the decision, a
 * timeout, a cancel), a conversation resolved (also one whose own finishing of the item was lost)
 * — and returns the items still open. Every reader of the open queue goes through it — the
 * listing, the load count, the sweep — so an item outlives its matter only until someone looks:
 * the safety net behind the transition that leaves a step closing its item at once
 * (`closeLeftStepItem`), for a close that was lost or a path that does not close.
 * One read per workflow or conversation among the items.
 */
export async function closeFinishedSteps(
  deps: Pick<QueueDeps, 'queue' | 'workflows' | 'conversations' | 'clock'>,
  items: readonly QueueItem[],
): Promise<QueueItem[]> {
  const matters = new Map<string, Promise<Workflow | Conversation | undefined>>();
  const open: QueueItem[] = [];
  for (const item of items) {
    const { source } = item;
    const key =
      source.kind === 'workflow_step'
        ? `${item.orgId}|wf|${source.workflowId}`
        : `${item.orgId}|cv|${source.conversationId}`;
    if (!matters.has(key))
      matters.set(
        key,
        source.kind === 'workflow_step'
          ? deps.workflows.get(item.orgId, source.workflowId)
          : deps.conversations.get(item.orgId, source.conversationId),
      );
    const reason = finishedBecause(item, await matters.get(key));
    if (reason === undefined) {
      open.push(item);
      continue;
    }
    const done = finishItem(item, 'system', deps.clock.now(), reason);
    // A conflict means another writer has it now: it is read again next time.
    if (done.outcome === 'changed') await deps.queue.save(done.item, item.version);
  }
  return open;
}
