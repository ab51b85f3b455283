import { z } from 'zod';
import { AGENT_ID } from '#vocabulary/access.ts';
import { URGENCIES } from '#vocabulary/classification.ts';
import {
  DEPARTMENTS,
  LOCAL_DATE,
  ON_CALL_LIMITS,
  PAGE_LEVELS,
  PAGE_STATUSES,
  PAGING,
  TIME_OF_DAY,
} from '#vocabulary/desk.ts';
import { NextCursor, PageQuery } from './paging.ts';

/*
 * On call: the rotations in the org's settings (`GET /v1/org`, `PATCH /v1/org/settings {onCall}`)
 * and the pages they receive (`GET /v1/pages`, `POST /v1/pages/{pageId}/ack`). A page carries ids,
 * people and times; its reason is a short label, never a message's text.
 */

const AgentId = z.string().regex(AGENT_ID, 'expected an agent id');
const Instant = z.iso.datetime({ offset: true });

const Override = z
  .strictObject({
    from: Instant.meta({ description: 'When the stand-in takes over (ISO instant)' }),
    to: Instant.meta({ description: 'When the rotation takes back (ISO instant, after `from`)' }),
    agentId: AgentId,
  })
  .refine((o) => Date.parse(o.from) < Date.parse(o.to), { message: 'an override ends after it starts' });

export const RotationView = z
  .strictObject({
    agentIds: z
      .array(AgentId)
      .min(1)
      .max(ON_CALL_LIMITS.people)
      .meta({ description: 'People in turn, a week each (agent ids of `GET /v1/agents`)' }),
    start: z
      .strictObject({
        date: z.string().regex(LOCAL_DATE, 'expected YYYY-MM-DD'),
        time: z.string().regex(TIME_OF_DAY, 'expected HH:MM (24 h)'),
      })
      .meta({
        description:
          "The first person's week begins at this date and time on the org's clock (its `timeZone`); each handover is at that time and weekday",
      }),
    overrides: z.array(Override).max(ON_CALL_LIMITS.overrides).optional().meta({
      description: 'Stand-ins who win over the rotation while they last (the last listed, when several)',
    }),
  })
  .meta({
    id: 'OnCallRotation',
    description: `A weekly on-call rotation: paged at once for an emergency, again every ${PAGING.repageMinutes} minutes; after ${PAGING.escalateMinutes} minutes unanswered the next person, then the property managers`,
  });

/** The org's rotations, per department. */
export const OnCallView = z.partialRecord(z.enum(DEPARTMENTS), RotationView).meta({
  id: 'OnCall',
  description: 'Department → its rotation; a department without one pages the property managers',
});

/** `onCall` in a settings patch: each department given is replaced whole, or removed when `null`. */
export const OnCallPatch = z
  .partialRecord(z.enum(DEPARTMENTS), RotationView.nullable())
  .nullable()
  .optional()
  .meta({
    description: 'Department → rotation (replaced whole) or `null` (removed); `null` removes every rotation',
  });

const PageTargetView = z.object({
  agentId: z.string(),
  level: z.enum(PAGE_LEVELS),
  firstPagedAt: z.string(),
});

export const PageView = z
  .object({
    pageId: z.string(),
    department: z.enum(DEPARTMENTS),
    subject: z.string().meta({ description: 'What it is about: `workflow:<id>` or `conversation:<id>`' }),
    reason: z.string(),
    urgency: z.enum(URGENCIES),
    status: z.enum(PAGE_STATUSES),
    targets: z
      .array(PageTargetView)
      .meta({ description: 'Everyone paged so far, each with the level and time of the first page' }),
    current: z.object({ level: z.enum(PAGE_LEVELS), agentIds: z.array(z.string()), since: z.string() }).meta({
      description:
        'Whom it is paging now, and since when (no `agentIds` when the org has nobody to page: the page stays open and alarmed)',
    }),
    attempts: z
      .array(z.object({ agentId: z.string(), at: z.string() }))
      .meta({ description: 'The latest pages sent (the last 100)' }),
    attemptCount: z.int(),
    nextAt: z
      .string()
      .optional()
      .meta({ description: 'When it is paged again, or moves up; absent once acknowledged' }),
    createdAt: z.string(),
    ackBy: z.string().optional(),
    ackAt: z.string().optional(),
    stoodDownAt: z.string().optional(),
    stoodDownReason: z.string().optional().meta({
      description: 'Why it stopped without an acknowledgment: its workflow ended, or a person acted on it',
    }),
  })
  .meta({ id: 'Page' });
export type PageView = z.infer<typeof PageView>;

export const PageList = z.object({
  pages: z.array(PageView).meta({ description: 'Newest first' }),
  nextCursor: NextCursor,
});
export type PageList = z.infer<typeof PageList>;

/** `GET /v1/pages`: strict, so a misspelt filter is an error rather than an unfiltered listing. */
export const PageListQuery = z.strictObject({
  status: z.enum(PAGE_STATUSES).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: "`true`: only pages that went to your key's person (its `agentId`)" }),
  ...PageQuery,
});
export type PageListQuery = z.infer<typeof PageListQuery>;

export const PagePath = z.object({ pageId: z.string().min(1).max(128) });
