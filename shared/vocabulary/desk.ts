/*
 * The desk vocabulary: the people who answer (agents), their availability and skills, and the
 * deadlines the desk keeps. Published words: clients send and filter by them.
 */

/** `available` takes new work; `busy` keeps what it holds and takes nothing new; `offline` is away. */
export const AGENT_STATUSES = ['available', 'busy', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** A skill an agent has and a queue item may need, e.g. `maintenance`, `leasing`, `spanish`. */
export const SKILL = /^[a-z][a-z0-9_-]{0,31}$/;
/** An agent has at most this many skills. */
export const MAX_SKILLS = 20;

/** Days of a shift, in the org's time zone. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A time of day on the org's clock, `HH:MM` (24 h). */
export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** How long the desk keeps things (TTL attributes; reads ignore what has expired). */
export const RETENTION = {
  /** A conversation without activity for this long is resolved. */
  autoResolveHours: 24,
  /** The messages of a conversation resolved this long ago are deleted (its summary and audit stay). */
  messagesAfterResolveDays: 7,
  /** Workflow history and the audit trail. */
  historyDays: 90,
} as const;

/** On-call paging: re-page every 5 minutes; nobody acknowledging for 15 moves the page on. */
export const PAGING = { repageMinutes: 5, escalateMinutes: 15 } as const;

/**
 * What the audit trail records: every sensitive operation, by a stable name clients filter on
 * (`GET /v1/audit?action=`).
 */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.rotated',
  'api_key.revoked',
  'agent.created',
  'agent.updated',
  'agent.status_changed',
  'approval.decided',
  'draft.approved',
  'draft.edited',
  'draft.rejected',
  'conversation.taken_over',
  'conversation.replied',
  'conversation.escalated',
  'conversation.resolved',
  'queue.assigned',
  'queue.transferred',
  'page.acknowledged',
  'settings.changed',
  'integration.created',
  'integration.rotated',
  'integration.deleted',
  'offer.answered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Where a queue item stands: waiting for someone (`queued`), held by an agent who has not answered
 * yet (`assigned`), answered and being worked (`in_progress`), or finished (`done`).
 */
export const QUEUE_ITEM_STATUSES = ['queued', 'assigned', 'in_progress', 'done'] as const;
export type QueueItemStatus = (typeof QUEUE_ITEM_STATUSES)[number];

/** `open` while people work it, `escalated` when someone asked for more authority, `resolved` when done. */
export const CONVERSATION_STATUSES = ['open', 'escalated', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * Paging until someone acknowledges; `acknowledged` once they do; `stood_down` when its matter ended
 * or a person took it up without acknowledging (nobody is paged for it any more).
 */
export const PAGE_STATUSES = ['paging', 'acknowledged', 'stood_down'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

// ── Conversations (issue 12, conv) ──────────────────────────────────────────────────────────────

/**
 * What a line of a conversation is: the contact's message, the AI's draft or a finding on it, a
 * person's reply (outbound) or internal note (never sent), or the platform's own remark.
 */
export const CONVERSATION_MESSAGE_KINDS = [
  'inbound',
  'ai_draft',
  'ai_finding',
  'reply',
  'note',
  'system',
] as const;
export type ConversationMessageKind = (typeof CONVERSATION_MESSAGE_KINDS)[number];

/** Who wrote a line: the contact (resident, owner, vendor), the AI, an agent (a person), the platform. */
export const CONVERSATION_AUTHOR_KINDS = ['contact', 'ai', 'agent', 'system'] as const;
export type ConversationAuthorKind = (typeof CONVERSATION_AUTHOR_KINDS)[number];

/**
 * Where an outbound reply stands. Nothing is sent yet (the email channel is issue 13):
 * `awaiting_channel` is a person's own words waiting for the channel; `awaiting_approval` holds
 * model-written text, which needs a person's approval first.
 */
export const REPLY_DELIVERY_STATUSES = ['awaiting_approval', 'awaiting_channel'] as const;
export type ReplyDeliveryStatus = (typeof REPLY_DELIVERY_STATUSES)[number];

/** The longest text one conversation message holds (a reply or a note). */
export const CONVERSATION_TEXT_MAX = 20_000;

/** A conversation's id: `cv_` and the id of the email that opened it. */
export const CONVERSATION_ID = /^cv_em_[0-9a-z]{20,40}$/;
/* On-call rotations and pages (issue 12, pages). */

/** The departments of the roles registry (shared/domain/roles/registry.ts): each role belongs to one; on-call rotations are per department. */
export const DEPARTMENTS = [
  'management',
  'leasing',
  'accounting',
  'maintenance',
  'resident_services',
  'administration',
  'executive',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** A calendar date on the org's clock, `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** A department's weekly rotation holds at most a year of people, and at most this many overrides. */
export const ON_CALL_LIMITS = { people: 52, overrides: 100 } as const;
/**
 * How far a page has climbed: the on-call person, then the next person in the rotation, then the
 * org's property managers, each after `PAGING.escalateMinutes` without an acknowledgment.
 */
export const PAGE_LEVELS = ['on_call', 'next_on_call', 'property_manager'] as const;
export type PageLevel = (typeof PAGE_LEVELS)[number];
