import type { AuditActor, AuditEntry } from '#domain/audit/audit-record.ts';
import type { AuditTrail } from '#domain/audit/ports.ts';
import type { Clock } from '#domain/clock.ts';
import { type OperationRequest, orgOf } from '#platform/http/operation.ts';
import { header } from '#platform/http/request.ts';
import { RequestError } from '#platform/http/request-error.ts';
import { count, logger } from '#platform/observability.ts';

/** What an API module needs to audit: the trail and the clock its lines are dated by. */
export interface AuditDeps {
  readonly trail: AuditTrail;
  readonly clock: Clock;
}

/** What an operation says of its change; who and from where come from the request. */
export type AuditLine = Omit<AuditEntry, 'orgId' | 'actor' | 'from'>;

/**
 * Who acted and from where, for an audit entry: the calling key and the person it carries, the
 * source address and user agent API Gateway saw (`requestContext.identity`; the header when the
 * identity lacks it).
 */
export function auditContext(
  request: Pick<OperationRequest, 'principal' | 'event'>,
): Pick<AuditEntry, 'orgId' | 'actor' | 'from'> {
  const principal = request.principal;
  if (!principal) throw new Error('route declared without auth reached an audited operation');
  const actor: AuditActor = {
    kind: 'key',
    keyId: principal.keyId,
    ...(principal.agentId ? { agentId: principal.agentId } : {}),
  };
  const identity = request.event.requestContext?.identity;
  const ip = identity?.sourceIp ?? undefined;
  const userAgent = identity?.userAgent ?? header(request.event, 'user-agent');
  return {
    orgId: orgOf(request),
    actor,
    ...(ip || userAgent ? { from: { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) } } : {}),
  };
}

/**
 * Appends the audit line of a change just made, before the change is answered. The change
 * stands if the line cannot be written, so the request fails loudly rather than answer 2xx
 * unaudited: 503 saying so (ApiServerErrors alarms on it), `AuditWriteFailed` counted and the
 * line logged in full (lines never carry secrets), for an operator to restore.
 */
export async function recordAudit(
  deps: AuditDeps,
  request: Pick<OperationRequest, 'principal' | 'event'>,
  line: AuditLine,
): Promise<void> {
  const entry: AuditEntry = { ...auditContext(request), ...line };
  try {
    await deps.trail.record(entry, deps.clock.now());
  } catch (error) {
    count('AuditWriteFailed');
    logger.error('audit line not written', { error, auditEntry: entry });
    throw new RequestError(
      503,
      'unavailable',
      `the change was made (${line.action}), but its audit line could not be written: do not repeat it; ask an operator`,
    );
  }
}
