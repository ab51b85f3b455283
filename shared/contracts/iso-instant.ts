import { z } from 'zod';

/**
 * The instants the API stores and compares: `toISOString` forms with a four-digit year, which
 * sort as strings. A later or earlier instant (e.g. `9999-12-31T23:00:00-05:00`) would not.
 */
export const INSTANT_RANGE = {
  earliest: '0000-01-01T00:00:00.000Z',
  latest: '9999-12-31T23:59:59.999Z',
} as const;

/** Whether an ISO-8601 text names an instant in INSTANT_RANGE (false for one that names none). */
export const isInInstantRange = (iso: string) => {
  const ms = Date.parse(iso);
  return ms >= Date.parse(INSTANT_RANGE.earliest) && ms <= Date.parse(INSTANT_RANGE.latest);
};
const outOfRange = `must lie between ${INSTANT_RANGE.earliest} and ${INSTANT_RANGE.latest} (UTC)`;

/** A query bound: an ISO-8601 date (midnight UTC), or a date-time with its zone, in INSTANT_RANGE. */
export const IsoInstant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'expected an ISO-8601 date, or date-time with its zone',
  })
  .refine(isInInstantRange, { error: outOfRange, abort: true });

/** A date-time with its zone, in INSTANT_RANGE, normalised to UTC `toISOString` form (stored times compare as strings). */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine(isInInstantRange, { error: outOfRange, abort: true })
  .transform((value) => new Date(value).toISOString());
