import { createHash, createHmac, randomBytes } from 'node:crypto';
import { matchesAny } from './verification.ts';

/**
 * API keys look like `ak_<env>_<keyId>_<secret>`: the key id is visible and indexable, the
 * secret (256 random bits) is shown once and stored only as HMAC-SHA256 keyed with a pepper held
 * outside the table. A slow hash adds nothing for 256-bit random secrets.
 */
const KEY_FORMAT = /^ak_([a-z0-9]{1,12})_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
/** The `<env>` segment: a key issued with any other would not parse back (and never authorize). */
export const API_KEY_ENV = /^[a-z0-9]{1,12}$/;

export interface ParsedApiKey {
  readonly env: string;
  readonly keyId: string;
  readonly secret: string;
}

export function parseApiKey(presented: string): ParsedApiKey | undefined {
  const match = KEY_FORMAT.exec(presented);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { env: match[1], keyId: match[2], secret: match[3] };
}

/**
 * The key id and secret of a presented key. Keys not in our format (a developer's own
 * `AICTIVE_DEV_API_KEY`) are opaque: their id is derived from the whole key, which is the secret.
 */
export function presentedKey(presented: string): { keyId: string; secret: string } | undefined {
  if (presented.length === 0 || presented.length > 512) return undefined;
  const parsed = parseApiKey(presented);
  if (parsed) return parsed;
  return {
    keyId: `o${createHash('sha256').update(presented, 'utf8').digest('hex').slice(0, 15)}`,
    secret: presented,
  };
}

export function hashApiKeySecret(pepper: Buffer, secret: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}

/** Constant-time against every stored hash (no early exit: timing tells nothing about which). */
export function secretMatchesAny(
  pepper: Buffer,
  secret: string,
  storedHashesHex: readonly string[],
): boolean {
  const presented = createHmac('sha256', pepper).update(secret, 'utf8').digest();
  return matchesAny(
    presented,
    storedHashesHex.map((hex) => Buffer.from(hex, 'hex')),
  );
}

const KEY_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 256 random bits, base64url (43 characters). */
export function generateApiKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatApiKey(env: string, keyId: string, secret: string): string {
  return `ak_${env}_${keyId}_${secret}`;
}

export function generateApiKey(env: string): { key: string } & ParsedApiKey {
  const keyId = Array.from(randomBytes(16), (b) => KEY_ID_ALPHABET[b % KEY_ID_ALPHABET.length]).join('');
  const secret = generateApiKeySecret();
  return { key: formatApiKey(env, keyId, secret), env, keyId, secret };
}

/** Reads `Authorization: Bearer <key>` (scheme case-insensitive). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** The `<env>` segment of keys issued by a stage: its letters and digits, at most 12. */
export function apiKeyEnvOf(stage: string): string {
  return stage.replace(/[^a-z0-9]/g, '').slice(0, 12) || 'live';
}
