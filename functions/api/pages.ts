import { PageList, PageListQuery, PagePath, PageView } from '#contracts/pages.ts';
import type { Clock } from '#domain/clock.ts';
import type { PageStore } from '#domain/on-call/ports.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { type AcknowledgePageDeps, acknowledgePage } from '#usecases/acknowledge-page.ts';
import { auditContext } from './audit-context.ts';
import { pageOf } from './listing.ts';
import { pageView } from './page-view.ts';

export interface PageRouteDeps extends AcknowledgePageDeps {
  readonly pages: PageStore;
  readonly clock: Clock;
}

/** The on-call pages: what is paging (or was), and the paged person's acknowledgment. */
export function pageOperations(deps: PageRouteDeps): Record<'listPages' | 'acknowledgePage', Operation> {
  return {
    listPages: operation(
      {
        summary: "Your org's on-call pages, newest first",
        description:
          "An emergency waiting on people pages its department's on-call person at once, again every 5 minutes, the next person in the rotation after 15 minutes unanswered and the property managers after 30, until someone it went to acknowledges. `mine=true`: only the pages that went to your key's person (a key without an `agentId` gets none).",
        query: PageListQuery,
        responses: { 200: { description: 'One page of pages', body: PageList } },
      },
      async (request) => {
        const orgId = orgOf(request);
        const { status, mine, limit, cursor } = request.query;
        if (mine && request.principal?.agentId === undefined)
          return jsonResponse(200, { pages: [] } satisfies PageList);
        const filter = {
          ...(status ? { status } : {}),
          ...(mine ? { agentId: request.principal?.agentId } : {}),
        };
        const found = await pageOf(() =>
          deps.pages.list(orgId, filter, { limit, ...(cursor ? { cursor } : {}) }, deps.clock.now()),
        );
        const answer: PageList = {
          pages: found.pages.map(pageView),
          ...(found.cursor ? { nextCursor: found.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
    acknowledgePage: operation(
      {
        summary: 'Acknowledge a page: you have it, the paging stops',
        description:
          "By the key of a person the page went to (its `agentId` among the page's targets); an admin key is not enough: only the person paged knows they have it. Recorded in the audit trail (`page.acknowledged`).",
        params: PagePath,
        responses: {
          200: { description: 'Acknowledged: the page now', body: PageView },
          403: { description: '`not-paged`: the page did not go to your key’s person' },
          404: { description: 'No such page in your org' },
          409: { description: '`already-acknowledged`: someone it went to has acknowledged it' },
        },
      },
      async (request) => {
        // Who and from where, as every audited operation says it (functions/api/audit-context.ts).
        const { orgId, actor, from } = auditContext(request);
        const outcome = await acknowledgePage(
          deps,
          {
            orgId,
            pageId: request.params.pageId,
            agentId: request.principal?.agentId,
            actor,
            ...(from ? { from } : {}),
          },
          deps.clock.now(),
        );
        switch (outcome.outcome) {
          case 'acknowledged':
            return jsonResponse(200, pageView(outcome.page));
          case 'not_found':
            return problem(404, 'not-found', { instance: request.requestId });
          case 'not_paged':
            return problem(403, 'not-paged', {
              detail: "the page did not go to this key's person: only someone it went to may acknowledge it",
              instance: request.requestId,
            });
          case 'already_acknowledged':
            return problem(409, 'already-acknowledged', {
              detail: 'someone it went to has already acknowledged this page',
              instance: request.requestId,
            });
        }
      },
    ),
  };
}
