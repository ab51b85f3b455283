import { createHmac } from 'node:crypto';
import { memberText, withoutMember } from './json-members.ts';
import { matchesAny, type SignatureCheck, withinTolerance } from './verification.ts';

/**
 * The Rentvine body scheme: the payload carries `auth: {signature, token, timestamp}`. Rentvine
 * does not publish what the signature covers (docs/RENTVINE.md), so the readings it could be are
 * named here, in this one replaceable place, and each org's setting `bodySignatureAlgorithm`
 * selects one (unset: the default). Every candidate is HMAC-SHA256 with the webhook's signing key
 * over one message, written as hex or base64:
 * - `timestamp+token`: the timestamp as sent, then the token, nothing between (the default);
 * - `token+timestamp`: the same two the other way round;
 * - `body-without-auth`: the delivered bytes with the top-level `auth` member and the comma that
 *   joined it cut out, everything else exactly as sent (the body cannot sign its own signature);
 * - `data`: the text of the top-level `data` member exactly as sent;
 * - `timestamp.body-without-auth`: the timestamp, a `.`, then the body without `auth`.
 * The two token readings cover neither the body nor the event, so the caller also refuses a token
 * it has seen before (the token ledger).
 */
const MESSAGES = {
  'timestamp+token': (p: Parts) => `${p.timestamp}${p.token}`,
  'token+timestamp': (p: Parts) => `${p.token}${p.timestamp}`,
  'body-without-auth': (p: Parts) => p.bodyWithoutAuth,
  data: (p: Parts) => p.data,
  'timestamp.body-without-auth': (p: Parts) =>
    p.bodyWithoutAuth === undefined ? undefined : `${p.timestamp}.${p.bodyWithoutAuth}`,
} satisfies Record<string, (parts: Parts) => string | undefined>;
type Message = keyof typeof MESSAGES;

const ENCODINGS = ['hex', 'base64'] as const;
type Encoding = (typeof ENCODINGS)[number];

export const BODY_SIGNATURE_ALGORITHMS = (Object.keys(MESSAGES) as Message[]).flatMap((message) =>
  ENCODINGS.map((encoding) => `${message}:${encoding}` as const),
);
export type BodySignatureAlgorithm = `${Message}:${Encoding}`;

/** `hex(HMAC-SHA256(key, timestamp + token))`: a guess, until an operator settles an org's reading. */
export const DEFAULT_BODY_SIGNATURE_ALGORITHM: BodySignatureAlgorithm = 'timestamp+token:hex';

/** A stored algorithm name this code does not know: a configuration error, never a silent default. */
export class UnknownBodySignatureAlgorithmError extends Error {
  override readonly name = 'UnknownBodySignatureAlgorithmError';
  constructor(readonly algorithm: string) {
    super(`unknown body signature algorithm "${algorithm}" (known: ${BODY_SIGNATURE_ALGORITHMS.join(', ')})`);
  }
}

export function isBodySignatureAlgorithm(name: string): name is BodySignatureAlgorithm {
  return (BODY_SIGNATURE_ALGORITHMS as readonly string[]).includes(name);
}

/** The org's stored choice as an algorithm: unset is the default, an unknown name throws. */
export function bodySignatureAlgorithmNamed(name: string | undefined): BodySignatureAlgorithm {
  if (name === undefined) return DEFAULT_BODY_SIGNATURE_ALGORITHM;
  if (!isBodySignatureAlgorithm(name)) throw new UnknownBodySignatureAlgorithmError(name);
  return name;
}

export interface BodyAuth {
  readonly signature: string;
  /** As the sender wrote it (the signed text), unix seconds or milliseconds. */
  readonly timestamp: string;
  readonly token: string;
}

/** What a signature can cover: the auth block and the delivered bytes. */
export interface SignedDelivery {
  readonly auth: Pick<BodyAuth, 'timestamp' | 'token'>;
  readonly body: Buffer;
}

/** What the candidates are made of, cut from the delivery once. */
interface Parts {
  readonly timestamp: string;
  readonly token: string;
  readonly bodyWithoutAuth: string | undefined;
  readonly data: string | undefined;
}

/** Every candidate's message for one delivery (undefined where the body lacks what it covers). */
function messagesOf(delivery: SignedDelivery): Record<Message, Buffer | undefined> {
  const body = delivery.body.toString('utf8');
  const parts: Parts = {
    ...delivery.auth,
    bodyWithoutAuth: withoutMember(body, 'auth'),
    data: memberText(body, 'data'),
  };
  const all = {} as Record<Message, Buffer | undefined>;
  for (const message of Object.keys(MESSAGES) as Message[]) {
    const text = MESSAGES[message](parts);
    all[message] = text === undefined ? undefined : Buffer.from(text, 'utf8');
  }
  return all;
}

function split(algorithm: BodySignatureAlgorithm): [Message, Encoding] {
  return algorithm.split(':') as [Message, Encoding];
}

/**
 * The digest of every candidate message for one secret. Verification computes all of them whatever
 * the org chose, so its cost (and timing) says neither which reading an org uses nor whether the
 * org exists (an unknown org is checked against the decoy secret the same way).
 */
function digests(
  secret: string,
  messages: Record<Message, Buffer | undefined>,
): Record<Message, Buffer | undefined> {
  const all = {} as Record<Message, Buffer | undefined>;
  for (const message of Object.keys(MESSAGES) as Message[]) {
    const signed = messages[message];
    all[message] = signed && createHmac('sha256', secret).update(signed).digest();
  }
  return all;
}

/** The signature a sender using `algorithm` puts in `auth`; undefined when the body lacks what it signs. */
export function bodySignature(
  secret: string,
  algorithm: BodySignatureAlgorithm,
  delivery: SignedDelivery,
): string | undefined {
  const [message, encoding] = split(algorithm);
  const signed = messagesOf(delivery)[message];
  return signed && createHmac('sha256', secret).update(signed).digest(encoding);
}

/**
 * A payload as a sender using `algorithm` would deliver it: `auth` appended last, and signed over
 * the serialised text, so the body-covering candidates sign exactly the bytes that are sent.
 */
export function signedBody(
  secret: string,
  algorithm: BodySignatureAlgorithm,
  payload: Record<string, unknown>,
  stamp: { timestamp: number | string; token: string },
): string {
  const { auth: _auth, ...unsigned } = payload;
  const timestamp = String(stamp.timestamp);
  // Signed as it will be read: the sent text with its `auth` member cut out.
  const body = Buffer.from(JSON.stringify({ ...unsigned, auth: {} }));
  const signature = bodySignature(secret, algorithm, { auth: { timestamp, token: stamp.token }, body });
  return JSON.stringify({ ...unsigned, auth: { signature, token: stamp.token, timestamp: stamp.timestamp } });
}

/** A hex digest, or a base64 (or base64url) one, of 32 bytes: what any candidate writes. */
const SIGNATURE_FORMAT = /^(?:[0-9a-f]{64}|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43})$/i;
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const TIMESTAMP_FORMAT = /^\d{1,13}$/;
const MAX_TOKEN_LENGTH = 512;
/** 1e11 seconds is the year 5138: a timestamp this large can only be milliseconds. */
const MILLISECONDS_FROM = 1e11;

/** The presented signature's bytes as `encoding` reads them; empty when it is not written that way. */
function presented(signature: string, encoding: Encoding): Buffer {
  if (encoding === 'hex') return HEX_DIGEST.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return HEX_DIGEST.test(signature) ? Buffer.alloc(0) : Buffer.from(signature, 'base64');
}

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

/** Whether the auth block has the shape of a signed delivery (signature, token and timestamp). */
export function isWellFormed(auth: BodyAuth): boolean {
  return (
    bodyAuthSeconds(auth) !== undefined &&
    SIGNATURE_FORMAT.test(auth.signature) &&
    auth.token.length > 0 &&
    auth.token.length <= MAX_TOKEN_LENGTH
  );
}

/** Signature under the org's reading against every active secret (rotation), in the ±300 s window. */
export function verifyBodySignature(input: {
  secrets: readonly string[];
  auth: BodyAuth;
  body: Buffer;
  algorithm: BodySignatureAlgorithm;
  nowSeconds: number;
}): SignatureCheck {
  const { auth } = input;
  if (!isWellFormed(auth)) return { ok: false, reason: 'malformed' };
  if (!withinTolerance(bodyAuthSeconds(auth) as number, input.nowSeconds))
    return { ok: false, reason: 'stale' };
  const [message, encoding] = split(input.algorithm);
  const messages = messagesOf({ auth, body: input.body });
  const expected = input.secrets
    .map((secret) => digests(secret, messages)[message])
    .filter((digest): digest is Buffer => digest !== undefined);
  return matchesAny(presented(auth.signature, encoding), expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}

/**
 * Every candidate under which one of `secrets` produced this delivery's signature, whenever it was
 * signed: it identifies a reading, it accepts nothing.
 */
export function matchingBodySignatureAlgorithms(
  secrets: readonly string[],
  delivery: { auth: BodyAuth; body: Buffer },
): BodySignatureAlgorithm[] {
  if (!isWellFormed(delivery.auth)) return [];
  const messages = messagesOf(delivery);
  const perSecret = secrets.map((secret) => digests(secret, messages));
  return BODY_SIGNATURE_ALGORITHMS.filter((algorithm) => {
    const [message, encoding] = split(algorithm);
    const expected = perSecret.map((all) => all[message]).filter((d): d is Buffer => d !== undefined);
    return matchesAny(presented(delivery.auth.signature, encoding), expected);
  });
}
