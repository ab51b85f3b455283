import type { WorkflowTrigger } from '../workflow/start.ts';
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

/** Rentvine's primary work-order statuses that end a repair (docs/RENTVINE.md): 3 closed, 5 cancelled. */
const CLOSED_STATUS = 3;
const CANCELLED_STATUS = 5;

/**
 * The trigger a snapshot reports, if any: a closed or cancelled work order (the workflow
 * following it moves on), else an emergency work order (the emergency workflow starts), else a
 * work order booked for a date (the workflow following it records when).
 */
export function snapshotTrigger(
  snapshot: EntitySnapshot,
  emergencyCues: (text: string) => readonly string[],
): WorkflowTrigger | undefined {
  if (snapshot.kind !== 'work_order') return undefined;
  // A work order's snapshot data is a WorkOrderSnapshot: readers and events build it from that schema.
  const workOrder = snapshot.data as WorkOrderSnapshot;
  if (workOrder.primaryStatusId === CLOSED_STATUS)
    return { kind: 'work_order_status', workOrderId: snapshot.id, signal: 'work_order_completed' };
  if (workOrder.primaryStatusId === CANCELLED_STATUS)
    return { kind: 'work_order_status', workOrderId: snapshot.id, signal: 'work_order_cancelled' };
  const reasons = emergencyReasons(workOrder, emergencyCues);
  if (reasons.length > 0)
    return { kind: 'emergency_work_order', workOrderId: snapshot.id, reasons: reasons.slice(0, 20) };
  if (workOrder.scheduledStartDate)
    return {
      kind: 'work_order_status',
      workOrderId: snapshot.id,
      signal: 'work_order_scheduled',
      scheduledFor: workOrder.scheduledStartDate,
    };
  return undefined;
}
