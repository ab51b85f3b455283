import type { EmergencyWorkOrderTrigger } from '../workflow/start.ts';
import type { EntitySnapshot } from './ports.ts';
import type { WorkOrderSnapshot } from './snapshots.ts';

/** Rentvine priority 3 is "high", the top of its scale; we treat it as an emergency (recall first). */
const EMERGENCY_PRIORITY = 3;

/**
 * An emergency work order starts the emergency workflow. Priority alone, or the description's
 * own words (detected by the same cues that flag emergency emails), is enough.
 */
export function emergencyReasons(
  workOrder: WorkOrderSnapshot,
  emergencyCues: (text: string) => readonly string[],
): string[] {
  const reasons: string[] = [];
  if ((workOrder.priorityId ?? 0) >= EMERGENCY_PRIORITY) reasons.push(`priority ${workOrder.priorityId}`);
  reasons.push(...emergencyCues(workOrder.description));
  return reasons;
}

/** The trigger a snapshot reports, if any (today: an emergency work order). */
export function snapshotTrigger(
  snapshot: EntitySnapshot,
  emergencyCues: (text: string) => readonly string[],
): EmergencyWorkOrderTrigger | undefined {
  if (snapshot.kind !== 'work_order') return undefined;
  // A work order's snapshot data is a WorkOrderSnapshot: readers and events build it from that schema.
  const reasons = emergencyReasons(snapshot.data as WorkOrderSnapshot, emergencyCues);
  if (reasons.length === 0) return undefined;
  return { kind: 'emergency_work_order', workOrderId: snapshot.id, reasons: reasons.slice(0, 20) };
}
