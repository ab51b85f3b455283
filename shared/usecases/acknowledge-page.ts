import type { AuditActor } from '#domain/audit/audit-record.ts';
import type { AuditTrail } from '#domain/audit/ports.ts';
import type { Page } from '#domain/on-call/page.ts';
import { acknowledgePage as acknowledged } from '#domain/on-call/paging.ts';
import type { PageStore } from '#domain/on-call/ports.ts';

export interface AcknowledgePageDeps {
  readonly pages: PageStore;
  readonly audit: AuditTrail;
}

export interface PageAcknowledgment {
  readonly orgId: string;
  readonly pageId: string;
  /** The person acknowledging: the key's `agentId` (none: not a person, so never one the page went to). */
  readonly agentId: string | undefined;
  readonly actor: AuditActor;
  readonly from?: { readonly ip?: string; readonly userAgent?: string };
}

export type AcknowledgeOutcome =
  | { readonly outcome: 'acknowledged'; readonly page: Page }
  | { readonly outcome: 'not_found' | 'not_paged' | 'already_acknowledged' };

/** A lost race is a sweep round saved in between: read again, a bounded number of times. */
const ATTEMPTS = 5;

/**
 * A person the page went to acknowledges it: the paging stops, and the audit trail records who,
 * when and from where (`page.acknowledged`). Anyone else is refused (`not_paged`, even an admin's
 * key: only the person paged knows they have it); a second acknowledgment is `already_acknowledged`.
 */
export async function acknowledgePage(
  deps: AcknowledgePageDeps,
  request: PageAcknowledgment,
  now: Date,
): Promise<AcknowledgeOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const page = await deps.pages.get(request.orgId, request.pageId, now);
    if (!page) return { outcome: 'not_found' };
    if (request.agentId === undefined) return { outcome: 'not_paged' };
    const ack = acknowledged(page, request.agentId, now);
    if (ack.outcome !== 'acknowledged') return { outcome: ack.outcome };
    if ((await deps.pages.save(ack.page, page.version)) === 'saved') {
      await deps.audit.record(
        {
          orgId: request.orgId,
          action: 'page.acknowledged',
          actor: request.actor,
          target: { kind: 'page', id: request.pageId },
          ...(request.from ? { from: request.from } : {}),
          before: { status: page.status, level: page.current.level },
          after: { status: ack.page.status, ackBy: ack.page.ackBy, ackAt: ack.page.ackAt },
        },
        now,
      );
      return { outcome: 'acknowledged', page: ack.page };
    }
    if (attempt === ATTEMPTS)
      throw new Error(`page ${request.pageId} kept changing under its acknowledgment`);
  }
}
