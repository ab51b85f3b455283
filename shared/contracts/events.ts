import { z } from 'zod';
import { EVENT_ID, EVENT_SCHEMES, EVENT_SOURCES, EVENT_STATUSES } from '#vocabulary/events.ts';
import { IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';

/** Normalised event types (as shared/domain/rentvine/events.ts makes them): `work_order.created`, or `lease_renewed`. */
const EVENT_TYPE = /^[a-z0-9]+(_[a-z0-9]+)*(\.[a-z0-9]+(_[a-z0-9]+)*)?$/;

/**
 * `GET /v1/events` query. Strict, so a misspelt filter is an error rather than a silently
 * unfiltered listing; `since` becomes the stored `toISOString` form it is compared with.
 */
export const EventListQuery = z.strictObject({
  status: z.enum(EVENT_STATUSES).optional(),
  type: z
    .string()
    .max(100)
    .regex(EVENT_TYPE, 'expected a normalised event type such as work_order.created')
    .optional(),
  since: IsoInstant.transform((since) => new Date(since).toISOString()).optional(),
  ...PageQuery,
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventPath = z.object({ eventId: z.string().regex(EVENT_ID) });

/** One stored webhook event: never the raw headers, the signature block or personal data. */
export const EventView = z
  .object({
    eventId: z.string().regex(EVENT_ID),
    source: z.enum(EVENT_SOURCES),
    status: z.enum(EVENT_STATUSES),
    reason: z.string().optional().meta({ description: 'Why an event is `unrecognized` or `failed`' }),
    eventType: z.string().optional().meta({ description: 'Normalised type, e.g. `work_order.created`' }),
    objectId: z.string().optional(),
    receivedAt: z.iso.datetime(),
    processedAt: z.iso.datetime().optional(),
    workflowId: z.string().optional(),
    integrationId: z.string().optional(),
    scheme: z.enum(EVENT_SCHEMES),
    attempt: z.number().int().min(0),
    payload: z.unknown().meta({
      description: 'The delivered body without its signature block and personal data; text when not JSON',
    }),
  })
  .meta({ id: 'Event' });
export type EventView = z.infer<typeof EventView>;

export const EventPage = z
  .object({
    events: z.array(EventView),
    nextCursor: NextCursor,
  })
  .meta({ id: 'EventPage' });
export type EventPage = z.infer<typeof EventPage>;
