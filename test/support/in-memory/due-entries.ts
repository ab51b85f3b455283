import { InvalidCursorError } from '#domain/inbox/stored-event.ts';

export interface DueEntry {
  readonly orgId: string;
  readonly id: string;
  readonly dueAt: string;
}

/**
 * A page of a twin's due index: the entries due at `at` or before, in the index's order
 * (`<dueAt>#<orgId>#<id>`), after the cursor (the last sort key returned).
 */
export function duePage(
  entries: readonly DueEntry[],
  at: Date,
  page: { limit: number; cursor?: string },
): { due: readonly DueEntry[]; cursor?: string } {
  const after = page.cursor === undefined ? '' : decode(page.cursor);
  const upTo = `${at.toISOString()}#\uffff`;
  const sorted = entries
    .map((entry) => ({ sortKey: `${entry.dueAt}#${entry.orgId}#${entry.id}`, entry }))
    .filter(({ sortKey }) => sortKey <= upTo && sortKey > after)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
  const taken = sorted.slice(0, page.limit);
  const last = taken.at(-1);
  const due = taken.map(({ entry }) => ({ ...entry }));
  return sorted.length > page.limit && last
    ? { due, cursor: Buffer.from(last.sortKey, 'utf8').toString('base64url') }
    : { due };
}

function decode(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.split('#').length !== 3) throw new InvalidCursorError();
  return key;
}
