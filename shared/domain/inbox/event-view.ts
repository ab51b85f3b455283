import { z } from 'zod';
import { withoutPersonalData } from '../rentvine/personal-data.ts';
import { EVENT_ID, EVENT_STATUSES, type StoredEvent } from './stored-event.ts';

/** What the events API answers for one event (documented in the OpenAPI document). */
export const EventView = z
  .object({
    eventId: z.string().regex(EVENT_ID),
    source: z.enum(['rentvine', 'integration']),
    status: z.enum(EVENT_STATUSES),
    /** Why an event is `unrecognized` or `failed`. */
    reason: z.string().optional(),
    /** Normalised type, e.g. `work_order.created`. */
    eventType: z.string().optional(),
    objectId: z.string().optional(),
    receivedAt: z.iso.datetime(),
    processedAt: z.iso.datetime().optional(),
    workflowId: z.string().optional(),
    integrationId: z.string().optional(),
    scheme: z.enum(['rentvine-header', 'rentvine-body', 'standard-webhooks']),
    attempt: z.number().int().min(0),
    /** The delivered body without its signature block and personal data; text when not JSON. */
    payload: z.unknown(),
  })
  .meta({ id: 'Event' });
export type EventView = z.infer<typeof EventView>;

/** Public view of an event: never the raw headers, the signature block or personal data. */
export function eventView(e: StoredEvent): EventView {
  return {
    eventId: e.eventId,
    source: e.source,
    status: e.status,
    reason: e.reason,
    eventType: e.eventType,
    objectId: e.objectId,
    receivedAt: e.receivedAt,
    processedAt: e.processedAt,
    workflowId: e.workflowId,
    integrationId: e.integrationId,
    scheme: e.scheme,
    attempt: e.attempt ?? 0,
    payload: safeJson(e.rawBody),
  };
}

function safeJson(text: string): unknown {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'auth' in parsed) {
      const { auth: _auth, ...rest } = parsed as Record<string, unknown>;
      return withoutPersonalData(rest);
    }
    return withoutPersonalData(parsed);
  } catch {
    // Not JSON (kept as `unrecognized`): shown as text, which has no keys to strip.
    return text;
  }
}
