import type { Clock } from '#domain/clock.ts';
import type { WorkflowStore } from '#domain/workflows/ports.ts';
import {
  type WorkflowRecord,
  type WorkflowStart,
  workflowFor,
  workflowSourceKey,
} from '#domain/workflows/workflow.ts';
import { stableId } from '#platform/security/ids.ts';

export interface StartWorkflowDeps {
  readonly workflows: WorkflowStore;
  readonly clock: Clock;
}

/** Creates the workflow in `triage` (once per source) and links it back to its source. */
export async function startWorkflow(
  deps: StartWorkflowDeps,
  start: WorkflowStart,
): Promise<{ outcome: 'created' | 'exists' | 'none'; workflow?: WorkflowRecord }> {
  const workflowId = stableId('wf', start.orgId, workflowSourceKey(start));
  const workflow = workflowFor(start, workflowId, deps.clock.now());
  if (!workflow) return { outcome: 'none' };
  const outcome = await deps.workflows.create(workflow);
  const stored =
    outcome === 'created' ? workflow : ((await deps.workflows.get(start.orgId, workflowId)) ?? workflow);
  // Linking is idempotent; doing it on `exists` too heals a crash between create and link.
  await deps.workflows.linkSource(stored);
  return { outcome, workflow: stored };
}
