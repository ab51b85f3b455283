import { z } from 'zod';

/**
 * Rentvine's wire types (docs/RENTVINE.md: observed): ids as decimal strings, flags as "0"/"1", money
 * as decimal strings. Coerced here, at the boundary, and nowhere else.
 */
export const RentvineId = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform(String);

export const RentvineInt = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform(Number);

export const RentvineFlag = z
  .union([z.literal('0'), z.literal('1'), z.literal(0), z.literal(1), z.boolean()])
  .transform((v) => v === true || v === '1' || v === 1);

/** Decimal strings (sizes, bed and bath counts) or numbers. */
export const RentvineDecimal = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform(Number);

/** Money arrives as a decimal string ("275.00"). */
export const RentvineMoney = RentvineDecimal;

/** Dates as sent ("2026-11-21"), kept as text: they carry no time of day to order by. */
export const RentvineDate = z.string().min(8).max(40);

/**
 * Timestamps as sent ("2026-11-21 14:03:00" or ISO), kept as text and compared via `toInstant`.
 * One that cannot be ordered is drift, not a snapshot that silently loses its place in time.
 */
export const RentvineDateTime = z
  .string()
  .min(8)
  .max(40)
  .refine((text) => !Number.isNaN(toInstant(text)), 'not a date-time');

/** Free text fields, bounded so a drifted payload cannot bloat a snapshot. */
export const RentvineText = (max: number) => z.string().max(max);

/**
 * A field Rentvine may omit, send as null, or send as "" (its way of saying "unset"): all three
 * become absent, so snapshots never carry empty placeholders.
 */
export function absent<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
}

/** Orders Rentvine timestamps; they arrive without a zone, which we read as UTC consistently. */
export function toInstant(dateTime: string): number {
  const iso = dateTime.includes('T') ? dateTime : dateTime.replace(' ', 'T');
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? Number.NaN : ms;
}

/** Work-order descriptions are HTML; we keep plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
