import type { EventView } from '#contracts/events.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { withoutPersonalData } from '#domain/rentvine/personal-data.ts';

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
