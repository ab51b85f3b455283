import type { Clock } from '#domain/clock.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { parseRentvineDelivery } from '#domain/rentvine/events.ts';
import type { EntitySnapshot, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { parseSyncChange, syncChangeType } from '#domain/rentvine/sync-change.ts';
import type { Channel } from '#domain/triage/triage.ts';
import { logger } from '#platform/observability.ts';
import { type ApplySnapshotDeps, applySnapshot } from './apply-snapshot.ts';
import { type EnrichDeps, enrichWorkOrder } from './enrich-work-order.ts';
import {
  type IntegrationOutcome,
  type ProcessIntegrationDeps,
  processIntegrationMessage,
} from './process-integration-message.ts';

export interface ProcessEventDeps extends ApplySnapshotDeps, EnrichDeps, ProcessIntegrationDeps {
  readonly inbox: EventInbox;
  readonly orgSettings: OrgSettingsStore;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export type ProcessOutcome =
  | { kind: 'processed'; snapshot: SnapshotWrite; emergency: boolean }
  | { kind: 'unrecognized'; reason: string; source: StoredEvent['source'] }
  | { kind: 'echo' }
  /** An integration's delivery, now a message in the inbox pipeline. */
  | { kind: 'message'; emailId: string; channel: Channel }
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
  if (stored.source === 'integration')
    return integrationOutcome(await processIntegrationMessage(deps, stored));

  const at = deps.clock.now().toISOString();
  const settle = (outcome: Omit<Parameters<EventInbox['settle']>[2], 'at'>) =>
    deps.inbox.settle(message.orgId, message.eventId, { ...outcome, at });

  const parsed = readChange(stored);
  if (!parsed.ok) {
    const settled = await settle({
      status: 'unrecognized',
      reason: parsed.reason,
      ...(parsed.type ? { eventType: parsed.type } : {}),
    });
    if (!settled) return { kind: 'already_settled' };
    return { kind: 'unrecognized', reason: parsed.reason, source: stored.source };
  }
  const { change } = parsed;
  const identity = { eventType: change.type, objectId: change.snapshot.id };

  // Our own writes come back as webhooks: acting on them would loop.
  if (await isEcho(deps, message.orgId, change.userId)) {
    const settled = await settle({ status: 'echo', reason: ECHO_REASON, ...identity });
    return settled ? { kind: 'echo' } : { kind: 'already_settled' };
  }

  // Every Rentvine read comes before the first write: if Rentvine is down this throws, the
  // message is redelivered, and nothing was stored half-filled.
  const enriched = await enrichWorkOrder(deps, message.orgId, change.snapshot);
  for (const related of enriched.related) await applySnapshot(deps, message.orgId, related, at);
  const applied = await applySnapshot(deps, message.orgId, enriched.snapshot, at);
  const { trigger } = applied;
  const start = workflowStart(stored);
  const settled = await settle({
    status: 'processed',
    ...identity,
    ...(applied.write === 'stale' ? { reason: STALE_REASON } : {}),
    ...(trigger ? { trigger, next: start } : {}),
  });
  if (!settled) return { kind: 'already_settled' };
  if (trigger) await requestWorkflow(deps, start);
  return { kind: 'processed', snapshot: applied.write, emergency: trigger?.kind === 'emergency_work_order' };
}

function integrationOutcome(outcome: IntegrationOutcome): ProcessOutcome {
  if (outcome.kind === 'message')
    return { kind: 'message', emailId: outcome.emailId, channel: outcome.channel };
  if (outcome.kind === 'invalid')
    return { kind: 'unrecognized', reason: outcome.reason, source: 'integration' };
  return outcome;
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
/** A stored row as the change it reports: a Rentvine delivery, or a change a sync found. */
interface Change {
  readonly type: string;
  readonly userId?: string;
  readonly snapshot: EntitySnapshot;
}

/** Only Rentvine deliveries carry Rentvine events (integrations' are messages, handled above). */
function readChange(
  stored: StoredEvent,
): { ok: true; change: Change } | { ok: false; type?: string; reason: string } {
  if (stored.source !== 'rentvine') {
    return { ok: false, reason: `unsupported_source: ${stored.source}` };
  }
  if (stored.scheme === 'rentvine-sync') {
    const snapshot = parseSyncChange(stored.rawBody);
    return snapshot
      ? { ok: true, change: { type: syncChangeType(snapshot.kind), snapshot } }
      : { ok: false, reason: 'invalid_sync_change' };
  }
  const parsed = parseRentvineDelivery(stored.rawBody);
  if (!parsed.ok) return parsed;
  const { event } = parsed;
  const snapshot = {
    kind: event.entity,
    id: event.objectId,
    ...(event.snapshot.dateTimeModified ? { dateTimeModified: event.snapshot.dateTimeModified } : {}),
    data: event.snapshot,
  };
  return {
    ok: true,
    change: { type: event.type, ...(event.userId ? { userId: event.userId } : {}), snapshot },
  };
}

async function isEcho(deps: ProcessEventDeps, orgId: string, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  const { rentvineUserId } = await deps.orgSettings.get(orgId);
  return rentvineUserId !== undefined && rentvineUserId === userId;
}
