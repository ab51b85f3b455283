/**
 * The rules by which synced lease balances start and feed `delinquency` workflows
 * (shared/usecases/reconcile-delinquency.ts applies them).
 */

const DAY_MS = 24 * 60 * 60_000;

/** The subject a lease's collection is linked by: its open episode, or the last one. */
export function delinquencySubject(leaseId: string): string {
  return `delinquency:${leaseId}`;
}

/**
 * The natural key of an episode's workflow id: the subject and the episode it follows (`first`
 * when none did). Deterministic, so two syncs reading the same lease at once derive one id and
 * make one workflow; a new episode after a closed one gets a new id.
 */
export function delinquencyEpisodeKey(subject: string, previousWorkflowId: string | undefined): string {
  return `${subject}:${previousWorkflowId ?? 'first'}`;
}

/**
 * When a balance first seen past due became late. [guess] Rentvine's leases export gives
 * balances, not due dates (docs/RENTVINE.md), so the rule is the common lease term: rent falls due
 * on the 1st of the month, and a balance first seen past due is late since the 1st of the current
 * month (UTC). An org's own due day, or a grace period, is not read: no such setting exists, and
 * the lease charges' `dateDue` would be the place to learn it from, once it is known to be synced.
 */
export function lateSinceFor(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

/** Whole days from `lateSince` to `now` (0 on the day itself; never negative). */
export function daysLate(lateSince: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(lateSince).getTime()) / DAY_MS));
}
