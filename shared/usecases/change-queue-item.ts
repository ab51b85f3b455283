import type { AgentDirectory } from '#domain/agents/ports.ts';
import { DEFAULT_TIME_ZONE } from '#domain/agents/shift.ts';
import type { Clock } from '#domain/clock.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import type { QueueStore } from '#domain/desk/ports.ts';
import type { QueueItem } from '#domain/desk/queue-item.ts';
import type { QueueTransition } from '#domain/desk/transitions.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { type ApprovalPolicy, policyFor } from '#domain/workflow/approval-policy.ts';
import type { WorkflowNotices, WorkflowStore } from '#domain/workflow/ports.ts';

/** What the queue's use cases work with. */
export interface QueueDeps {
  readonly queue: QueueStore;
  readonly agents: AgentDirectory;
  /** The org's approval policy (SLAs, chains) and time zone (shifts). */
  readonly orgSettings: OrgSettingsStore;
  /** A workflow step's item is done once its step no longer waits. */
  readonly workflows: Pick<WorkflowStore, 'get'>;
  /**
   * A conversation's item is done once the conversation is resolved; the conversation's assignee
   * follows its item's (`followConversationItem`).
   */
  readonly conversations: ConversationStore;
  /** `queue_assigned` to `agent:<id>`, `queue_escalated` to a role (and the agent it was taken from). */
  readonly notices: WorkflowNotices;
  readonly clock: Clock;
}

export interface DeskSettings {
  readonly policy: ApprovalPolicy;
  readonly timeZone: string;
}

export async function deskSettingsOf(
  deps: Pick<QueueDeps, 'orgSettings'>,
  orgId: string,
): Promise<DeskSettings> {
  const settings = await deps.orgSettings.get(orgId);
  return { policy: policyFor(settings.approvalPolicy), timeZone: settings.timeZone ?? DEFAULT_TIME_ZONE };
}

/** Another writer kept winning the race for the item: the caller answers 409 or retries later. */
export class QueueItemBusyError extends Error {
  constructor(orgId: string, itemId: string) {
    super(`queue item ${itemId} of org ${orgId} kept changing under us; try again`);
    this.name = 'QueueItemBusyError';
  }
}

const ATTEMPTS = 5;

/**
 * Read, transition (pure), save on the version read; a lost race reads again and re-applies.
 * `not_found` when the org has no such item.
 */
export async function changeQueueItem(
  deps: Pick<QueueDeps, 'queue'>,
  ref: { readonly orgId: string; readonly itemId: string },
  change: (item: QueueItem) => QueueTransition | Promise<QueueTransition>,
): Promise<QueueTransition | { readonly outcome: 'not_found' }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const item = await deps.queue.get(ref.orgId, ref.itemId);
    if (!item) return { outcome: 'not_found' };
    const result = await change(item);
    if (result.outcome !== 'changed') return result;
    if ((await deps.queue.save(result.item, item.version)) === 'saved') return result;
  }
  throw new QueueItemBusyError(ref.orgId, ref.itemId);
}

/** A notice about an item: the workflow and step it stands for (empty for a conversation's), its id in `detail`. */
export async function publishQueueNotice(
  deps: Pick<QueueDeps, 'notices'>,
  item: QueueItem,
  kind: 'queue_assigned' | 'queue_escalated',
  to: string,
  detail: Readonly<Record<string, string | number | boolean>> = {},
): Promise<void> {
  const { source } = item;
  await deps.notices.publish({
    orgId: item.orgId,
    workflowId: source.kind === 'workflow_step' ? source.workflowId : '',
    stepId: source.kind === 'workflow_step' ? source.stepId : '',
    kind,
    to,
    urgency: item.urgency,
    detail: {
      itemId: item.itemId,
      ...(source.kind === 'conversation' ? { conversationId: source.conversationId } : {}),
      ...detail,
    },
  });
}
