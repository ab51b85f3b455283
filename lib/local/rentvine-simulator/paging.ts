import { toInstant } from '#domain/rentvine/wire.ts';

/** A 400 in Rentvine's shape: `{ "field.path": ["message", ...] }`. */
export class FieldErrors extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.keys(fields).join(', '));
  }
}

export interface PageLimits {
  /** Rows when `pageSize` is absent. */
  readonly defaultSize: number;
  /** Rows honoured at most; a larger `pageSize` is cut to this, silently. */
  readonly maxSize: number;
}

/** Exports default to 25 rows, work orders to 15 [3p]; the largest sizes seen honoured (docs/RENTVINE.md). */
export const LIMITS = {
  leasesExport: { defaultSize: 25, maxSize: 2000 },
  unitsExport: { defaultSize: 25, maxSize: 500 },
  workOrders: { defaultSize: 15, maxSize: 500 },
  /** Everything else [guess]. */
  other: { defaultSize: 25, maxSize: 500 },
} as const satisfies Record<string, PageLimits>;

export interface Page<T> {
  readonly rows: T[];
  readonly page: number;
  readonly pageSize: number;
  readonly totalRows: number;
}

/**
 * `page` from 1 and `pageSize`; `limit` is ignored as Rentvine ignores it. `shift` starts the page
 * that many rows earlier (records inserted ahead while a client pages).
 */
export function pageOf<T>(
  rows: readonly T[],
  query: URLSearchParams,
  limits: PageLimits,
  shift = 0,
): Page<T> {
  const page = positive(query, 'page') ?? 1;
  const pageSize = Math.min(positive(query, 'pageSize') ?? limits.defaultSize, limits.maxSize);
  const start = Math.max(0, (page - 1) * pageSize - shift);
  return { rows: rows.slice(start, start + pageSize), page, pageSize, totalRows: rows.length };
}

/** A request for a page after the first (where a row shift can show). */
export function isLaterPage(query: URLSearchParams): boolean {
  return /^\d+$/.test(query.get('page') ?? '') && Number(query.get('page')) > 1;
}

function positive(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new FieldErrors({ [name]: [`The ${name} must be at least 1.`] });
  return Number(raw);
}

/** `dateTimeModifiedMin`/`Max` (inclusive), as the three exports accept them. */
export function modifiedFilter(query: URLSearchParams): (record: { dateTimeModified: string }) => boolean {
  const bound = (name: string) => {
    const raw = query.get(name);
    if (raw === null || raw === '') return undefined;
    const instant = toInstant(raw);
    if (Number.isNaN(instant)) throw new FieldErrors({ [name]: [`The ${name} is not a valid date.`] });
    return instant;
  };
  const min = bound('dateTimeModifiedMin');
  const max = bound('dateTimeModifiedMax');
  return (record) => {
    const at = toInstant(record.dateTimeModified);
    return (min === undefined || at >= min) && (max === undefined || at <= max);
  };
}

/** A list filter's values: `name[]=1&name[]=2`, `name=1,2` or `name=1`. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(`${name}[]`), ...query.getAll(name)].flatMap((v) => v.split(','));
  const cleaned = values.map((v) => v.trim()).filter((v) => v !== '');
  return cleaned.length > 0 ? cleaned : undefined;
}

/** Rentvine's optional paging headers [3p], on some lists only. */
export function paginationHeaders(page: Page<unknown>): Record<string, string> {
  return {
    'pagination-page': String(page.page),
    'pagination-page-size': String(page.pageSize),
    'pagination-total-count': String(page.totalRows),
    'pagination-total-pages': String(Math.max(1, Math.ceil(page.totalRows / page.pageSize))),
  };
}
