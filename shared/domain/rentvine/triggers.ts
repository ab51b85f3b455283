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
