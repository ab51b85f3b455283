import { z } from 'zod';
import { EVENT_ID, EVENT_SCHEMES, EVENT_SOURCES, EVENT_STATUSES } from '#vocabulary/events.ts';
import { IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';

/**
 * An event type exactly as the sender named it and the inbox stores it: Rentvine's are namespaced
 * (`maintenance::workOrder.created`, docs/RENTVINE.md). Letters, digits and `_ . : -`.
 */
export const EVENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/**
 * `GET /v1/events` query. Strict, so a misspelt filter is an error rather than a silently
 * unfiltered listing; `since` becomes the stored `toISOString` form it is compared with.
 */
export const EventListQuery = z.strictObject({
  status: z.enum(EVENT_STATUSES).optional(),
  type: z
    .string()
    .regex(EVENT_TYPE, 'expected an event type as delivered, such as maintenance::workOrder.created')
    .optional()
    .meta({
      description: 'Only events of exactly this type, as delivered (e.g. `maintenance::workOrder.created`)',
    }),
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
    eventType: z
      .string()
      .optional()
      .meta({ description: 'The type as the sender named it, e.g. `maintenance::workOrder.created`' }),
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
