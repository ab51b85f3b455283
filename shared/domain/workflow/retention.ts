import { RETENTION } from '#vocabulary/desk.ts';
import type { Workflow } from './workflow.ts';

const KEPT_MS = RETENTION.historyDays * 86_400_000;

/**
 * When a closed workflow (and its history, on its item) expires: 90 days after it closed. An open
 * one never does.
 */
export function workflowExpiresAt(workflow: Workflow): Date | undefined {
  if (workflow.status === 'open') return undefined;
  const closedAt = workflow.times.completedAt ?? workflow.updatedAt;
  return new Date(Date.parse(closedAt) + KEPT_MS);
}

/** Whether a workflow is still kept at `now` (the table deletes lazily; reads check). */
export function workflowKept(workflow: Workflow, now: Date): boolean {
  const expiresAt = workflowExpiresAt(workflow);
  return expiresAt === undefined || expiresAt.getTime() > now.getTime();
}
