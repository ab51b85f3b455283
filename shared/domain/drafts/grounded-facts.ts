import { z } from 'zod';
import { statusOf } from '../rentvine/snapshot-status.ts';
import type { GroundedFact } from './draft.ts';
import { groundedFact } from './facts.ts';

/**
 * The facts the org's synced records hold about one lease: its end date, its balances and the
 * open work orders of its unit. Read from stored snapshots (shared/domain/rentvine/snapshots.ts),
 * checked again here so a drifted row is skipped rather than stated.
 */

export const StoredLease = z.object({
  leaseId: z.string().min(1),
  propertyId: z.string().min(1),
  unitId: z.string().optional(),
  primaryStatusId: z.number().optional(),
  endDate: z.string().optional(),
  tenants: z
    .array(z.object({ contactId: z.string(), email: z.string().optional() }))
    .max(50)
    .default([]),
  balances: z.object({ unpaidTotal: z.number(), pastDueTotal: z.number() }).optional(),
});
export type StoredLease = z.infer<typeof StoredLease>;

export const StoredWorkOrder = z.object({
  workOrderId: z.string().min(1),
  propertyId: z.string().min(1),
  unitId: z.string().optional(),
  leaseId: z.string().optional(),
  primaryStatusId: z.number().optional(),
  scheduledStartDate: z.string().optional(),
  dateTimeModified: z.string().optional(),
});
export type StoredWorkOrder = z.infer<typeof StoredWorkOrder>;

/** Work orders still to be done: what a tenant asking "any update?" is waiting on. */
const OPEN_STATUSES = ['pending', 'open', 'on_hold'];

/** The sender's address, lower-cased, from `Name <address>` or a bare address; undefined if none. */
export function senderAddress(from: string): string | undefined {
  const address = (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : undefined;
}

/** Whether a tenant on the lease is the sender: by the lease's own copy of tenant emails, or by contact. */
export const leaseHasTenant = (lease: StoredLease, address: string, contactIds: ReadonlySet<string>) =>
  lease.tenants.some((t) => t.email?.trim().toLowerCase() === address || contactIds.has(t.contactId));

/** Active before pending before closed: a sender with an active lease is asking about that one. */
const leaseRank = (lease: StoredLease): number =>
  ({ active: 0, pending: 1, closed: 2 })[statusOf('lease', lease) ?? ''] ?? 3;

/**
 * The one lease the sender's messages are about, among the leases naming them as a tenant:
 * undefined when none, or when two leases are equally likely (facts from the wrong lease would
 * be worse than none: the draft then says it will check).
 */
export function senderLease(candidates: readonly StoredLease[]): StoredLease | undefined {
  const ranked = [...new Map(candidates.map((lease) => [lease.leaseId, lease])).values()].sort(
    (a, b) => leaseRank(a) - leaseRank(b),
  );
  const [first, second] = ranked;
  return first && (!second || leaseRank(second) > leaseRank(first)) ? first : undefined;
}

/** The lease's work orders that are still open: on its unit, or on the lease itself. */
export const isOpenWorkOrderOf = (lease: StoredLease, order: StoredWorkOrder): boolean =>
  order.propertyId === lease.propertyId &&
  (order.leaseId === lease.leaseId || (lease.unitId !== undefined && order.unitId === lease.unitId)) &&
  OPEN_STATUSES.includes(statusOf('work_order', order) ?? '');

const dateOnly = (text: string) => text.slice(0, 10);

/** Every fact the records hold about the lease and its open work orders, each citing its record. */
export function factsFromRecords(
  lease: StoredLease,
  openWorkOrders: readonly StoredWorkOrder[],
): GroundedFact[] {
  const onLease = { kind: 'lease', id: lease.leaseId } as const;
  const facts: GroundedFact[] = [];
  if (lease.endDate) facts.push(groundedFact('lease_end', dateOnly(lease.endDate), onLease));
  if (lease.balances) {
    facts.push(groundedFact('balance_due', lease.balances.unpaidTotal.toFixed(2), onLease));
    if (lease.balances.pastDueTotal > 0)
      facts.push(groundedFact('past_due', lease.balances.pastDueTotal.toFixed(2), onLease));
  }
  for (const order of openWorkOrders) {
    const onOrder = { kind: 'work_order', id: order.workOrderId } as const;
    const status = statusOf('work_order', order);
    if (status) facts.push(groundedFact('work_order_status', status, onOrder));
    if (order.scheduledStartDate)
      facts.push(groundedFact('work_order_scheduled', dateOnly(order.scheduledStartDate), onOrder));
  }
  return facts;
}
