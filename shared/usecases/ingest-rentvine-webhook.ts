import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { Clock, EventInbox, WebhookSecrets, WorkQueue } from '#domain/ports.ts';
import { canonicalEventText } from '#domain/rentvine/events.ts';
import { sha256Hex, stableId } from '#platform/security/ids.ts';
import { type SignatureFailure, verifyWebhook } from '#platform/security/webhook-signature.ts';

export const MAX_WEBHOOK_BYTES = 256 * 1024;
/** Headers kept with the delivery for audit; never the signature itself. */
const AUDITED_HEADERS = ['content-type', 'user-agent', 'x-rentvine-timestamp'];

export interface IngestDeps {
  readonly inbox: EventInbox;
  readonly queue: WorkQueue;
  readonly secrets: WebhookSecrets;
  readonly clock: Clock;
}

export interface WebhookDelivery {
  readonly orgId: string;
  readonly body: Buffer;
  readonly headers: (name: string) => string | undefined;
}

export type IngestOutcome =
  | { kind: 'accepted'; eventId: string }
  | { kind: 'duplicate'; eventId: string }
  | { kind: 'too_large' }
  | { kind: 'rejected'; reason: SignatureFailure | 'unknown_org' }
  /** Stored but not handed on: the sender should retry (the retry will not duplicate it). */
  | { kind: 'unavailable'; eventId: string };

export async function ingestRentvineWebhook(
  deps: IngestDeps,
  delivery: WebhookDelivery,
): Promise<IngestOutcome> {
  if (delivery.body.length > MAX_WEBHOOK_BYTES) return { kind: 'too_large' };
  const now = deps.clock.now();
  // Unknown orgs are refused exactly like bad signatures, so the answer reveals nothing.
  const secrets = ORG_ID.test(delivery.orgId) ? await deps.secrets.secretsFor(delivery.orgId) : [];
  const check = verifyWebhook({
    secrets,
    body: delivery.body,
    signature: delivery.headers('x-rentvine-signature'),
    timestamp: delivery.headers('x-rentvine-timestamp'),
    nowSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!check.ok) return { kind: 'rejected', reason: secrets.length === 0 ? 'unknown_org' : check.reason };

  const rawBody = delivery.body.toString('utf8');
  const payload = parseJson(rawBody);
  const eventKey = `sha256:${sha256Hex(payload.ok ? canonicalEventText(payload.value) : rawBody)}`;
  const eventId = stableId('evt', delivery.orgId, eventKey);
  const event: StoredEvent = {
    orgId: delivery.orgId,
    eventId,
    eventKey,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: now.toISOString(),
    rawBody,
    headers: auditedHeaders(delivery.headers),
    // Authentic but unreadable: kept for a human, never coerced, never dropped.
    status: payload.ok ? 'received' : 'unrecognized',
    ...(payload.ok ? {} : { reason: payload.reason }),
  };

  const result = await deps.inbox.store(event);
  // A duplicate is never sent again: if its first send failed, the sweeper re-sends it.
  if (!result.stored) return { kind: 'duplicate', eventId };
  if (event.status !== 'received') return { kind: 'accepted', eventId };
  try {
    await deps.queue.enqueueEvent({ orgId: delivery.orgId, eventId, attempt: 0 });
  } catch {
    return { kind: 'unavailable', eventId };
  }
  return { kind: 'accepted', eventId };
}

/** Unparseable, or nested deeper than any real event (which would exhaust the stack later). */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
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
