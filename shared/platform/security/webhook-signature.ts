import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The Rentvine header scheme: `X-RentVine-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{raw body}")>`
 * with `X-RentVine-Timestamp` in unix seconds. Kept in one place so the algorithm can change with
 * what Rentvine turns out to send (RENTVINE.md).
 */
export const SIGNATURE_HEADER = 'X-RentVine-Signature';
export const TIMESTAMP_HEADER = 'X-RentVine-Timestamp';
export const TOLERANCE_SECONDS = 300;

export type SignatureFailure = 'missing_signature' | 'missing_timestamp' | 'malformed' | 'stale' | 'mismatch';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

function digest(secret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
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
 * Checks a delivery against every active secret (rotation), in constant time per comparison,
 * and always tries them all so timing does not reveal which one matched.
 */
export function verifyWebhook(input: {
  secrets: readonly string[];
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
}): SignatureCheck {
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  if (!input.timestamp) return { ok: false, reason: 'missing_timestamp' };
  const match = SIGNATURE_FORMAT.exec(input.signature.trim());
  if (!match?.[1] || !TIMESTAMP_FORMAT.test(input.timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(input.nowSeconds - Number(input.timestamp)) > TOLERANCE_SECONDS)
    return { ok: false, reason: 'stale' };
  const presented = Buffer.from(match[1], 'hex');
  let matched = false;
  for (const secret of input.secrets) {
    if (timingSafeEqual(presented, digest(secret, input.timestamp, input.body))) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}
