import type { EventMessage } from '#domain/inbox/stored-event.ts';
import type { Clock, EventInbox, SnapshotStore, WorkQueue } from '#domain/ports.ts';
import { parseRentvineEvent } from '#domain/rentvine/events.ts';
import { emergencyReasons } from '#domain/rentvine/triggers.ts';

export interface ProcessEventDeps {
  readonly inbox: EventInbox;
  readonly snapshots: SnapshotStore;
  readonly queue: WorkQueue;
  readonly clock: Clock;
  /** Emergency cues found in free text (the classifier's emergency detector). */
  readonly emergencyCues: (text: string) => readonly string[];
}

export type ProcessOutcome =
  | { kind: 'processed'; snapshot: 'written' | 'stale'; emergency: boolean }
  | { kind: 'unrecognized'; reason: string }
  | { kind: 'already_settled' };

export class EventNotFoundError extends Error {
  constructor(message: EventMessage) {
    super(`event ${message.eventId} of org ${message.orgId} is not in the inbox`);
    this.name = 'EventNotFoundError';
  }
}

/**
 * Turns one stored delivery into state: snapshot upsert (forward only), then domain triggers,
 * then the inbox row leaves `received`. A crash anywhere before the last step re-runs the
 * whole thing harmlessly: every step is idempotent.
 */
export async function processRentvineEvent(
  deps: ProcessEventDeps,
  message: EventMessage,
): Promise<ProcessOutcome> {
  const stored = await deps.inbox.get(message.orgId, message.eventId);
  if (!stored) throw new EventNotFoundError(message);
  if (stored.status !== 'received') return { kind: 'already_settled' };

  const at = deps.clock.now().toISOString();
  const parsed = parseRentvineEvent(JSON.parse(stored.rawBody) as unknown);
  if (!parsed.ok) {
    await deps.inbox.settle(message.orgId, message.eventId, {
      status: 'unrecognized',
      reason: parsed.reason,
      ...(parsed.type ? { eventType: parsed.type } : {}),
      at,
    });
    return { kind: 'unrecognized', reason: parsed.reason };
  }

  const { event } = parsed;
  let emergency = false;
  let snapshot: 'written' | 'stale';
  if (event.entity === 'work_order') {
    snapshot = await deps.snapshots.putWorkOrder(message.orgId, event.snapshot, at);
    const reasons = emergencyReasons(event.snapshot, deps.emergencyCues);
    // A stale event describes a past state: it must not start work the newer state may not need.
    if (snapshot === 'written' && reasons.length > 0) {
      emergency = true;
      await deps.queue.enqueueWorkflow({
        source: 'event',
        orgId: message.orgId,
        eventId: message.eventId,
        trigger: 'emergency_work_order',
        workOrderId: event.snapshot.workOrderId,
        reasons: reasons.slice(0, 20),
      });
    }
  } else {
    snapshot = await deps.snapshots.putLease(message.orgId, event.snapshot, at);
  }
  await deps.inbox.settle(message.orgId, message.eventId, {
    status: 'processed',
    eventType: event.type,
    objectId: event.objectId,
    ...(snapshot === 'stale' ? { reason: 'older than the stored snapshot' } : {}),
    at,
  });
  return { kind: 'processed', snapshot, emergency };
}
