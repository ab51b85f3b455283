import { toInstant } from './wire.ts';

/**
 * The order of a snapshot's versions: Rentvine's modified time in epoch milliseconds. A snapshot
 * without one (or with one that cannot be read) is version 0: it only fills a gap.
 */
export function snapshotVersion(dateTimeModified: string | undefined): number {
  const instant = dateTimeModified ? toInstant(dateTimeModified) : 0;
  return Number.isNaN(instant) ? 0 : instant;
}

/** The content a snapshot's data is compared by: equal text, unchanged snapshot (nothing rewritten). */
export function snapshotContent(data: object): string {
  return JSON.stringify(data);
}
