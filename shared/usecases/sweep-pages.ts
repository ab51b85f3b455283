import { deliverDuePage, type PagingDeps } from './deliver-page.ts';

export interface PageSweep {
  /** Pages found due. */
  readonly due: number;
  /** People paged (one per person per round). */
  readonly sent: number;
  readonly escalated: number;
  /** Pages that stopped without an acknowledgment: their workflow ended, or a person acted on it. */
  readonly stoodDown: number;
  /** Rounds at the top of the ladder still unanswered, or with nobody to page (alarmed). */
  readonly unacknowledged: number;
  /** Pages whose round failed (the topic unavailable), and why: still due, paged again next minute. */
  readonly failed: readonly { readonly orgId: string; readonly pageId: string; readonly reason: string }[];
}

/** One sweep reads at most this many due pages; the next minute's sweep takes the rest. */
const MAX_PER_SWEEP = 1000;
const PAGE = 100;

/**
 * Every page due at `at`, as if it were `at`: paged again, or moved up the ladder when its level's
 * 15 minutes passed unanswered. One page failing (the topic down) does not hold up the others.
 */
export async function sweepPages(deps: PagingDeps, at: Date): Promise<PageSweep> {
  const tally = { due: 0, sent: 0, escalated: 0, stoodDown: 0, unacknowledged: 0 };
  const failed: { orgId: string; pageId: string; reason: string }[] = [];
  let cursor: string | undefined;
  do {
    const found = await deps.pages.due(at, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const entry of found.due) {
      tally.due += 1;
      const page = await deps.pages.get(entry.orgId, entry.id, at);
      if (!page) continue;
      try {
        const delivery = await deliverDuePage(deps, page, at);
        tally.sent += delivery.sent;
        if (delivery.escalated) tally.escalated += 1;
        if (delivery.outcome === 'stood_down') tally.stoodDown += 1;
        if (delivery.unacknowledged) tally.unacknowledged += 1;
      } catch (error) {
        failed.push({
          orgId: page.orgId,
          pageId: page.pageId,
          reason: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    cursor = found.cursor;
  } while (cursor && tally.due < MAX_PER_SWEEP);
  return { ...tally, failed };
}
