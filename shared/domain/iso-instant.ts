import { z } from 'zod';

/** A query bound: an ISO-8601 date (midnight UTC), or a date-time with its zone. */
export const IsoInstant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'expected an ISO-8601 date, or date-time with its zone',
});
