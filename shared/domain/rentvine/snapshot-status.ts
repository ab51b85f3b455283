import { LEASE_STATUSES, RECORD_STATUSES, WORK_ORDER_STATUSES } from '#vocabulary/rentvine.ts';
import type { EntityKind } from './event-types.ts';

/** Where a listed kind keeps its status in its snapshot, and the stored value of each status word. */
export interface StatusField {
  readonly field: string;
  readonly values: Readonly<Record<string, boolean | number>>;
}

const ACTIVE_FLAG: StatusField = {
  field: 'isActive',
  values: Object.fromEntries(RECORD_STATUSES.map((word) => [word, word === 'active'])),
};

/** Primary statuses are Rentvine's fixed groups [seen]: pending, active, closed for leases; five for work orders. */
export const STATUS_FIELDS: Readonly<Partial<Record<EntityKind, StatusField>>> = {
  property: ACTIVE_FLAG,
  unit: ACTIVE_FLAG,
  contact: ACTIVE_FLAG,
  lease: { field: 'primaryStatusId', values: numbered(LEASE_STATUSES) },
  work_order: { field: 'primaryStatusId', values: numbered(WORK_ORDER_STATUSES) },
};

/** Both lists are in Rentvine's order, numbered from 1. */
function numbered(words: readonly string[]): Record<string, number> {
  return Object.fromEntries(words.map((word, index) => [word, index + 1]));
}

/** The stored condition of `status` for a kind: undefined when the kind has no such status. */
export function statusCondition(
  kind: EntityKind,
  status: string,
): { field: string; value: boolean | number } | undefined {
  const spec = STATUS_FIELDS[kind];
  if (!spec || !Object.hasOwn(spec.values, status)) return undefined;
  return { field: spec.field, value: spec.values[status] as boolean | number };
}

/** A snapshot's status word, read back from its stored field (undefined when unknown). */
export function statusOf(kind: EntityKind, data: object): string | undefined {
  const spec = STATUS_FIELDS[kind];
  if (!spec) return undefined;
  const stored = (data as Record<string, unknown>)[spec.field];
  return Object.entries(spec.values).find(([, value]) => value === stored)?.[0];
}
