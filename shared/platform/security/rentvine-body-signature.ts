import { createHmac } from 'node:crypto';
import { matchesAny, type SignatureCheck, withinTolerance } from './verification.ts';

/**
 * The Rentvine body scheme: the payload carries `auth: {signature, token, timestamp}`.
 * Rentvine does not document the algorithm (docs/RENTVINE.md: assumed); this is the one place to
 * change when it turns out to be otherwise. The signature covers neither the body nor the event,
 * so the caller must also refuse a token it has seen before (see the token ledger).
 */
export function bodySignatureDigest(secret: string, timestamp: string, token: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}${token}`).digest();
}

export interface BodyAuth {
  readonly signature: string;
  /** As the sender wrote it (the signed text), unix seconds or milliseconds. */
  readonly timestamp: string;
  readonly token: string;
}

const SIGNATURE_FORMAT = /^[0-9a-f]{64}$/i;
const TIMESTAMP_FORMAT = /^\d{1,13}$/;
const MAX_TOKEN_LENGTH = 512;
/** 1e11 seconds is the year 5138: a timestamp this large can only be milliseconds. */
const MILLISECONDS_FROM = 1e11;

/** The `auth` member of a parsed payload: absent, or present with fields of the wrong shape. */
export function bodyAuthOf(payload: unknown): BodyAuth | 'absent' | 'malformed' {
  if (!payload || typeof payload !== 'object' || !('auth' in payload)) return 'absent';
  const auth = (payload as { auth: unknown }).auth;
  if (!auth || typeof auth !== 'object') return 'malformed';
  const { signature, token, timestamp } = auth as Record<string, unknown>;
  if (typeof signature !== 'string' || typeof token !== 'string') return 'malformed';
  if (typeof timestamp !== 'string' && !Number.isSafeInteger(timestamp)) return 'malformed';
  return { signature, token, timestamp: String(timestamp) };
}

/** The signing time in unix seconds; undefined when the timestamp is not a plain integer. */
export function bodyAuthSeconds(auth: BodyAuth): number | undefined {
  if (!TIMESTAMP_FORMAT.test(auth.timestamp)) return undefined;
  const value = Number(auth.timestamp);
  return value >= MILLISECONDS_FROM ? Math.floor(value / 1000) : value;
}

/** Signature against every active secret (rotation) and the ±300 s window. */
export function verifyBodySignature(input: {
  secrets: readonly string[];
  auth: BodyAuth;
  nowSeconds: number;
}): SignatureCheck {
  const { auth } = input;
  const seconds = bodyAuthSeconds(auth);
  if (
    seconds === undefined ||
    !SIGNATURE_FORMAT.test(auth.signature) ||
    auth.token.length === 0 ||
    auth.token.length > MAX_TOKEN_LENGTH
  )
    return { ok: false, reason: 'malformed' };
  if (!withinTolerance(seconds, input.nowSeconds)) return { ok: false, reason: 'stale' };
  const expected = input.secrets.map((secret) => bodySignatureDigest(secret, auth.timestamp, auth.token));
  return matchesAny(Buffer.from(auth.signature, 'hex'), expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
