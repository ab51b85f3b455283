import { z } from 'zod';
import { LeaseSnapshot, WorkOrderSnapshot } from './snapshots.ts';

/**
 * Rentvine webhook payloads, in the two shapes known (RENTVINE.md):
 * - observed: `{ event: { eventType, objectID, userID, changes }, data: {...entity}, auth: {...} }`
 * - named:    `{ event_type: "work_order.created", data: {...entity} }`
 * Event type spellings are a guess, so every spelling is normalised to `<entity>.<action>` here.
 */
const ObservedShape = z.object({
  event: z.object({
    eventType: z.string().min(1).max(100),
    // The object id is read from the entity itself; the envelope's copy is not trusted for shape.
    objectID: z.unknown().optional(),
    userID: z
      .union([z.string().max(50), z.number()])
      .transform(String)
      .nullish(),
  }),
  data: z.unknown(),
});

const NamedShape = z.object({
  event_type: z.string().min(1).max(100),
  data: z.unknown(),
  user_id: z
    .union([z.string().max(50), z.number()])
    .transform(String)
    .nullish(),
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

export type RentvineEvent =
  | { entity: 'work_order'; type: string; objectId: string; userId?: string; snapshot: WorkOrderSnapshot }
  | { entity: 'lease'; type: string; objectId: string; userId?: string; snapshot: LeaseSnapshot };

export type ParsedEvent = { ok: true; event: RentvineEvent } | { ok: false; type?: string; reason: string };

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
}

export function parseRentvineEvent(payload: unknown): ParsedEvent {
  const observed = ObservedShape.safeParse(payload);
  const named = observed.success ? undefined : NamedShape.safeParse(payload);
  if (!observed.success && !named?.success) return { ok: false, reason: 'unknown_shape' };

  const type = normalizeEventType(
    observed.success ? observed.data.event.eventType : (named?.data?.event_type ?? ''),
  );
  const data = observed.success ? observed.data.data : named?.data?.data;
  const userId = (observed.success ? observed.data.event.userID : named?.data?.user_id) ?? undefined;
  const [entity] = type.split('.');

  if (entity === 'work_order' || entity === 'workorder') {
    const snapshot = WorkOrderSnapshot.safeParse(data);
    if (!snapshot.success) return { ok: false, type, reason: `schema: ${describe(snapshot.error)}` };
    return {
      ok: true,
      event: {
        entity: 'work_order',
        type,
        objectId: snapshot.data.workOrderId,
        userId,
        snapshot: snapshot.data,
      },
    };
  }
  if (entity === 'lease') {
    const snapshot = LeaseSnapshot.safeParse(data);
    if (!snapshot.success) return { ok: false, type, reason: `schema: ${describe(snapshot.error)}` };
    return {
      ok: true,
      event: { entity: 'lease', type, objectId: snapshot.data.leaseId, userId, snapshot: snapshot.data },
    };
  }
  return { ok: false, type, reason: `unsupported_event_type: ${type}` };
}

/**
 * The text an event's dedupe key is derived from: the payload without `auth` (which differs per
 * delivery attempt), with object keys sorted so re-serialisation does not change it.
 */
export function canonicalEventText(payload: unknown): string {
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const { auth: _auth, ...rest } = payload as Record<string, unknown>;
    return canonicalJson(rest);
  }
  return canonicalJson(payload);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
