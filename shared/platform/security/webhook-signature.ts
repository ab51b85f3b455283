import { createHmac } from 'node:crypto';
import { matchesAny, type SignatureCheck, withinTolerance } from './verification.ts';

/**
 * Our own header scheme, for senders other than Rentvine (a relay, our tools, tests): Rentvine
 * signs in the body (rentvine-body-signature.ts) and there is no evidence it sends these headers
 * (docs/RENTVINE.md). `X-RentVine-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{raw body}")>`
 * with `X-RentVine-Timestamp` in unix seconds; the names stay for the senders already using them.
 * An org may allow the timestamp-less form (HMAC over the raw body alone) as an explicit setting.
 */
export const SIGNATURE_HEADER = 'X-RentVine-Signature';
export const TIMESTAMP_HEADER = 'X-RentVine-Timestamp';

function digest(secret: string, timestamp: string | undefined, body: Buffer): Buffer {
  const hmac = createHmac('sha256', secret);
  if (timestamp !== undefined) hmac.update(`${timestamp}.`);
  return hmac.update(body).digest();
}

export function signWebhook(
  secret: string,
  body: Buffer | string,
  timestamp: number,
): { [SIGNATURE_HEADER]: string; [TIMESTAMP_HEADER]: string } {
  const ts = String(timestamp);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    [SIGNATURE_HEADER]: `sha256=${digest(secret, ts, bytes).toString('hex')}`,
    [TIMESTAMP_HEADER]: ts,
  };
}

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

/**
 * Checks a delivery against every active secret (rotation). Without a timestamp it is refused
 * unless the org allows the timestamp-less form: that form can be replayed for ever, so only the
 * event-key dedupe stands between a captured delivery and a second copy.
 */
export function verifyWebhook(input: {
  secrets: readonly string[];
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
  allowTimestampless?: boolean;
}): SignatureCheck {
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  if (!input.timestamp && !input.allowTimestampless) return { ok: false, reason: 'missing_timestamp' };
  const timestamp = input.timestamp || undefined;
  const match = SIGNATURE_FORMAT.exec(input.signature.trim());
  if (!match?.[1] || (timestamp !== undefined && !TIMESTAMP_FORMAT.test(timestamp)))
    return { ok: false, reason: 'malformed' };
  if (timestamp !== undefined && !withinTolerance(Number(timestamp), input.nowSeconds))
    return { ok: false, reason: 'stale' };
  const expected = input.secrets.map((secret) => digest(secret, timestamp, input.body));
  return matchesAny(Buffer.from(match[1], 'hex'), expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
