import type { Workflow } from '#domain/workflow/workflow.ts';
import type { Page } from './page.ts';

/**
 * Why a workflow's page need page nobody more, if it need not: the workflow is gone or ended, or
 * a person acted on it (decided, did a task, answered) after the page went out — someone is on
 * it. The policy deciding in a person's place (an emergency that waited 30 minutes) is nobody
 * taking it up: the page goes on until a person acknowledges.
 */
export function standDownReason(page: Page, workflow: Workflow | undefined): string | undefined {
  if (!workflow) return 'its workflow is gone';
  if (workflow.status !== 'open') return `its workflow is ${workflow.status}`;
  const taken = workflow.history.find((entry) => entry.actor.kind === 'person' && entry.at >= page.createdAt);
  return taken?.actor.kind === 'person' ? `${taken.actor.personId} acted on its workflow` : undefined;
}

/** The page, stopped without an acknowledgment: off the due index, nobody paged again. */
export function standDown(page: Page, reason: string, now: Date): Page {
  if (page.status !== 'paging') return page;
  const { nextAt: _stopped, ...rest } = page;
  return {
    ...rest,
    status: 'stood_down',
    stoodDownAt: now.toISOString(),
    stoodDownReason: reason,
    version: page.version + 1,
  };
}
