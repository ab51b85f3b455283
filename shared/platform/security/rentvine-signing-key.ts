import { sha256Hex } from './ids.ts';

/**
 * The shape of the Rentvine webhook signing keys seen (docs/RENTVINE.md, observed twice): 50
 * characters, 32 lower-case letters or digits, a dash, 8, a dash, 8. A key of another shape may be
 * a copying mistake (or our own header-scheme secret); the operator is warned, never refused.
 */
const RENTVINE_SIGNING_KEY = /^[a-z0-9]{32}-[a-z0-9]{8}-[a-z0-9]{8}$/;

export function hasRentvineSigningKeyShape(key: string): boolean {
  return RENTVINE_SIGNING_KEY.test(key);
}

/** What names a key in listings and removals: a prefix of its SHA-256, never the key. */
export function signingKeyFingerprint(key: string): string {
  return sha256Hex(key).slice(0, 12);
}
