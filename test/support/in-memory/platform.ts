import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import type { Clock } from '#domain/clock.ts';
import { InMemoryEmailStore } from './email-store.ts';
import { InMemoryEventInbox } from './event-inbox.ts';
import { InMemoryOrgSettingsStore } from './org-stores.ts';
import { InMemoryPendingWork } from './pending-work.ts';
import { InMemoryRows } from './rows.ts';
import { InMemorySnapshotCatalogue } from './snapshot-catalogue.ts';
import { InMemorySnapshotStore } from './snapshot-store.ts';
import { InMemoryWorkQueue } from './work-queue.ts';
import { InMemoryWorkflowStore } from './workflow-store.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The twins wired over one set of rows, as the adapters are over one table. */
export function inMemoryPlatform(start = new Date('2026-11-21T10:00:00Z')) {
  const rows = new InMemoryRows();
  const snapshots = new InMemorySnapshotStore();
  return {
    rows,
    emails: new InMemoryEmailStore(rows),
    inbox: new InMemoryEventInbox(rows),
    workflows: new InMemoryWorkflowStore(rows),
    pending: new InMemoryPendingWork(rows),
    queue: new InMemoryWorkQueue(),
    clock: new ManualClock(start),
    settings: new OrgWorkflowSettings(new InMemoryOrgSettingsStore()),
    snapshots,
    catalogue: new InMemorySnapshotCatalogue(snapshots),
  };
}
