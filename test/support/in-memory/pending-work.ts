import type { PendingItem, PendingWork } from '#domain/messaging/ports.ts';
import { copy, type InMemoryRows } from './rows.ts';

/** The in-memory twin of DynamoPendingWork (test/integration/contracts proves them alike). */
export class InMemoryPendingWork implements PendingWork {
  constructor(private readonly rows: InMemoryRows) {}

  async listStale(olderThan: Date, limit: number): Promise<PendingItem[]> {
    const before = olderThan.toISOString();
    const items: PendingItem[] = [];
    for (const { handle, row } of this.rows.waiting()) {
      const outbox = row.outbox;
      if (!outbox || outbox.pendingSince >= before) continue;
      items.push({
        entry: copy(outbox.entry),
        orgId: row.record.orgId,
        row: handle,
        pendingSince: outbox.pendingSince,
        resends: outbox.resends,
      });
    }
    return items.sort((a, b) => (a.pendingSince < b.pendingSince ? -1 : 1)).slice(0, limit);
  }

  async markResent(item: PendingItem, at: Date): Promise<void> {
    const row = this.stillWaiting(item);
    if (row?.outbox)
      row.outbox = { ...row.outbox, pendingSince: at.toISOString(), resends: row.outbox.resends + 1 };
  }

  async giveUp(item: PendingItem, at: Date, reason: string): Promise<void> {
    const row = this.stillWaiting(item);
    if (!row) return;
    // As the table row: status `failed`, with why and when (EmailRecord does not type the last two);
    // a workflow keeps its own status and has the give-up recorded beside it.
    if (this.rows.byHandle(item.row).table === 'WORKFLOW') row.gaveUp = { at: at.toISOString(), reason };
    else Object.assign(row.record, { status: 'failed', reason, failedAt: at.toISOString() });
    row.outbox = undefined;
  }

  /** The row, only while it still waits where the item saw it (as the DynamoDB condition). */
  private stillWaiting(item: PendingItem) {
    const { row } = this.rows.byHandle(item.row);
    const outbox = row?.outbox;
    return outbox && outbox.entry.queue === item.entry.queue && outbox.pendingSince === item.pendingSince
      ? row
      : undefined;
  }
}
