import { AuditListQuery, AuditPage } from '#contracts/audit.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';
import type { AuditDeps } from './audit-context.ts';
import { auditLineView } from './audit-view.ts';
import { pageOf } from './listing.ts';

/** The org's audit trail, for admins: who did what, when, from where. */
export function auditOperations(deps: AuditDeps): Record<'listAudit', Operation> {
  return {
    listAudit: operation(
      {
        summary: "Your org's audit trail, newest first",
        description:
          'Every sensitive operation, kept 90 days. `actor` matches the person (`agentId`), the key (`keyId`), a response link (`linkId`) or the vendor it was sent to (`recipient`); filters combine with AND. A page may hold fewer than `limit` lines and still carry `nextCursor`: follow it until it is absent.',
        query: AuditListQuery,
        responses: { 200: { description: 'One page of audit lines', body: AuditPage } },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        const page = await pageOf(() =>
          deps.trail.list(orgOf(request), filter, { limit, ...(cursor ? { cursor } : {}) }, deps.clock.now()),
        );
        const answer: AuditPage = {
          lines: page.records.map(auditLineView),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
  };
}
