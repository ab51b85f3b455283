import { isUtf8 } from 'node:buffer';
import type { Clock } from '#domain/clock.ts';
import {
  type DeliveryQuarantine,
  type EventInbox,
  QUARANTINE_POLICY,
  type QuarantinedDelivery,
  type WebhookTokenLedger,
} from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import { canonicalEventText } from '#domain/rentvine/event-key.ts';
import { logger } from '#platform/observability.ts';
import { DECOY_SECRETS } from '#platform/security/decoy-secrets.ts';
import { sha256Hex, stableId } from '#platform/security/ids.ts';
import {
  type BodyAuth,
  bodyAuthOf,
  bodyAuthSeconds,
  bodySignatureAlgorithmNamed,
  verifyBodySignature,
} from '#platform/security/rentvine-body-signature.ts';
import { type RejectionReason, TOLERANCE_SECONDS } from '#platform/security/verification.ts';
import { verifyWebhook } from '#platform/security/webhook-signature.ts';

export const MAX_WEBHOOK_BYTES = 256 * 1024;
/** Headers kept with the delivery for audit; never a signature. */
const AUDITED_HEADERS = [
  'content-type',
  'user-agent',
  'x-rentvine-timestamp',
  'webhook-id',
  'webhook-timestamp',
];

/** What keeping a verified delivery needs, whatever the scheme. */
export interface KeepDeps {
  readonly inbox: EventInbox;
  readonly queue: WorkQueue;
}

export interface IngestDeps extends KeepDeps {
  readonly secrets: WebhookSecrets;
  readonly orgSettings: OrgSettingsStore;
  readonly tokens: WebhookTokenLedger;
  readonly quarantine: DeliveryQuarantine;
  readonly clock: Clock;
}

export interface WebhookDelivery {
  readonly orgId: string;
  readonly body: Buffer;
  readonly headers: (name: string) => string | undefined;
}

export type IngestOutcome =
  /** `recognized` false: authentic but not JSON, kept as `unrecognized` and not queued. */
  | { kind: 'accepted'; eventId: string; recognized: boolean }
  | { kind: 'duplicate'; eventId: string }
  /** `quarantined`: kept for `aictive rentvine identify-signature`, never processed. */
  | { kind: 'rejected'; reason: RejectionReason; quarantined?: true }
  /** Stored but not handed on: accepted all the same, the outbox sweeper queues it. */
  | { kind: 'unavailable'; eventId: string };

type Authentication =
  | { ok: true; scheme: 'rentvine-header' }
  | { ok: true; scheme: 'rentvine-body'; token: string }
  /** `suspect`: a well-formed body-scheme delivery whose signature did not match. */
  | { ok: false; reason: RejectionReason; suspect?: true };

/**
 * Where an unknown org's suspect deliveries go, so they cost the writes a known org's cost. Not an
 * org id (ORG_ID has no `~`), so no org and no command can ever read it; its ring keeps it bounded.
 */
export const DECOY_QUARANTINE_ORG = '~decoy';
/** The quarantine is best effort: its write may not hold up (or change) the 401 longer than this. */
const QUARANTINE_BUDGET_MS = 200;

/**
 * `POST /webhooks/rentvine/{orgId}`: our own header scheme (for senders other than Rentvine) when
 * X-RentVine-Signature is present, otherwise Rentvine's body scheme when the payload carries `auth`.
 */
export async function ingestRentvineWebhook(
  deps: IngestDeps,
  delivery: WebhookDelivery,
): Promise<IngestOutcome> {
  if (delivery.body.length > MAX_WEBHOOK_BYTES) return rejected('too_large');
  const now = deps.clock.now();
  // The id's format is public: one that cannot be an org's is refused before any store is read.
  if (!ORG_ID.test(delivery.orgId)) return rejected('unknown_sender');
  const secrets = await deps.secrets.secretsFor(delivery.orgId);
  const known = secrets.length > 0;

  const payload = parseBody(delivery.body);
  const eventKey = `sha256:${sha256Hex(payload.ok ? canonicalEventText(payload.value) : delivery.body)}`;
  // An unknown org's delivery goes through the same reads and HMACs (against a decoy nobody can
  // sign with) and gets the same 401 as a bad signature: neither answer nor timing reveals the org.
  const auth = await authenticate(deps, delivery, {
    secrets: known ? secrets : DECOY_SECRETS,
    payload,
    eventKey,
    nowSeconds: Math.floor(now.getTime() / 1000),
  });
  const quarantined =
    !auth.ok && auth.suspect === true && delivery.body.length <= QUARANTINE_POLICY.maxBodyBytes
      ? await quarantine(deps, {
          orgId: known ? delivery.orgId : DECOY_QUARANTINE_ORG,
          receivedAt: now.toISOString(),
          body: delivery.body.toString('utf8'),
        })
      : false;
  if (!known) return rejected('unknown_sender');
  if (!auth.ok) return { ...rejected(auth.reason), ...(quarantined ? { quarantined } : {}) };

  const event = verifiedEvent({
    orgId: delivery.orgId,
    eventKey,
    source: 'rentvine',
    scheme: auth.scheme,
    receivedAt: now,
    body: delivery.body,
    payload,
    headers: delivery.headers,
  });
  // Nothing to give back if keeping fails: the token is bound to this event, so the sender's retry
  // of this very delivery passes again.
  return keepDelivery(deps, event);
}

async function authenticate(
  deps: IngestDeps,
  delivery: WebhookDelivery,
  input: { secrets: readonly string[]; payload: ParsedBody; eventKey: string; nowSeconds: number },
): Promise<Authentication> {
  const signature = delivery.headers('x-rentvine-signature');
  const bodyAuth = signature === undefined && input.payload.ok ? bodyAuthOf(input.payload.value) : 'absent';
  if (bodyAuth === 'malformed') return { ok: false, reason: 'malformed' };
  if (bodyAuth !== 'absent') return authenticateBody(deps, delivery, bodyAuth, input);

  const timestamp = delivery.headers('x-rentvine-timestamp');
  // The org's setting is read only for the rare timestamp-less delivery, off the hot path.
  const allowTimestampless =
    signature !== undefined &&
    !timestamp &&
    (await deps.orgSettings.get(delivery.orgId)).allowTimestamplessSignature;
  const check = verifyWebhook({
    secrets: input.secrets,
    body: delivery.body,
    signature,
    timestamp,
    nowSeconds: input.nowSeconds,
    allowTimestampless,
  });
  return check.ok ? { ok: true, scheme: 'rentvine-header' } : check;
}

async function authenticateBody(
  deps: IngestDeps,
  delivery: WebhookDelivery,
  auth: BodyAuth,
  input: { secrets: readonly string[]; eventKey: string; nowSeconds: number },
): Promise<Authentication> {
  const orgId = delivery.orgId;
  // One read, for a known and an unknown org alike (an unknown one reads its absent settings). A
  // stored name this code does not know throws: a misconfigured org must not verify by a default.
  const { bodySignatureAlgorithm } = await deps.orgSettings.get(orgId);
  const check = verifyBodySignature({
    secrets: input.secrets,
    auth,
    body: delivery.body,
    algorithm: bodySignatureAlgorithmNamed(bodySignatureAlgorithm),
    nowSeconds: input.nowSeconds,
  });
  if (!check.ok) return check.reason === 'mismatch' ? { ...check, suspect: true } : check;
  // Verified, so within the window: the ledger row needs to outlive only the window (plus slack).
  const signedAt = bodyAuthSeconds(auth) ?? input.nowSeconds;
  const expiresAt = new Date((signedAt + 2 * TOLERANCE_SECONDS) * 1000);
  // Claimed before the event is stored, so a token cannot carry two different bodies; the same
  // delivery again (a retry after a 503) passes and the inbox answers it as a duplicate.
  if (!(await deps.tokens.claim(orgId, auth.token, expiresAt, input.eventKey)))
    return { ok: false, reason: 'replayed' };
  return { ok: true, scheme: 'rentvine-body', token: auth.token };
}

function rejected(reason: RejectionReason): IngestOutcome & { kind: 'rejected' } {
  return { kind: 'rejected', reason };
}

/**
 * Keeps a suspect delivery, best effort: a failing or slow write changes nothing of the answer.
 * Logs never carry the body (it may hold personal data and is attacker-controlled).
 */
async function quarantine(deps: IngestDeps, suspect: QuarantinedDelivery): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), QUARANTINE_BUDGET_MS);
  });
  const kept = deps.quarantine.keep(suspect).then(
    () => true,
    (error: unknown) => {
      logger.warn('quarantine write failed', { error: error instanceof Error ? error.name : 'unknown' });
      return false;
    },
  );
  try {
    return await Promise.race([kept, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stores a verified delivery before anything is acknowledged, then hands it to the events queue.
 * Throws only when the store fails (nothing was kept: the caller answers 503).
 */
export async function keepDelivery(deps: KeepDeps, event: StoredEvent): Promise<IngestOutcome> {
  const result = await deps.inbox.store(event);
  // A duplicate is never sent again: if its first send failed, the sweeper re-sends it.
  if (!result.stored) return { kind: 'duplicate', eventId: event.eventId };
  if (event.status !== 'received') return { kind: 'accepted', eventId: event.eventId, recognized: false };
  try {
    await deps.queue.enqueueEvent({ orgId: event.orgId, eventId: event.eventId, attempt: 0 });
  } catch {
    return { kind: 'unavailable', eventId: event.eventId };
  }
  return { kind: 'accepted', eventId: event.eventId, recognized: true };
}

/** The inbox row of a verified delivery; authentic but unreadable bodies are kept, never coerced. */
export function verifiedEvent(input: {
  orgId: string;
  eventKey: string;
  source: StoredEvent['source'];
  integrationId?: string;
  scheme: StoredEvent['scheme'];
  receivedAt: Date;
  body: Buffer;
  payload: ParsedBody;
  headers: (name: string) => string | undefined;
}): StoredEvent {
  return {
    orgId: input.orgId,
    eventId: stableId('evt', input.orgId, input.eventKey),
    eventKey: input.eventKey,
    source: input.source,
    ...(input.integrationId ? { integrationId: input.integrationId } : {}),
    scheme: input.scheme,
    receivedAt: input.receivedAt.toISOString(),
    // Kept byte for byte: text when it is UTF-8, base64 otherwise (never a lossy decode).
    ...(isUtf8(input.body)
      ? { rawBody: input.body.toString('utf8') }
      : { rawBody: input.body.toString('base64'), rawBodyEncoding: 'base64' as const }),
    headers: auditedHeaders(input.headers),
    status: input.payload.ok ? 'received' : 'unrecognized',
    ...(input.payload.ok ? {} : { reason: input.payload.reason }),
  };
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

/** The delivered bytes as JSON; bytes that are not UTF-8 are no JSON text (RFC 8259 §8.1). */
export function parseBody(body: Buffer): ParsedBody {
  return isUtf8(body) ? parseJson(body.toString('utf8')) : { ok: false, reason: 'invalid_utf8' };
}

/** Unparseable, or nested deeper than any real event (which would exhaust the stack later). */
function parseJson(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  return depthWithin(value, MAX_JSON_DEPTH) ? { ok: true, value } : { ok: false, reason: 'nested_too_deep' };
}

const MAX_JSON_DEPTH = 64;

function depthWithin(value: unknown, limit: number): boolean {
  // Iterative, so the check itself cannot overflow the stack.
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

function auditedHeaders(headers: (name: string) => string | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of AUDITED_HEADERS) {
    const value = headers(name);
    if (value !== undefined) kept[name] = value.slice(0, 300);
  }
  return kept;
}
