/** Ports of on-call paging. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Urgency } from '#vocabulary/classification.ts';
import type { PageLevel, PageStatus } from '#vocabulary/desk.ts';
import type { Page } from './page.ts';

export interface PageFilter {
  readonly status?: PageStatus;
  /** Only pages that went to this person. */
  readonly agentId?: string;
}

/**
 * Pages, one item each with a version, in their org's partition; a page still paging is in the
 * due index (family `page`) at its `nextAt`. An acknowledged page is kept 90 days (RETENTION.historyDays).
 */
export interface PageStore {
  /** Creates it if absent: `exists` when the org already has a page of that id (one per subject). */
  create(page: Page): Promise<'created' | 'exists'>;
  /** The page, unless it has expired (reads ignore expired items: DynamoDB deletes them lazily). */
  get(orgId: string, pageId: string, now: Date): Promise<Page | undefined>;
  /** Writes `next` if the stored version is still `expectedVersion`. */
  save(next: Page, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** The org's pages, newest first, filtered; expired ones are never returned. */
  list(
    orgId: string,
    filter: PageFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<{ readonly pages: readonly Page[]; readonly cursor?: string }>;
  /** Pages of every org due at `at` or before, earliest first. */
  due(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }>;
}

/**
 * Tells a person they are paged: an SNS topic in AWS (SMS and email subscriptions), the log and a
 * queue locally. Ids, department, urgency and whom it is for; never a message's text.
 */
export interface PageNotices {
  publish(notice: PageNotice): Promise<void>;
}

export interface PageNotice {
  readonly orgId: string;
  readonly pageId: string;
  readonly subject: string;
  readonly department: string;
  readonly urgency: Urgency;
  /** The person paged, and at which rung of the ladder. */
  readonly agentId: string;
  readonly level: PageLevel;
  /** How many times this page has gone out so far, this one included. */
  readonly attempt: number;
}
