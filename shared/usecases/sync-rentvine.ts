import type { Clock } from '#domain/clock.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import {
  type EntitySnapshot,
  RentvineError,
  type RentvineReader,
  type RentvineReaders,
  SYNC_RESOURCES,
  type SyncResource,
  type SyncWatermarks,
} from '#domain/rentvine/ports.ts';
import { snapshotVersion, standing } from '#domain/rentvine/snapshot-version.ts';
import type { LeaseSnapshot } from '#domain/rentvine/snapshots.ts';
import { syncChangeBody, syncChangeKey } from '#domain/rentvine/sync-change.ts';
import { snapshotTrigger } from '#domain/rentvine/triggers.ts';
import { stableId } from '#platform/security/ids.ts';
import { type ApplySnapshotDeps, applySnapshot } from './apply-snapshot.ts';
import { type KeepDeps, keepDelivery } from './ingest-rentvine-webhook.ts';
import { type ReconcileDelinquencyDeps, reconcileDelinquency } from './reconcile-delinquency.ts';

/**
 * How far before the watermark an incremental read starts. Rentvine stamps `dateTimeModified`
 * itself, but a record saved in a transaction that commits after a later one was read can carry
 * an earlier time than the watermark (and its servers' clocks need not agree to the second).
 * Five minutes re-reads a handful of records per run, which are `unchanged` and not rewritten.
 */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;
/**
 * Snapshot writes in flight per page: enough to hide DynamoDB's latency (bench:sync: 16 → 32
 * took a 1,000-unit first sync from 17 s to 10 s on dynalite), under the SDK's 50 sockets.
 */
const APPLY_CONCURRENCY = 32;

export interface SyncDeps extends ApplySnapshotDeps, KeepDeps, ReconcileDelinquencyDeps {
  readonly watermarks: SyncWatermarks;
  readonly clock: Clock;
}

export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The same version rewritten with the fields this read carries (see SnapshotWrite): not a change. */
  refreshed: number;
  /** Older than the stored snapshot (a webhook stored a newer version meanwhile): not written. */
  stale: number;
  missedByWebhook: number;
  /** Leases only: `delinquency` workflows started, fed a changed balance, and closed as paid. */
  delinquenciesStarted: number;
  delinquenciesFed: number;
  delinquenciesPaid: number;
}

export type ResourceSync = { readonly resource: SyncResource } & SyncCounts &
  ({ readonly ok: true } | { readonly ok: false; readonly error: string });

export interface SyncOptions {
  /** No page is started after this instant: a run stays within its timeout, the rest resumes next run. */
  readonly deadline?: Date;
  /** After each stored page, for progress on a terminal. */
  readonly onPage?: (resource: SyncResource, counts: Readonly<SyncCounts>) => void;
}

export const OUT_OF_TIME = "stopped at the run's time limit; resumes from its watermark next run";

/**
 * Brings an org's snapshots up to date with its Rentvine account, resource by resource in
 * SYNC_RESOURCES order (parents first). Each resource is read from its watermark (minus the
 * overlap) where Rentvine filters by modified time, whole otherwise; every record goes through
 * the same forward-only apply as webhooks, so the two never fight, and unchanged records are not
 * rewritten. One resource failing does not stop the others.
 *
 * Missed by webhook: after a resource's first complete pass (its watermark exists), a record the
 * sync creates or moves to a newer version is a change no processed webhook reported — had one,
 * its snapshot would already be at that version (`unchanged`, or `refreshed` when the webhook's
 * copy carried other fields). A webhook still in flight when the sync reads (about a second)
 * counts as missed too; both then apply the same version, once.
 *
 * Leases: a lease read in a new version carries its balances, which start, feed or close the
 * lease's `delinquency` workflow (`reconcileBalance`), on the first pass too.
 */
export async function syncRentvine(
  deps: SyncDeps,
  orgId: string,
  reader: RentvineReader,
  options: SyncOptions = {},
): Promise<ResourceSync[]> {
  const results: ResourceSync[] = [];
  for (const resource of SYNC_RESOURCES) {
    const counts: SyncCounts = {
      fetched: 0,
      created: 0,
      updated: 0,
      refreshed: 0,
      unchanged: 0,
      stale: 0,
      missedByWebhook: 0,
      delinquenciesStarted: 0,
      delinquenciesFed: 0,
      delinquenciesPaid: 0,
    };
    try {
      const complete = await syncResource(deps, orgId, reader, resource, counts, options);
      results.push(
        complete ? { resource, ...counts, ok: true } : { resource, ...counts, ok: false, error: OUT_OF_TIME },
      );
    } catch (error) {
      results.push({ resource, ...counts, ok: false, error: describe(error) });
    }
  }
  return results;
}

/** True when every page was read and stored (and the watermark advanced). */
async function syncResource(
  deps: SyncDeps,
  orgId: string,
  reader: RentvineReader,
  resource: SyncResource,
  counts: SyncCounts,
  options: SyncOptions,
): Promise<boolean> {
  const watermark = await deps.watermarks.get(orgId, resource);
  const initial = watermark === undefined;
  const modifiedSince = watermark?.highWater ? readFrom(watermark.highWater) : undefined;
  let highWater = watermark?.highWater;
  for await (const page of reader.pages(resource, modifiedSince ? { modifiedSince } : {})) {
    if (pastDeadline(deps.clock, options.deadline)) return false;
    const at = deps.clock.now().toISOString();
    const stored = await storedFor(deps, orgId, page.records);
    await inBatches(page.records, APPLY_CONCURRENCY, async (record) => {
      counts.fetched += 1;
      if (snapshotVersion(record.dateTimeModified) > snapshotVersion(highWater))
        highWater = record.dateTimeModified;
      // Compared first, in one batch read per page: most records of a whole listing are unchanged.
      const now = standing(record, stored.get(`${record.kind}#${record.id}`));
      if (now === 'same' || now === 'older') {
        counts[now === 'same' ? 'unchanged' : 'stale'] += 1;
        return;
      }
      if (!initial && now !== 'other_content') await announceMissedTrigger(deps, orgId, record, at);
      if (record.kind === 'lease') await reconcileBalance(deps, orgId, record, counts);
      const { write } = await applySnapshot(deps, orgId, record, at);
      counts[write] += 1;
      if (!initial && (write === 'created' || write === 'updated')) counts.missedByWebhook += 1;
    });
    options.onPage?.(resource, counts);
  }
  // Only now: a pass stopped half-way must read its unread pages again (export order is not by time).
  await deps.watermarks.advance(orgId, {
    resource,
    ...(highWater ? { highWater } : {}),
    syncedAt: deps.clock.now().toISOString(),
  });
  return true;
}

/**
 * A missed change (new, or newer than the stored version) that calls for work reaches the
 * triggers as a webhook would: kept in the inbox (its events-queue outbox entry included) before
 * its snapshot is written, so a crash between the two cannot lose it — after the write a re-run
 * would find the snapshot unchanged. The event processor applies it (unchanged by then) and its
 * settle queues the workflow start; workflows are keyed by work order, so a webhook for the same
 * change starts nothing more.
 */
async function announceMissedTrigger(
  deps: SyncDeps,
  orgId: string,
  record: EntitySnapshot,
  at: string,
): Promise<void> {
  if (!snapshotTrigger(record, deps.emergencyCues)) return;
  const eventKey = syncChangeKey(record);
  const event: StoredEvent = {
    orgId,
    eventId: stableId('evt', orgId, eventKey),
    eventKey,
    source: 'rentvine',
    scheme: 'rentvine-sync',
    receivedAt: at,
    rawBody: syncChangeBody(record),
    headers: {},
    status: 'received',
  };
  // A failed send leaves the row in the outbox: the sweeper sends it.
  await keepDelivery(deps, event);
}

/**
 * A lease read in a version (or with content) not stored yet: its balance starts, feeds or closes
 * the lease's `delinquency` workflow. Before the snapshot is written, so a failure here fails the
 * resource before its watermark moves and the next run reads the lease again (the workflow input
 * and the episode id are keyed, so doing it twice changes nothing).
 *
 * - A lease whose stored snapshot is unchanged is not reconciled: its balance is the one its
 *   workflow was last given, and the workflow's waits (`untilDaysLate`) run on the sweeper's
 *   clock, not on being read again. `other_content` is reconciled: the same version read with
 *   other fields is typically the export's copy, with balances, of a version a webhook stored
 *   without them.
 * - The first, full pass reconciles too, unlike emergency triggers (history, not news): a balance
 *   past due now is a current debt, to be chased from the first sync.
 * - [guess] Balances are seen only when the lease's `dateTimeModified` moves (the export is read
 *   incrementally); Rentvine documents that payments and charges move it (docs/RENTVINE.md).
 */
async function reconcileBalance(
  deps: SyncDeps,
  orgId: string,
  record: EntitySnapshot,
  counts: SyncCounts,
): Promise<void> {
  const outcome = await reconcileDelinquency(deps, orgId, record.data as LeaseSnapshot);
  if (outcome === 'started') counts.delinquenciesStarted += 1;
  else if (outcome === 'fed') counts.delinquenciesFed += 1;
  else if (outcome === 'paid') counts.delinquenciesPaid += 1;
}

/** The stored snapshots of a page's records, keyed `kind#id` (a resource lists one kind). */
async function storedFor(
  deps: SyncDeps,
  orgId: string,
  records: readonly EntitySnapshot[],
): Promise<Map<string, EntitySnapshot>> {
  const byKind = new Map<EntitySnapshot['kind'], EntitySnapshot[]>();
  for (const record of records) byKind.set(record.kind, [...(byKind.get(record.kind) ?? []), record]);
  const found = new Map<string, EntitySnapshot>();
  for (const [kind, ofKind] of byKind) {
    const stored = await deps.snapshots.getMany(
      orgId,
      kind,
      ofKind.map((record) => record.id),
    );
    for (const [id, snapshot] of stored) found.set(`${kind}#${id}`, snapshot);
  }
  return found;
}

/** The watermark minus the overlap, in Rentvine's own date-time form (UTC). */
function readFrom(highWater: string): string {
  const from = new Date(snapshotVersion(highWater) - WATERMARK_OVERLAP_MS);
  return from.toISOString().slice(0, 19).replace('T', ' ');
}

function pastDeadline(clock: Clock, deadline: Date | undefined): boolean {
  return deadline !== undefined && clock.now().getTime() >= deadline.getTime();
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** One line, safe to print: Rentvine errors say what to do; nothing else is echoed in detail. */
function describe(error: unknown): string {
  if (error instanceof RentvineError) return `rentvine ${error.failure}: ${error.message}`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

export type OrgSync =
  | { readonly orgId: string; readonly ok: true; readonly resources: ResourceSync[] }
  | { readonly orgId: string; readonly ok: false; readonly error: string };

/**
 * One scheduled run: every connected org in turn, each within a fair share of what is left of the
 * run (a huge org stops at its share and resumes from its watermarks next run; the orgs after it
 * still get theirs). One org failing does not stop the others.
 */
export async function syncConnectedOrgs(
  deps: SyncDeps & { readonly accounts: RentvineReaders },
  options: { readonly deadline: Date },
): Promise<OrgSync[]> {
  const orgs = await deps.accounts.connectedOrgs();
  const results: OrgSync[] = [];
  for (const [index, orgId] of orgs.entries()) {
    const now = deps.clock.now().getTime();
    const share = (options.deadline.getTime() - now) / (orgs.length - index);
    try {
      const account = await deps.accounts.forOrg(orgId);
      if (!account) {
        results.push({ orgId, ok: false, error: 'no Rentvine connection' });
        continue;
      }
      const resources = await syncRentvine(deps, orgId, account, { deadline: new Date(now + share) });
      results.push({ orgId, ok: true, resources });
    } catch (error) {
      results.push({ orgId, ok: false, error: describe(error) });
    }
  }
  return results;
}
