import type { AuditActor, AuditEntry } from '#domain/audit/audit-record.ts';
import type { AuditTrail } from '#domain/audit/ports.ts';
import type { Clock } from '#domain/clock.ts';
import { type OperationRequest, orgOf, principalOf } from '#platform/http/operation.ts';
import { header } from '#platform/http/request.ts';

/** What an API module needs to audit: the trail and the clock its lines are dated by. */
export interface AuditDeps {
  readonly trail: AuditTrail;
  readonly clock: Clock;
}

/** A request's actor is always its key (and the person it carries). */
type KeyActor = Extract<AuditActor, { kind: 'key' }>;

/** What an operation says of its change; who and from where come from the request. */
export type AuditLine = Omit<AuditEntry, 'orgId' | 'actor' | 'from'>;

/**
 * Who acted and from where, for an audit entry: the calling key and the person it carries, the
 * source address and user agent API Gateway saw (`requestContext.identity`; the header when the
 * identity lacks it).
 */
export function auditContext(
  request: Pick<OperationRequest, 'principal' | 'event'>,
): Pick<AuditEntry, 'orgId' | 'from'> & { readonly actor: KeyActor } {
  const principal = principalOf(request);
  const actor: KeyActor = {
    kind: 'key',
    keyId: principal.keyId,
    ...(principal.agentId ? { agentId: principal.agentId } : {}),
  };
  const from = requestOrigin(request.event);
  return { orgId: orgOf(request), actor, ...(from ? { from } : {}) };
}

/**
 * Where a request came from, for an audit line: the source address and user agent API Gateway
 * saw (`requestContext.identity`; the header when the identity lacks it); undefined when neither
 * is known.
 */
export function requestOrigin(event: OperationRequest['event']): AuditEntry['from'] {
  const identity = event.requestContext?.identity;
  const ip = identity?.sourceIp ?? undefined;
  const userAgent = identity?.userAgent ?? header(event, 'user-agent');
  return ip || userAgent ? { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) } : undefined;
}

/**
 * Appends the audit line of a change just made, before the change is answered. A line that
 * cannot be written throws `AuditWriteFailed` (the trail counts and logs it), which the router
 * answers 503 like every other audited path.
 */
export async function recordAudit(
  deps: AuditDeps,
  request: Pick<OperationRequest, 'principal' | 'event'>,
  line: AuditLine,
): Promise<void> {
  await deps.trail.record({ ...auditContext(request), ...line }, deps.clock.now());
}
