import type { Clock } from '#domain/clock.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { parseRentvineDelivery, type RentvineEvent } from '#domain/rentvine/events.ts';
import type { EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { emergencyReasons } from '#domain/rentvine/triggers.ts';

export interface ProcessEventDeps {
  readonly inbox: EventInbox;
  readonly snapshots: EntitySnapshotStore;
  readonly orgSettings: OrgSettingsStore;
  readonly queue: WorkQueue;
  readonly clock: Clock;
  /** Emergency cues found in free text (the classifier's emergency detector). */
  readonly emergencyCues: (text: string) => readonly string[];
}

export type ProcessOutcome =
  | { kind: 'processed'; snapshot: SnapshotWrite; emergency: boolean }
  | { kind: 'unrecognized'; reason: string; source: StoredEvent['source'] }
  | { kind: 'echo' }
  | { kind: 'already_settled' };

export const STALE_REASON = 'older than the stored snapshot';
export const ECHO_REASON = "written by the org's own Rentvine integration user";

export class EventNotFoundError extends Error {
  constructor(message: EventMessage) {
    super(`event ${message.eventId} of org ${message.orgId} is not in the inbox`);
    this.name = 'EventNotFoundError';
  }
}

/**
 * Turns one stored delivery into state: snapshot upsert (forward only), then domain triggers,
 * then the inbox row leaves `received` (the conditional settle is always the last step). A crash
 * anywhere before it re-runs the whole thing harmlessly: every step is idempotent.
 */
export async function processRentvineEvent(
  deps: ProcessEventDeps,
  message: EventMessage,
): Promise<ProcessOutcome> {
  const stored = await deps.inbox.get(message.orgId, message.eventId);
  if (!stored) throw new EventNotFoundError(message);
  if (stored.status !== 'received') return { kind: 'already_settled' };

  const at = deps.clock.now().toISOString();
  const settle = (outcome: Omit<Parameters<EventInbox['settle']>[2], 'at'>) =>
    deps.inbox.settle(message.orgId, message.eventId, { ...outcome, at });

  const parsed = readEvent(stored);
  if (!parsed.ok) {
    await settle({
      status: 'unrecognized',
      reason: parsed.reason,
      ...(parsed.type ? { eventType: parsed.type } : {}),
    });
    return { kind: 'unrecognized', reason: parsed.reason, source: stored.source };
  }
  const { event } = parsed;
  const identity = { eventType: event.type, objectId: event.objectId };

  // Our own writes come back as webhooks: acting on them would loop.
  if (await isEcho(deps, message.orgId, event)) {
    await settle({ status: 'echo', reason: ECHO_REASON, ...identity });
    return { kind: 'echo' };
  }

  const snapshot = await deps.snapshots.put(
    message.orgId,
    {
      kind: event.entity,
      id: event.objectId,
      dateTimeModified: event.snapshot.dateTimeModified,
      data: event.snapshot,
    },
    at,
  );
  // A stale event describes a past state: it must not start work the newer state may not need.
  const emergency = snapshot === 'written' && (await raiseTriggers(deps, message, event));
  await settle({
    status: 'processed',
    ...identity,
    ...(snapshot === 'stale' ? { reason: STALE_REASON } : {}),
  });
  return { kind: 'processed', snapshot, emergency };
}

/** Only Rentvine deliveries carry Rentvine events; integration payloads have no processor yet. */
function readEvent(stored: StoredEvent) {
  if (stored.source !== 'rentvine') {
    return { ok: false as const, reason: `unsupported_source: ${stored.source}` };
  }
  return parseRentvineDelivery(stored.rawBody);
}

async function isEcho(deps: ProcessEventDeps, orgId: string, event: RentvineEvent): Promise<boolean> {
  if (!event.userId) return false;
  const { rentvineUserId } = await deps.orgSettings.get(orgId);
  return rentvineUserId !== undefined && rentvineUserId === event.userId;
}

/** Domain triggers of a fresh snapshot; true when an emergency workflow was started. */
async function raiseTriggers(
  deps: ProcessEventDeps,
  message: EventMessage,
  event: RentvineEvent,
): Promise<boolean> {
  if (event.entity !== 'work_order') return false;
  const reasons = emergencyReasons(event.snapshot, deps.emergencyCues);
  if (reasons.length === 0) return false;
  await deps.queue.enqueueWorkflow({
    source: 'event',
    orgId: message.orgId,
    eventId: message.eventId,
    trigger: 'emergency_work_order',
    workOrderId: event.snapshot.workOrderId,
    reasons: reasons.slice(0, 20),
  });
  return true;
}
