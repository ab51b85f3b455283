import { createHmac, randomBytes } from 'node:crypto';
import { type ResponseLinkClaims, SignedResponseLinkClaims } from '#domain/workflow/response-link.ts';
import { matchesAny } from './verification.ts';

/**
 * Response-link tokens: `base64url(JSON claims) + '.' + base64url(HMAC-SHA256(secret, …))`.
 * The HMAC covers the claims' text exactly as sent, so the text is authenticated before it is
 * parsed. Whether the link was already used is the ledger's business (ResponseLinkLedger).
 */

/** Longer tokens are refused before any decoding or HMAC: a link is never near this long. */
export const MAX_RESPONSE_LINK_LENGTH = 2048;
/** Shorter secrets are a configuration error (the deployment generates 64 characters). */
export const MIN_RESPONSE_LINK_SECRET_LENGTH = 32;

/** Keeps these HMACs apart from any other use of the same secret (and from a later version). */
const CONTEXT = 'aictive.response-link.v1.';
/** Claims, a dot, and 32 bytes of HMAC in unpadded base64url. */
const TOKEN_FORMAT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

export type ResponseLinkRefusal = 'malformed' | 'bad_signature' | 'expired';
export type ResponseLinkReading =
  | { readonly ok: true; readonly claims: SignedResponseLinkClaims }
  | { readonly ok: false; readonly reason: ResponseLinkRefusal };

export function issueResponseLink(claims: ResponseLinkClaims, secret: string): string {
  checkSecret(secret);
  // Parsed, so what is signed is exactly what a reader accepts (no extra member, nothing unbounded).
  const signed = SignedResponseLinkClaims.parse({ ...claims, nonce: randomBytes(16).toString('base64url') });
  const payload = Buffer.from(JSON.stringify(signed), 'utf8').toString('base64url');
  const token = `${payload}.${signature(secret, payload)}`;
  if (token.length > MAX_RESPONSE_LINK_LENGTH) throw new Error('response link claims too long');
  return token;
}

/**
 * The claims of a genuine link still in time. `secrets` is the current secret first, then any
 * previous one still honoured (rotation); every one is tried, so timing tells not which matched.
 * A link is valid strictly before its `expiresAt`.
 */
export function readResponseLink(
  token: string,
  secrets: string | readonly string[],
  now: Date,
): ResponseLinkReading {
  if (token.length > MAX_RESPONSE_LINK_LENGTH) return { ok: false, reason: 'malformed' };
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  if (keys.length === 0) throw new Error('no response link secret');
  for (const key of keys) checkSecret(key);
  const match = TOKEN_FORMAT.exec(token);
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
  const [, payload, presented] = match;
  // The signature is compared as text, not decoded: base64url has several spellings of the same
  // bytes, and a second spelling of a used link would be a new token to the ledger.
  const expected = keys.map((key) => Buffer.from(signature(key, payload), 'utf8'));
  if (!matchesAny(Buffer.from(presented, 'utf8'), expected)) return { ok: false, reason: 'bad_signature' };
  const claims = SignedResponseLinkClaims.safeParse(decodeJson(payload));
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= Date.parse(claims.data.expiresAt)) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(CONTEXT).update(payload).digest('base64url');
}

function decodeJson(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function checkSecret(secret: string): void {
  if (secret.length < MIN_RESPONSE_LINK_SECRET_LENGTH)
    throw new Error(`a response link secret must be at least ${MIN_RESPONSE_LINK_SECRET_LENGTH} characters`);
}
