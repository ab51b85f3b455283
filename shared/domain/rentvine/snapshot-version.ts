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

/** How a version read from Rentvine stands against the stored snapshot (undefined: none stored). */
export type VersionStanding = 'new' | 'newer' | 'other_content' | 'same' | 'older';

export function standing(
  read: { readonly dateTimeModified?: string; readonly data: object },
  stored: { readonly dateTimeModified?: string; readonly data: object } | undefined,
): VersionStanding {
  if (!stored) return 'new';
  const [version, storedVersion] = [
    snapshotVersion(read.dateTimeModified),
    snapshotVersion(stored.dateTimeModified),
  ];
  if (version !== storedVersion) return version > storedVersion ? 'newer' : 'older';
  return snapshotContent(read.data) === snapshotContent(stored.data) ? 'same' : 'other_content';
}
