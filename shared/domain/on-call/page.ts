import type { Urgency } from '#vocabulary/classification.ts';
import type { Department, PageLevel, PageStatus } from '#vocabulary/desk.ts';

/**
 * An emergency that must reach a person who acknowledges it: paged to the on-call person at once,
 * again every few minutes, and up the ladder (next in the rotation, then the property managers)
 * while nobody answers. One page per subject: its id is derived from it.
 */
export interface Page {
  readonly pageId: string;
  readonly orgId: string;
  readonly department: Department;
  /** What it is about, by id: `workflow:<id>`, `conversation:<id>`. */
  readonly subject: string;
  /** A short reason (e.g. the waiting step); shown in the API, never published. */
  readonly reason: string;
  readonly urgency: Urgency;
  readonly status: PageStatus;
  /** Everyone it has gone to, each once, with the level they were paged at first. */
  readonly targets: readonly PageTarget[];
  /** Whom it goes to now, and since when (the level's 15 minutes run from then). */
  readonly current: PageRound;
  /** The latest pages sent (at most MAX_KEPT_ATTEMPTS; `attemptCount` counts them all). */
  readonly attempts: readonly PageAttempt[];
  readonly attemptCount: number;
  /** When it is paged again (or moves up); absent once acknowledged. */
  readonly nextAt?: string;
  readonly createdAt: string;
  readonly ackBy?: string;
  readonly ackAt?: string;
  /** When and why it stopped without an acknowledgment (its matter ended, or a person took it up). */
  readonly stoodDownAt?: string;
  readonly stoodDownReason?: string;
  /** Each write is conditional on the version read. */
  readonly version: number;
}

export interface PageTarget {
  readonly agentId: string;
  readonly level: PageLevel;
  readonly firstPagedAt: string;
}

export interface PageRound {
  readonly level: PageLevel;
  /** One person on the rotation's levels; every property manager on the last (none when the org has none). */
  readonly agentIds: readonly string[];
  readonly since: string;
}

export interface PageAttempt {
  readonly agentId: string;
  readonly at: string;
}

/** A page that never stops keeps its latest attempts only: an item stays small however long nobody answers. */
export const MAX_KEPT_ATTEMPTS = 100;

/** One page per subject (one emergency workflow → one page), whoever opens it and however often. */
export function pageSubject(kind: 'workflow' | 'conversation', id: string): string {
  return `${kind}:${id}`;
}

/** Whether `agentId` is one of the people the page went to (only they may acknowledge it). */
export function wasPaged(page: Page, agentId: string): boolean {
  return page.targets.some((target) => target.agentId === agentId);
}
