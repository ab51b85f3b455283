import { z } from 'zod';
import { IsoInstant } from '../iso-instant.ts';
import { EVENT_STATUSES } from './stored-event.ts';

/** Normalised event types (see rentvine/events.ts): `work_order.created`, or `lease_renewed`. */
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
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(2048)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected the nextCursor of a previous page')
    .optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;
