import { z } from 'zod';
import { ENTITIES, type EntityKind } from './event-types.ts';
import type { EntitySnapshot } from './ports.ts';

/**
 * A change a sync found that no webhook reported, kept in the inbox as if it had been delivered
 * (scheme `rentvine-sync`), so it reaches the domain triggers the way a webhook does: the event
 * processor applies it and its settle puts the workflow start in the outbox. Only the sync writes
 * this body, already whitelisted by the reader; the scheme, not the body, says it is one.
 */
const SyncChangeBody = z.object({
  syncChange: z.object({
    kind: z.enum(Object.keys(ENTITIES) as [EntityKind, ...EntityKind[]]),
    id: z.string().min(1).max(100),
    dateTimeModified: z.string().max(40).optional(),
    data: z.record(z.string(), z.unknown()),
  }),
});

/** The event type a sync-found change is stored under, e.g. `work_order.synced`. */
export const syncChangeType = (kind: EntityKind) => `${kind}.synced`;

export function syncChangeBody(snapshot: EntitySnapshot): string {
  return JSON.stringify({ syncChange: snapshot });
}

/** One key per entity version: the same change found by two runs is one event. */
export function syncChangeKey(snapshot: EntitySnapshot): string {
  return `sync:${snapshot.kind}:${snapshot.id}:${snapshot.dateTimeModified ?? ''}`;
}

export function parseSyncChange(rawBody: string): EntitySnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  const parsed = SyncChangeBody.safeParse(value);
  if (!parsed.success) return undefined;
  const { kind, id, dateTimeModified, data } = parsed.data.syncChange;
  return { kind, id, ...(dateTimeModified ? { dateTimeModified } : {}), data };
}
