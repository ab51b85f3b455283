import { Webhook } from 'standardwebhooks';
import { type SignatureCheck, withinTolerance } from './verification.ts';

/**
 * Standard Webhooks (standardwebhooks.com) for generic integrations: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature` (space-separated `v1,<base64>`), `whsec_` secrets,
 * signed text `{id}.{timestamp}.{body}`. The signature itself is checked by the reference
 * implementation (constant-time compare, its own ±5 min window on the system clock); the checks
 * here only sort the failures into reasons and bound what reaches the event key.
 */
export const STANDARD_WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** The id becomes part of the event key: visible ASCII, bounded. */
const MESSAGE_ID_FORMAT = /^[\x21-\x7e]{1,256}$/;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

export type StandardWebhookCheck = { ok: true; messageId: string } | Exclude<SignatureCheck, { ok: true }>;

export function verifyStandardWebhook(input: {
  secrets: readonly string[];
  body: Buffer;
  headers: (name: string) => string | undefined;
  nowSeconds: number;
}): StandardWebhookCheck {
  const id = input.headers('webhook-id');
  const timestamp = input.headers('webhook-timestamp');
  const signature = input.headers('webhook-signature');
  if (!signature || !id) return { ok: false, reason: 'missing_signature' };
  if (!timestamp) return { ok: false, reason: 'missing_timestamp' };
  if (!MESSAGE_ID_FORMAT.test(id) || !TIMESTAMP_FORMAT.test(timestamp))
    return { ok: false, reason: 'malformed' };
  if (!withinTolerance(Number(timestamp), input.nowSeconds)) return { ok: false, reason: 'stale' };
  const headers = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
  let matched = false;
  // Every secret is tried, whatever matched first, so timing does not tell which one is current.
  for (const secret of input.secrets) {
    if (signedWith(secret, input.body, headers)) matched = true;
  }
  return matched ? { ok: true, messageId: id } : { ok: false, reason: 'mismatch' };
}

function signedWith(secret: string, body: Buffer, headers: Record<string, string>): boolean {
  try {
    // jsonParse off: an authentic body that is not JSON is kept as unrecognized, not refused.
    new Webhook(secret).verify(body, headers, { jsonParse: false });
    return true;
  } catch {
    // A mismatch, or a secret that is not valid base64 (which can match nothing).
    return false;
  }
}
