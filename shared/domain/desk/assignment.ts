import type { Agent } from '#domain/agents/agent.ts';
import { onShift } from '#domain/agents/shift.ts';
import type { ApprovalPolicy } from '#domain/workflow/approval-policy.ts';
import { departmentOf, holdsOrAbove } from './department.ts';
import type { QueueItem } from './queue-item.ts';

/** What an agent holds now: open items assigned to them (not done), and when they were last given one. */
export interface Workload {
  readonly load: number;
  readonly lastAssignedAt?: string;
}

/** Each agent's workload, from the org's open items (an agent holding nothing is absent: load 0). */
export function workloads(openItems: readonly QueueItem[]): Map<string, Workload> {
  const found = new Map<string, Workload>();
  for (const item of openItems) {
    if (item.status === 'done' || item.assignee === undefined) continue;
    const before = found.get(item.assignee) ?? { load: 0 };
    const last =
      item.assignedAt !== undefined &&
      (before.lastAssignedAt === undefined || item.assignedAt > before.lastAssignedAt)
        ? item.assignedAt
        : before.lastAssignedAt;
    found.set(item.assignee, {
      load: before.load + 1,
      ...(last !== undefined ? { lastAssignedAt: last } : {}),
    });
  }
  return found;
}

export interface AssignmentContext {
  readonly now: Date;
  /** The org's clock (IANA): shifts are in it. */
  readonly timeZone: string;
  readonly chains: ApprovalPolicy['chains'];
  readonly workloads: ReadonlyMap<string, Workload>;
}

/**
 * Whether an agent may be given the item automatically: of its org, available, with the item's
 * skill, on shift now, and — once it has escalated — holding its holder role or one above it.
 */
export function eligible(item: QueueItem, agent: Agent, context: AssignmentContext): boolean {
  if (agent.orgId !== item.orgId || agent.status !== 'available') return false;
  if (!agent.skills.includes(item.skill)) return false;
  if (!onShift(agent, context.now, context.timeZone)) return false;
  if (item.escalations > 0 && item.holderRole !== undefined)
    return holdsOrAbove(context.chains[departmentOf(item)], item.holderRole, agent.role);
  return true;
}

/**
 * The agent the item goes to: among the eligible, the least loaded; ties go to the one with more
 * of the item's preferred skills, then the one assigned least recently (never beats any time),
 * then the smaller agentId. Undefined when nobody is eligible: the item stays queued.
 */
export function chooseAgent(
  item: QueueItem,
  agents: readonly Agent[],
  context: AssignmentContext,
): Agent | undefined {
  const preferred = new Set(item.preferredSkills ?? []);
  const ranked = agents
    .filter((agent) => eligible(item, agent, context))
    .map((agent) => {
      const work = context.workloads.get(agent.agentId);
      return {
        agent,
        load: work?.load ?? 0,
        preferred: agent.skills.filter((skill) => preferred.has(skill)).length,
        last: work?.lastAssignedAt ?? '',
      };
    })
    .sort(
      (a, b) =>
        a.load - b.load ||
        b.preferred - a.preferred ||
        (a.last < b.last ? -1 : a.last > b.last ? 1 : 0) ||
        (a.agent.agentId < b.agent.agentId ? -1 : 1),
    );
  return ranked[0]?.agent;
}
