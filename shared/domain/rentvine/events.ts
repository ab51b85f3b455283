import { z } from 'zod';
import { ENTITIES, type EntityKind, entityOfEventType, type SnapshotOf } from './event-types.ts';

/**
 * Rentvine webhook payloads, in the two shapes known (docs/RENTVINE.md):
 * - observed: `{ event: { eventType, objectID, userID, changes }, data: {...entity}, auth: {...} }`
 * - named:    `{ event_type: "work_order.created", data: {...entity} }`
 * Event type spellings are a guess, so every spelling is normalised to `<entity>.<action>` here.
 */
const UserId = z
  .union([z.string().max(50), z.number()])
  .transform(String)
  .nullish();

const ObservedShape = z.object({
  event: z.object({
    eventType: z.string().min(1).max(100),
    // The object id is read from the entity itself; the envelope's copy is not trusted for shape.
    objectID: z.unknown().optional(),
    userID: UserId,
  }),
  data: z.unknown(),
});

const NamedShape = z.object({
  event_type: z.string().min(1).max(100),
  data: z.unknown(),
  user_id: UserId,
});

const ACTIONS = new Set(['created', 'updated', 'deleted']);

/** "workOrder.created", "WorkOrderCreated", "work_order.created" → "work_order.created". */
export function normalizeEventType(raw: string): string {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const action = words.at(-1);
  if (!action || !ACTIONS.has(action) || words.length < 2) return words.join('_');
  return `${words.slice(0, -1).join('_')}.${action}`;
}

/** One recognised event: the entity it carries, already whitelisted and coerced. */
export type RentvineEvent = {
  [K in EntityKind]: {
    entity: K;
    type: string;
    objectId: string;
    /** The Rentvine user whose change this is (an echo when it is the platform's own). */
    userId?: string;
    snapshot: SnapshotOf<K>;
  };
}[EntityKind];

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
  const observed = ObservedShape.safeParse(payload);
  const named = observed.success ? undefined : NamedShape.safeParse(payload);
  const envelope = observed.success
    ? { rawType: observed.data.event.eventType, data: observed.data.data, userId: observed.data.event.userID }
    : named?.success
      ? { rawType: named.data.event_type, data: named.data.data, userId: named.data.user_id }
      : undefined;
  if (!envelope) return { ok: false, reason: 'unknown_shape' };

  const type = normalizeEventType(envelope.rawType);
  const entity = entityOfEventType(type);
  if (!entity) return { ok: false, type, reason: `unsupported_event_type: ${type}` };
  return parseEntity(entity, type, envelope.data, envelope.userId ?? undefined);
}

function parseEntity(
  entity: EntityKind,
  type: string,
  data: unknown,
  userId: string | undefined,
): ParsedEvent {
  const read = ENTITIES[entity].read(data);
  if (!read.ok) return { ok: false, type, reason: `schema_drift: ${type}: ${describe(read.error)}` };
  const event = { entity, type, objectId: read.id, ...(userId ? { userId } : {}), snapshot: read.snapshot };
  // TypeScript cannot correlate `entity` with its own snapshot type through the table lookup.
  return { ok: true, event: event as RentvineEvent };
}
