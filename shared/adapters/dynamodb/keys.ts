import type { EntityKind } from '#domain/rentvine/event-types.ts';

/**
 * The single-table key design. Every data item is keyed by org first, so no query can cross
 * orgs; API keys are looked up by their (public) key id before the org is known.
 */
export const OUTBOX_SHARDS = 4;
/** The due index's partitions (GSI3): a sweep reads each, so few; more than one, so no single hot partition. */
export const DUE_SHARDS = 4;
/** What the due index holds deadlines of: each family in partitions of its own, read by its own sweep. */
export type DueFamily = 'workflow' | 'queue' | 'page' | 'conversation' | 'shift';

export const keys = {
  org: (orgId: string) => `ORG#${orgId}`,
  event: (orgId: string, eventId: string) => ({ PK: keys.org(orgId), SK: `EVENT#${eventId}` }),
  email: (orgId: string, emailId: string) => ({ PK: keys.org(orgId), SK: `EMAIL#${emailId}` }),
  workflow: (orgId: string, workflowId: string) => ({ PK: keys.org(orgId), SK: `WORKFLOW#${workflowId}` }),
  /** Which workflow follows a subject (`work_order:<id>`, `delinquency:<leaseId>`). */
  workflowSubject: (orgId: string, subject: string) => ({ PK: keys.org(orgId), SK: `FOLLOWS#${subject}` }),
  /** An entity snapshot: `<KIND>#<id>`, e.g. `WORKORDER#5150`, `LEASECHARGE#9`. */
  snapshot: (orgId: string, kind: EntityKind, id: string) => ({
    PK: keys.org(orgId),
    SK: `${kind.replaceAll('_', '').toUpperCase()}#${id}`,
  }),
  webhookSecrets: (orgId: string) => ({ PK: keys.org(orgId), SK: 'WEBHOOK_SECRETS' }),
  orgSettings: (orgId: string) => ({ PK: keys.org(orgId), SK: 'SETTINGS' }),
  /** The org's own record (name, creation), beside its settings. */
  orgRecord: (orgId: string) => ({ PK: keys.org(orgId), SK: 'ORG' }),
  /** Integrations are looked up by their id (in the URL) before the org is known. */
  integration: (integrationId: string) => ({ PK: `INTEGRATION#${integrationId}`, SK: 'INTEGRATION' }),
  apiKey: (keyId: string) => ({ PK: `APIKEY#${keyId}`, SK: 'APIKEY' }),
  /** One counter per API key and rate-limit window; the window's start (epoch seconds) is its id. */
  rateLimitWindow: (keyId: string, windowStartSeconds: number) => ({
    PK: `RATE#${keyId}`,
    SK: `W#${windowStartSeconds}`,
  }),
  /** Per-org listings by time (GSI1). */
  listing: (
    orgId: string,
    kind: 'EVENTS' | 'EMAILS' | 'WORKFLOWS' | 'APIKEYS' | 'INTEGRATIONS',
    at: string,
    id: string,
  ) => ({
    GSI1PK: `${keys.org(orgId)}#${kind}`,
    GSI1SK: `${at}#${id}`,
  }),
  /**
   * The outbox (GSI2, sparse): present while a row owes a queue a message. Sharded so one busy
   * org cannot make the index partition hot; sorted by when the row started waiting.
   */
  outbox: (queue: string, orgId: string, id: string, pendingSince: string) => ({
    GSI2PK: `OUTBOX#${shardOf(id, OUTBOX_SHARDS)}`,
    GSI2SK: `${pendingSince}#${queue}#${orgId}#${id}`,
  }),
  /**
   * The due index (GSI3, sparse): present while an open workflow's waiting step, a queue item, a
   * page or a conversation has a deadline, and an agent with a shift has a next start. Across orgs, per family, sharded by id, sorted by due
   * time, so a sweep reads only what is due.
   */
  due: (orgId: string, id: string, dueAt: string, family: DueFamily = 'workflow') => ({
    GSI3PK: keys.duePartition(shardOf(id, DUE_SHARDS), family),
    GSI3SK: `${dueAt}#${orgId}#${id}`,
  }),
  /** Workflows keep the partitions they were first given (`DUE#<n>`); later families name theirs. */
  duePartition: (shard: number, family: DueFamily = 'workflow') =>
    family === 'workflow' ? `DUE#${shard}` : `DUE#${family.toUpperCase()}#${shard}`,
  /**
   * An approval waiting on a holder, a small item beside the workflow in its org's partition,
   * sorted by due time (`9999` sorts those without one last).
   */
  waitingOn: (orgId: string, holder: string, dueAt: string | undefined, workflowId: string) => ({
    PK: keys.org(orgId),
    SK: `${keys.waitingOnPrefix(holder)}${dueAt ?? '9999'}#${workflowId}`,
  }),
  waitingOnPrefix: (holder: string) => `WAITING#${holder}#`,
  /** One of the org's agents (people), in its partition: `AGENT#` begins them all, so one query lists them. */
  agent: (orgId: string, agentId: string) => ({ PK: keys.org(orgId), SK: `${keys.agentPrefix}${agentId}` }),
  agentPrefix: 'AGENT#',
  /** One line of the org's audit trail, in its partition, sorted by time (`AUDIT#<at>#<random>`). */
  auditLine: (orgId: string, auditId: string) => ({
    PK: keys.org(orgId),
    SK: `${keys.auditPrefix}${auditId}`,
  }),
  auditPrefix: 'AUDIT#',
  /** The item read by the readiness check. */
  health: { PK: 'HEALTH', SK: 'HEALTH' },
  /** The last recorded state of a circuit breaker that lives in one function's memory. */
  circuit: (name: string) => ({ PK: 'CIRCUIT', SK: `CIRCUIT#${name}` }),
} as const;

function shardOf(id: string, shards: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i += 1) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % shards;
}

const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'expiresAt',
  'outboxQueue',
  'outboxMessage',
  'resendCount',
  'pendingKind',
  /** A workflow's: the sort key of its waiting-on item, and what the sweeper wrote when it gave up on its outbox entry. */
  'waitingKey',
  'outboxFailedAt',
  'outboxFailedReason',
] as const;

/** The stored record without the attributes that only exist for indexing. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const record = { ...item };
  for (const name of KEY_ATTRIBUTES) delete record[name];
  return record as T;
}
