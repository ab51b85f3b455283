import type { AgentDirectory } from '#domain/agents/ports.ts';
import { DEFAULT_TIME_ZONE } from '#domain/agents/shift.ts';
import type { Page } from '#domain/on-call/page.ts';
import { type PagingLadder, pageRound } from '#domain/on-call/paging.ts';
import type { PageNotices, PageStore } from '#domain/on-call/ports.ts';
import { standDown, standDownReason } from '#domain/on-call/stand-down.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import type { WorkflowStore } from '#domain/workflow/ports.ts';
import type { Department } from '#vocabulary/desk.ts';

/** What paging needs: the pages, the topic, the org's rotations and clock, its people, and the workflows paged for. */
export interface PagingDeps {
  readonly pages: PageStore;
  readonly notices: PageNotices;
  readonly orgSettings: OrgSettingsStore;
  readonly agents: AgentDirectory;
  readonly workflows: Pick<WorkflowStore, 'get'>;
}

/** The ladder a department's page climbs now: its rotation on the org's clock, then the org's property managers. */
export async function pagingLadder(
  deps: Pick<PagingDeps, 'orgSettings' | 'agents'>,
  orgId: string,
  department: Department,
): Promise<PagingLadder> {
  const [settings, agents] = await Promise.all([deps.orgSettings.get(orgId), deps.agents.list(orgId)]);
  const rotation = settings.onCall?.[department];
  return {
    ...(rotation ? { rotation } : {}),
    timeZone: settings.timeZone ?? DEFAULT_TIME_ZONE,
    // Whatever their status: an offline manager is still paged, as an offline on-call person is.
    propertyManagers: agents
      .filter((agent) => agent.role === 'property_manager')
      .map((agent) => agent.agentId),
  };
}

export interface Delivery {
  readonly outcome: 'paged' | 'not_due' | 'stood_down' | 'conflict';
  readonly page: Page;
  readonly sent: number;
  readonly escalated: boolean;
  readonly unacknowledged: boolean;
}

/**
 * The page's due round: each person paged on the topic first, then the page saved on the version
 * read. A publish that fails throws before the save, so the page stays due and the next sweep
 * pages again (someone paged twice, never nobody); a save that loses to an acknowledgment leaves
 * the acknowledgment standing. A round due for a workflow that ended, or that a person has acted
 * on since, pages nobody: the page stands down.
 */
export async function deliverDuePage(deps: PagingDeps, page: Page, now: Date): Promise<Delivery> {
  const ladder = await pagingLadder(deps, page.orgId, page.department);
  const round = pageRound(page, ladder, now);
  const quiet = { sent: 0, escalated: false, unacknowledged: false };
  if (round.page === page) return { outcome: 'not_due', page, ...quiet };
  const reason = await reasonToStandDown(deps, page);
  if (reason !== undefined) {
    const stood = standDown(page, reason, now);
    const saved = await deps.pages.save(stood, page.version);
    return saved === 'saved'
      ? { outcome: 'stood_down', page: stood, ...quiet }
      : { outcome: 'conflict', page, ...quiet };
  }
  for (const [index, send] of round.sends.entries()) {
    await deps.notices.publish({
      orgId: page.orgId,
      pageId: page.pageId,
      subject: page.subject,
      department: page.department,
      urgency: page.urgency,
      agentId: send.agentId,
      level: send.level,
      attempt: page.attemptCount + index + 1,
    });
  }
  const saved = await deps.pages.save(round.page, page.version);
  return {
    outcome: saved === 'saved' ? 'paged' : 'conflict',
    page: saved === 'saved' ? round.page : page,
    sent: round.sends.length,
    escalated: round.escalated,
    unacknowledged: round.unacknowledged,
  };
}

/** A workflow's page is read against its workflow; a page about anything else pages until acknowledged. */
async function reasonToStandDown(deps: PagingDeps, page: Page): Promise<string | undefined> {
  const [kind, id] = page.subject.split(':');
  if (kind !== 'workflow' || !id) return undefined;
  return standDownReason(page, await deps.workflows.get(page.orgId, id));
}
