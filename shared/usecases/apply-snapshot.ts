import type { EntitySnapshot, EntitySnapshotStore, SnapshotWrite } from '#domain/rentvine/ports.ts';
import { snapshotTrigger } from '#domain/rentvine/triggers.ts';
import type { WorkflowTrigger } from '#domain/workflow/start.ts';

export interface ApplySnapshotDeps {
  readonly snapshots: EntitySnapshotStore;
  /** Emergency cues found in free text (the classifier's emergency detector). */
  readonly emergencyCues: (text: string) => readonly string[];
}

export interface AppliedSnapshot {
  readonly write: SnapshotWrite;
  /** What the domain triggers found in the applied version; never for a stale one. */
  readonly trigger?: WorkflowTrigger;
}

/**
 * The one way a Rentvine record becomes state, for webhooks and sync alike: a forward-only upsert
 * (an older version never wins; an identical one is not rewritten), then the domain triggers. A
 * stale version describes a past state: it must not start work the newer state may not need. An
 * unchanged one still reports its trigger, so a replay (or the event of a change a sync stored
 * first) is processed afresh; workflows are keyed by their work order, so that starts nothing twice.
 */
export async function applySnapshot(
  deps: ApplySnapshotDeps,
  orgId: string,
  snapshot: EntitySnapshot,
  at: string,
): Promise<AppliedSnapshot> {
  const write = await deps.snapshots.put(orgId, snapshot, at);
  if (write === 'stale') return { write };
  const trigger = snapshotTrigger(snapshot, deps.emergencyCues);
  return trigger ? { write, trigger } : { write };
}
