import { RETENTION } from '#vocabulary/desk.ts';

const KEPT_MS = RETENTION.historyDays * 86_400_000;

/** When an audit line written at `at` expires: 90 days on (RETENTION.historyDays). */
export function auditExpiry(at: string): Date {
  return new Date(Date.parse(at) + KEPT_MS);
}

/** Whether a line written at `at` is still kept at `now` (the table deletes lazily; reads check). */
export function auditKept(at: string, now: Date): boolean {
  return auditExpiry(at).getTime() > now.getTime();
}
