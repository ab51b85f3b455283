/** Ports of API-key access. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { ApiKeyRecord } from './key-record.ts';

/**
 * API keys. Keys are found by their public id before the org is known (the authorizer); every
 * other change is conditional on the org, so another org's key behaves as a missing one.
 */
export interface ApiKeyStore {
  findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Never overwrites a key id of another org. */
  put(key: ApiKeyRecord): Promise<void>;
  /** The org's keys, oldest first, revoked ones included. */
  list(orgId: string): Promise<ApiKeyRecord[]>;
  /** Marks the org's key revoked (the first revocation time stays); false when it has no such key. */
  revoke(orgId: string, keyId: string, at: string): Promise<boolean>;
  /**
   * Makes `secretHash` the key's secret and keeps the current one valid until `previousValidUntil`.
   * Only if the key is the org's, not revoked, and its secret is still `expectedSecretHash` (two
   * concurrent rotations cannot both win); false otherwise.
   */
  rotate(
    orgId: string,
    keyId: string,
    rotation: { expectedSecretHash: string; secretHash: string; previousValidUntil: string; at: string },
  ): Promise<boolean>;
  /** Sets `lastUsedAt` unless a use at or after `notBefore` is recorded; false when it did not. */
  recordUse(keyId: string, at: string, notBefore: string): Promise<boolean>;
}

/** The secret API-key hashes are keyed with (HMAC): without it a stolen table yields no keys. */
export interface ApiKeyPepper {
  pepper(): Promise<Buffer>;
}
