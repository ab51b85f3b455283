import type { RoleName } from '#vocabulary/access.ts';
import type { Urgency } from '#vocabulary/classification.ts';
import type { QueueItem, QueueSource } from './queue-item.ts';

export interface NewQueueItem {
  readonly orgId: string;
  readonly source: QueueSource;
  readonly title: string;
  readonly urgency: Urgency;
  readonly skill: string;
  readonly preferredSkills?: readonly string[];
  readonly holderRole?: RoleName;
}

/**
 * The item's id, derived from what it is for: a conversation or a workflow step has one item,
 * however many times it is asked for. Ids never contain `#` (they sit in sort keys).
 */
export function queueItemId(source: QueueSource): string {
  return source.kind === 'conversation'
    ? `q_c_${source.conversationId}`
    : `q_w_${source.workflowId}_${source.stepId.replaceAll('#', '_')}`;
}

/**
 * A new item, queued for `slaMs` (the urgency's SLA): past it unassigned, it escalates. A workflow
 * step's item has no deadline of its own: its step's clock escalates it (`followStepEscalation`).
 */
export function openQueueItem(request: NewQueueItem, now: Date, slaMs: number): QueueItem {
  const at = now.toISOString();
  return {
    ...request,
    itemId: queueItemId(request.source),
    status: 'queued',
    ...deadlineOf(request, now, slaMs),
    escalations: 0,
    breached: false,
    createdAt: at,
    updatedAt: at,
    version: 0,
    history: [{ at, actor: 'system', action: 'queued' }],
  };
}

/**
 * When the item must next be taken or answered: one SLA from now. None for a workflow step's item,
 * so it never enters the due index — two clocks would escalate it twice, to different holders.
 */
export function deadlineOf(
  item: Pick<QueueItem, 'source'>,
  now: Date,
  slaMs: number,
): { readonly dueAt?: string } {
  return item.source.kind === 'workflow_step' ? {} : { dueAt: new Date(now.getTime() + slaMs).toISOString() };
}
