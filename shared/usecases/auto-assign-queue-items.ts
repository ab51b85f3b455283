import { type AssignmentContext, chooseAgent, workloads } from '#domain/desk/assignment.ts';
import { byPriority } from '#domain/desk/priority.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import { assignItem } from '#domain/desk/transitions.ts';
import { slaMs } from '#domain/workflow/approval-policy.ts';
import {
  type DeskSettings,
  deskSettingsOf,
  publishQueueNotice,
  type QueueDeps,
} from './change-queue-item.ts';
import { closeFinishedSteps } from './close-finished-steps.ts';
import { followConversationItem } from './follow-item-assignee.ts';

/**
 * Gives each of an org's queued items (only the `fresh` ones given, with `onlyFresh`) to the agent `chooseAgent` picks, in
 * priority order, counting each assignment into the next one's loads; an item nobody may take
 * stays queued. Each assignment is saved on the version read (a lost race leaves the item to its
 * winner), its agent told (`queue_assigned`) and a conversation's assignee set to them. Returns the items assigned. `fresh` items
 * come from consistent reads and stand in for their listed copies (a new or just-escalated item
 * may not be in the open listing, a GSI, as it is now); loads count them too.
 */
export async function autoAssignQueueItems(
  deps: QueueDeps,
  orgId: string,
  options: {
    readonly fresh?: readonly QueueItem[];
    readonly onlyFresh?: boolean;
    readonly settings?: DeskSettings;
  } = {},
): Promise<QueueItem[]> {
  const now = deps.clock.now();
  const settings = options.settings ?? (await deskSettingsOf(deps, orgId));
  const given = new Map((options.fresh ?? []).map((item) => [item.itemId, item]));
  const listed = (await deps.queue.listOpen(orgId, {})).filter((item) => !given.has(item.itemId));
  const open = await closeFinishedSteps(deps, [...listed, ...given.values()]);
  const queued = byPriority(
    open.filter((item) => item.status === 'queued' && (options.onlyFresh !== true || given.has(item.itemId))),
  );
  if (queued.length === 0) return [];
  const agents = await deps.agents.list(orgId);
  const loads = workloads(open);
  const context: AssignmentContext = {
    now,
    timeZone: settings.timeZone,
    chains: settings.policy.chains,
    workloads: loads,
  };
  const assigned: QueueItem[] = [];
  for (const item of queued) {
    const agent = chooseAgent(item, agents, context);
    if (!agent) continue;
    const result = assignItem(item, agent, 'system', now, slaMs(settings.policy, item.urgency));
    if (result.outcome !== 'changed' || (await deps.queue.save(result.item, item.version)) !== 'saved')
      continue;
    const before = loads.get(agent.agentId)?.load ?? 0;
    loads.set(agent.agentId, { load: before + 1, lastAssignedAt: now.toISOString() });
    assigned.push(result.item);
    await publishQueueNotice(deps, result.item, 'queue_assigned', `agent:${agent.agentId}`);
    await followConversationItem(deps, result.item);
  }
  return assigned;
}
