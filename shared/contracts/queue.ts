import { z } from 'zod';
import { AGENT_ID, ROLE_NAMES } from '#vocabulary/access.ts';
import { URGENCIES } from '#vocabulary/classification.ts';
import { QUEUE_ITEM_STATUSES, SKILL } from '#vocabulary/desk.ts';

/*
 * The queue routes: `GET /v1/queue` (the org's open work in priority order), and the hands a
 * person puts on an item: `POST /v1/queue/{itemId}/assign`, `POST /v1/queue/{itemId}/transfer`.
 * A view carries ids, the short title, times and history, never a message's text.
 */

/** Queue item ids: derived from what the item is for (`q_c_<conversation>`, `q_w_<workflow>_<step>`). */
const QUEUE_ITEM_ID = /^q_[cw]_[A-Za-z0-9._:@-]{1,200}$/;
const AgentId = z.string().regex(AGENT_ID, 'expected an agent id');
const Skill = z.string().regex(SKILL, 'expected a skill: lower-case letters, digits, _ and -');
/** The statuses an open item has: done items leave the queue. */
const OPEN_STATUSES = QUEUE_ITEM_STATUSES.filter((status) => status !== 'done') as [string, ...string[]];

export const QueueItemPath = z.strictObject({
  itemId: z.string().regex(QUEUE_ITEM_ID, 'expected a queue item id').meta({ example: 'q_c_cv_01' }),
});

export const QueueListQuery = z.strictObject({
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({
      description:
        "`true`: only items assigned to the caller's agent (the key's `agentId`); a key without one is answered 422",
    }),
  status: z
    .enum(OPEN_STATUSES)
    .optional()
    .meta({ description: 'Only items in this status (`queued`, `assigned`, `in_progress`)' }),
});
export type QueueListQuery = z.infer<typeof QueueListQuery>;

const QueueHistoryView = z.object({
  at: z.string(),
  actor: z.string().meta({ description: '`agent:<id>`, `key:<id>` or `system`' }),
  action: z.enum(['queued', 'assigned', 'transferred', 'answered', 'escalated', 'done']),
  agentId: z.string().optional(),
  note: z.string().optional(),
});

export const QueueItemView = z
  .object({
    itemId: z.string(),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('conversation'), conversationId: z.string() }),
      z.object({ kind: z.literal('workflow_step'), workflowId: z.string(), stepId: z.string() }),
    ]),
    title: z.string(),
    urgency: z.enum(URGENCIES),
    skill: z.string(),
    preferredSkills: z.array(z.string()).optional(),
    holderRole: z
      .enum(ROLE_NAMES)
      .optional()
      .meta({ description: 'The role holding it: escalation moves it up' }),
    status: z.enum(QUEUE_ITEM_STATUSES),
    assignee: z.string().optional().meta({ description: 'The agent it is assigned to' }),
    assignedAt: z.string().optional(),
    dueAt: z
      .string()
      .optional()
      .meta({ description: 'Assigned (queued) or answered (assigned) by then, or it escalates' }),
    escalations: z.number().int().nonnegative(),
    breached: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(QueueHistoryView),
  })
  .meta({ id: 'QueueItem' });
export type QueueItemView = z.infer<typeof QueueItemView>;

export const QueueListing = z.object({
  items: z
    .array(QueueItemView)
    .meta({ description: 'Urgency first (emergency to low), then the oldest first' }),
});
export type QueueListing = z.infer<typeof QueueListing>;

export const AssignQueueItemRequest = z.strictObject({ agentId: AgentId });

const Note = z.string().trim().min(1).max(1000).meta({ description: 'Why: kept in the item’s history' });

export const TransferQueueItemRequest = z.union([
  z.strictObject({ agentId: AgentId, note: Note }),
  z.strictObject({ skill: Skill.meta({ description: 'Back to the queue, needing this skill' }), note: Note }),
]);
export type TransferQueueItemRequest = z.infer<typeof TransferQueueItemRequest>;
