import { z } from 'zod';
import {
  ENTITIES,
  type EntityKind,
  type EventTypeMeaning,
  eventTypeMeaning,
  type SnapshotOf,
} from './event-types.ts';

/**
 * A Rentvine webhook delivery, in the one shape observed (docs/RENTVINE.md):
 * `{ event: { eventType, objectID, userID, changes, options }, data: {...the full record}, auth }`.
 * `event.changes` is never read: it is incomplete (a changed field can be missing) and comes as an
 * object or a list; `data`, the whole record, is the truth.
 */
const UserId = z
  .union([z.string().max(50), z.number()])
  .transform(String)
  .nullish();

const Delivery = z.object({
  event: z.object({
    eventType: z.string().min(1).max(200),
    // The object id is read from the entity itself; the envelope's copy is not trusted for shape.
    objectID: z.unknown().optional(),
    userID: UserId,
  }),
  data: z.unknown(),
});

/** One recognised event: the entity it carries, already whitelisted and coerced. */
export type RentvineEvent = {
  [K in EntityKind]: {
    entity: K;
    /** The event type exactly as Rentvine sent it (`maintenance::workOrder.created`): what is stored. */
    type: string;
    /** Ours, for people and filters: `work_order.created`. */
    name: string;
    objectId: string;
    /** The Rentvine user whose change this is (an echo when it is the platform's own). */
    userId?: string;
    snapshot: SnapshotOf<K>;
  };
}[EntityKind];

/** `type` is the raw event type whenever the envelope had one. */
export type ParsedEvent = { ok: true; event: RentvineEvent } | { ok: false; type?: string; reason: string };

/** Names the failing fields (never their values, which may be personal data). */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
    .join('; ');
}

/** Parses a stored delivery's raw body; anything unreadable is a reason, never an exception. */
export function parseRentvineDelivery(rawBody: string): ParsedEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  return parseRentvineEvent(payload);
}

export function parseRentvineEvent(payload: unknown): ParsedEvent {
  const delivery = Delivery.safeParse(payload);
  if (!delivery.success) return { ok: false, reason: 'unknown_shape' };
  const { event, data } = delivery.data;
  const type = event.eventType;
  const meaning = eventTypeMeaning(type);
  if (!meaning) return { ok: false, type, reason: `unsupported_event_type: ${type}` };
  return parseEntity(meaning, type, data, event.userID ?? undefined);
}

function parseEntity(
  meaning: EventTypeMeaning,
  type: string,
  data: unknown,
  userId: string | undefined,
): ParsedEvent {
  const read = ENTITIES[meaning.entity].read(data);
  if (!read.ok) return { ok: false, type, reason: `schema_drift: ${type}: ${describe(read.error)}` };
  // Rentvine's contacts share one shape: the event type is what says which role this one has.
  const snapshot = meaning.role ? { ...read.snapshot, role: meaning.role } : read.snapshot;
  const event = {
    entity: meaning.entity,
    type,
    name: meaning.name,
    objectId: read.id,
    ...(userId ? { userId } : {}),
    snapshot,
  };
  // TypeScript cannot correlate `entity` with its own snapshot type through the table lookup.
  return { ok: true, event: event as RentvineEvent };
}
