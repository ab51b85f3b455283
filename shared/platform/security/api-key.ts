import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `ak_<env>_<keyId>_<secret>`: the key id is visible and indexable, the
 * secret (256 random bits) is shown once and stored only as a SHA-256 digest. A slow hash adds
 * nothing for 256-bit random secrets.
 */
const KEY_FORMAT = /^ak_([a-z0-9]{1,12})_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

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

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHashHex: string): boolean {
  const stored = Buffer.from(storedHashHex, 'hex');
  const presented = createHash('sha256').update(secret, 'utf8').digest();
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

const KEY_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function generateApiKey(env: string): { key: string } & ParsedApiKey {
  const keyId = Array.from(randomBytes(16), (b) => KEY_ID_ALPHABET[b % KEY_ID_ALPHABET.length]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { key: `ak_${env}_${keyId}_${secret}`, env, keyId, secret };
}

/** Reads `Authorization: Bearer <key>` (scheme case-insensitive). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
