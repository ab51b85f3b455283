import type { Clock } from '#domain/clock.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { parseRentvineDelivery, type RentvineEvent } from '#domain/rentvine/events.ts';
import type { EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { emergencyReasons } from '#domain/rentvine/triggers.ts';
import type { EmergencyWorkOrderTrigger } from '#domain/workflows/workflow.ts';
import { logger } from '#platform/observability.ts';

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
 * then the inbox row leaves `received` (the conditional settle is the one state change that
 * counts: a concurrent or repeated run that loses it reports `already_settled`). A trigger is
 * stored by the settle, which puts the event in the outbox for the workflow stage, and only then
 * is the workflow asked for; a crash anywhere re-runs harmlessly or leaves the sweeper a row. A
 * message of an earlier attempt arriving after a replay reopened the event is not that replay.
 */
export async function processRentvineEvent(
  deps: ProcessEventDeps,
  message: EventMessage,
): Promise<ProcessOutcome> {
  const stored = await deps.inbox.get(message.orgId, message.eventId);
  if (!stored) throw new EventNotFoundError(message);
  if (stored.status !== 'received' || message.attempt < (stored.attempt ?? 0))
    return { kind: 'already_settled' };

  const at = deps.clock.now().toISOString();
  const settle = (outcome: Omit<Parameters<EventInbox['settle']>[2], 'at'>) =>
    deps.inbox.settle(message.orgId, message.eventId, { ...outcome, at });

  const parsed = readEvent(stored);
  if (!parsed.ok) {
    const settled = await settle({
      status: 'unrecognized',
      reason: parsed.reason,
      ...(parsed.type ? { eventType: parsed.type } : {}),
    });
    if (!settled) return { kind: 'already_settled' };
    return { kind: 'unrecognized', reason: parsed.reason, source: stored.source };
  }
  const { event } = parsed;
  const identity = { eventType: event.type, objectId: event.objectId };

  // Our own writes come back as webhooks: acting on them would loop.
  if (await isEcho(deps, message.orgId, event)) {
    const settled = await settle({ status: 'echo', reason: ECHO_REASON, ...identity });
    return settled ? { kind: 'echo' } : { kind: 'already_settled' };
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
  const trigger = snapshot === 'written' ? emergencyTrigger(deps, event) : undefined;
  const start = workflowStart(stored);
  const settled = await settle({
    status: 'processed',
    ...identity,
    ...(snapshot === 'stale' ? { reason: STALE_REASON } : {}),
    ...(trigger ? { trigger, next: start } : {}),
  });
  if (!settled) return { kind: 'already_settled' };
  if (trigger) await requestWorkflow(deps, start);
  return { kind: 'processed', snapshot, emergency: trigger !== undefined };
}

function workflowStart(event: StoredEvent) {
  return outboxEntry('workflow', { source: 'event', orgId: event.orgId, eventId: event.eventId });
}

/** The settle put the event in the outbox for the workflow: if this send fails, the sweeper sends it. */
async function requestWorkflow(deps: ProcessEventDeps, start: OutboxEntry): Promise<void> {
  try {
    await deps.queue.send(start);
  } catch (error) {
    logger.warn('workflow enqueue failed; the sweeper will re-send', { queue: start.queue, error });
  }
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

/** The emergency a fresh work order snapshot reports, if any. */
function emergencyTrigger(
  deps: ProcessEventDeps,
  event: RentvineEvent,
): EmergencyWorkOrderTrigger | undefined {
  if (event.entity !== 'work_order') return undefined;
  const reasons = emergencyReasons(event.snapshot, deps.emergencyCues);
  if (reasons.length === 0) return undefined;
  return {
    kind: 'emergency_work_order',
    workOrderId: event.snapshot.workOrderId,
    reasons: reasons.slice(0, 20),
  };
}
