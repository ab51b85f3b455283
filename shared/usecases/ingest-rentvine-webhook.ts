import { isUtf8 } from 'node:buffer';
import type { Clock } from '#domain/clock.ts';
import type { EventInbox, WebhookTokenLedger } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import { canonicalEventText } from '#domain/rentvine/event-key.ts';
import { DECOY_SECRETS } from '#platform/security/decoy-secrets.ts';
import { sha256Hex, stableId } from '#platform/security/ids.ts';
import {
  type BodyAuth,
  bodyAuthOf,
  bodyAuthSeconds,
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
  | { kind: 'rejected'; reason: RejectionReason }
  /** Stored but not handed on: accepted all the same, the outbox sweeper queues it. */
  | { kind: 'unavailable'; eventId: string };

type Authentication =
  | { ok: true; scheme: 'rentvine-header' }
  | { ok: true; scheme: 'rentvine-body'; token: string }
  | { ok: false; reason: RejectionReason };

/**
 * `POST /webhooks/rentvine/{orgId}`: the header scheme when X-RentVine-Signature is present,
 * otherwise the body scheme when the payload carries `auth`.
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
  if (!known) return rejected('unknown_sender');
  if (!auth.ok) return rejected(auth.reason);

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
  if (bodyAuth !== 'absent') return authenticateBody(deps, delivery.orgId, bodyAuth, input);

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
  orgId: string,
  auth: BodyAuth,
  input: { secrets: readonly string[]; eventKey: string; nowSeconds: number },
): Promise<Authentication> {
  const check = verifyBodySignature({ secrets: input.secrets, auth, nowSeconds: input.nowSeconds });
  if (!check.ok) return check;
  // Verified, so within the window: the ledger row needs to outlive only the window (plus slack).
  const signedAt = bodyAuthSeconds(auth) ?? input.nowSeconds;
  const expiresAt = new Date((signedAt + 2 * TOLERANCE_SECONDS) * 1000);
  // Claimed before the event is stored, so a token cannot carry two different bodies; the same
  // delivery again (a retry after a 503) passes and the inbox answers it as a duplicate.
  if (!(await deps.tokens.claim(orgId, auth.token, expiresAt, input.eventKey)))
    return { ok: false, reason: 'replayed' };
  return { ok: true, scheme: 'rentvine-body', token: auth.token };
}

function rejected(reason: RejectionReason): IngestOutcome {
  return { kind: 'rejected', reason };
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
