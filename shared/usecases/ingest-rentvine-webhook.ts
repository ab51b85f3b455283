import type { Clock } from '#domain/clock.ts';
import type { EventInbox, WebhookTokenLedger } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import { canonicalEventText } from '#domain/rentvine/event-key.ts';
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
  // Unknown orgs are refused exactly like bad signatures, so the answer reveals nothing.
  const secrets = ORG_ID.test(delivery.orgId) ? await deps.secrets.secretsFor(delivery.orgId) : [];
  if (secrets.length === 0) return rejected('unknown_sender');

  const rawBody = delivery.body.toString('utf8');
  const payload = parseJson(rawBody);
  const auth = await authenticate(deps, delivery, {
    secrets,
    payload,
    nowSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!auth.ok) return rejected(auth.reason);

  const eventKey = `sha256:${sha256Hex(payload.ok ? canonicalEventText(payload.value) : rawBody)}`;
  const event = verifiedEvent({
    orgId: delivery.orgId,
    eventKey,
    source: 'rentvine',
    scheme: auth.scheme,
    receivedAt: now,
    rawBody,
    payload,
    headers: delivery.headers,
  });
  if (auth.scheme === 'rentvine-header') return keepDelivery(deps, event);
  try {
    return await keepDelivery(deps, event);
  } catch (error) {
    // Not stored, so nothing was acknowledged: give the token back so the sender's retry of this
    // very delivery is not refused as a replay. Remaining window: a crash between the claim and
    // the store (or a failed release) leaves the token claimed without an event; that delivery
    // then needs a freshly signed retry (new token), and the same token is refused with 401.
    await deps.tokens.release(delivery.orgId, auth.token).catch(() => undefined);
    throw error;
  }
}

async function authenticate(
  deps: IngestDeps,
  delivery: WebhookDelivery,
  input: { secrets: readonly string[]; payload: ParsedBody; nowSeconds: number },
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
  input: { secrets: readonly string[]; nowSeconds: number },
): Promise<Authentication> {
  const check = verifyBodySignature({ secrets: input.secrets, auth, nowSeconds: input.nowSeconds });
  if (!check.ok) return check;
  // Verified, so within the window: the ledger row needs to outlive only the window (plus slack).
  const signedAt = bodyAuthSeconds(auth) ?? input.nowSeconds;
  const expiresAt = new Date((signedAt + 2 * TOLERANCE_SECONDS) * 1000);
  // Claimed before the event is stored, so two concurrent uses of one token cannot both pass.
  if (!(await deps.tokens.claim(orgId, auth.token, expiresAt))) return { ok: false, reason: 'replayed' };
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
  rawBody: string;
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
    rawBody: input.rawBody,
    headers: auditedHeaders(input.headers),
    status: input.payload.ok ? 'received' : 'unrecognized',
    ...(input.payload.ok ? {} : { reason: input.payload.reason }),
  };
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

/** Unparseable, or nested deeper than any real event (which would exhaust the stack later). */
export function parseJson(text: string): ParsedBody {
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
