import type { z } from 'zod';
import type { EntityKind } from '#domain/rentvine/event-types.ts';
import type { ListedSnapshot } from '#domain/rentvine/ports.ts';
import { statusOf } from '#domain/rentvine/snapshot-status.ts';

/** Members every record view computes rather than copies. */
const COMPUTED = new Set(['status', 'modifiedAt', 'updatedAt']);

/**
 * A stored snapshot as its /v1 view: exactly the members the view's schema names (never more,
 * whatever an older or newer snapshot holds), its status as a word, Rentvine's modified time and
 * when the platform stored it.
 */
export function recordView<S extends z.ZodObject>(
  schema: S,
  kind: EntityKind,
): (listed: ListedSnapshot) => z.output<S> {
  const copied = Object.keys(schema.shape).filter((name) => !COMPUTED.has(name));
  return (listed) => {
    const data = listed.data as Record<string, unknown>;
    const view: Record<string, unknown> = Object.fromEntries(
      copied
        .filter((name) => data[name] !== undefined && data[name] !== null)
        .map((name) => [name, data[name]]),
    );
    const status = statusOf(kind, listed.data);
    if (status) view.status = status;
    if (typeof data.dateTimeModified === 'string') view.modifiedAt = data.dateTimeModified;
    view.updatedAt = listed.updatedAt;
    return view as z.output<S>;
  };
}
