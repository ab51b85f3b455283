import { type Page, pageSubject } from '#domain/on-call/page.ts';
import { newPage } from '#domain/on-call/paging.ts';
import { definitionOf } from '#domain/workflow/transition.ts';
import type { Workflow, WorkflowEffect } from '#domain/workflow/workflow.ts';
import { stableId } from '#platform/security/ids.ts';
import type { Urgency } from '#vocabulary/classification.ts';
import type { Department } from '#vocabulary/desk.ts';
import { deliverDuePage, type PagingDeps, pagingLadder } from './deliver-page.ts';

export interface PageOpening {
  readonly orgId: string;
  readonly department: Department;
  readonly subject: string;
  readonly reason: string;
  readonly urgency: Urgency;
}

export type OpenedPage = {
  readonly outcome: 'opened' | 'exists';
  readonly page: Page;
  readonly sent: number;
};

/**
 * Pages the department's on-call person now (quiet hours never delay an emergency). One page per
 * subject: opening it again, by a retry or a second step of the same emergency, pages nobody new
 * unless a round is due (its first never went out: the topic failed), which it then sends.
 */
export async function openPage(deps: PagingDeps, opening: PageOpening, now: Date): Promise<OpenedPage> {
  const pageId = stableId('pg', opening.orgId, opening.subject);
  const ladder = await pagingLadder(deps, opening.orgId, opening.department);
  const page = newPage({ ...opening, pageId }, ladder, now);
  if ((await deps.pages.create(page)) === 'created') {
    const delivery = await deliverDuePage(deps, page, now);
    return { outcome: 'opened', page: delivery.page, sent: delivery.sent };
  }
  const existing = await deps.pages.get(opening.orgId, pageId, now);
  if (!existing) throw new Error(`page ${pageId} exists but cannot be read`);
  // Not due (its round went out): nothing. Due (its first round failed, or a sweep is late): the round.
  const delivery = await deliverDuePage(deps, existing, now);
  return { outcome: 'exists', page: delivery.page, sent: delivery.sent };
}

/**
 * The emergency hook of the workflow runner: an emergency workflow whose step now waits on people
 * (an approval or a task for a role) pages the on-call person of the department that owns the
 * matter. Anything else pages nobody.
 */
export async function pageWaitingEmergency(
  deps: PagingDeps,
  workflow: Workflow,
  effect: WorkflowEffect,
  now: Date,
): Promise<OpenedPage | undefined> {
  if (workflow.urgency !== 'emergency' || effect.kind !== 'notify') return undefined;
  if (effect.template !== 'approval_waiting' && effect.template !== 'task_waiting') return undefined;
  if (typeof effect.to === 'string') return undefined;
  return openPage(
    deps,
    {
      orgId: workflow.orgId,
      // The matter's department (a maintenance emergency pages maintenance's on-call), whoever approves it.
      department: definitionOf(workflow).department,
      subject: pageSubject('workflow', workflow.workflowId),
      reason: `${effect.template} (${effect.to.role}), step ${effect.stepId}`,
      urgency: workflow.urgency,
    },
    now,
  );
}
