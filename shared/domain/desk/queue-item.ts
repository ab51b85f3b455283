import type { RoleName } from '#vocabulary/access.ts';
import type { Urgency } from '#vocabulary/classification.ts';
import type { QueueItemStatus } from '#vocabulary/desk.ts';

/**
 * Work that needs a person: a conversation, or a workflow step waiting on a human (an approval, a
 * task). One item per thing: its id is derived from what it is for, so creating it twice is one.
 */
export interface QueueItem {
  readonly orgId: string;
  readonly itemId: string;
  readonly source: QueueSource;
  /** What a person sees in the list: a short title, never the message's whole text. */
  readonly title: string;
  readonly urgency: Urgency;
  /** The skill it needs (e.g. `maintenance`); an agent without it is not given the item. */
  readonly skill: string;
  /** Further skills it would like (e.g. `spanish`): preferred, not required. */
  readonly preferredSkills?: readonly string[];
  /** The role that holds it now: escalation moves it up its department's chain. */
  readonly holderRole?: RoleName;
  readonly status: QueueItemStatus;
  readonly assignee?: string;
  readonly assignedAt?: string;
  /** When it must be assigned (queued) or answered (assigned) by; past it, it escalates. */
  readonly dueAt?: string;
  readonly escalations: number;
  readonly breached: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly doneAt?: string;
  /** Each write is conditional on the version read. */
  readonly version: number;
  /** Who did what to it: assignment, transfer, escalation, with actor and time. */
  readonly history: readonly QueueHistoryEntry[];
}

export type QueueSource =
  | { readonly kind: 'conversation'; readonly conversationId: string }
  | { readonly kind: 'workflow_step'; readonly workflowId: string; readonly stepId: string };

export interface QueueHistoryEntry {
  readonly at: string;
  /** `agent:<id>`, `key:<id>` or `system`. */
  readonly actor: string;
  readonly action: 'queued' | 'assigned' | 'transferred' | 'answered' | 'escalated' | 'done';
  readonly agentId?: string;
  readonly note?: string;
}
