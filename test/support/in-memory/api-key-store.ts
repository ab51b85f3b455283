import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { ApiKeyRecord } from '#domain/access/principal.ts';
import { copy } from './rows.ts';

/** Raised like DynamoDB's failed condition when a key id of another org would be overwritten. */
export class KeyOfAnotherOrgError extends Error {
  constructor(keyId: string) {
    super(`key ${keyId} belongs to another org`);
    this.name = 'ConditionalCheckFailedException';
  }
}

/** The in-memory twin of DynamoApiKeyStore (test/integration/contracts proves them alike). */
export class InMemoryApiKeyStore implements ApiKeyStore {
  readonly #keys = new Map<string, ApiKeyRecord>();

  async findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined> {
    const key = this.#keys.get(keyId);
    return key ? copy(key) : undefined;
  }

  async put(key: ApiKeyRecord): Promise<void> {
    const existing = this.#keys.get(key.keyId);
    if (existing && existing.orgId !== key.orgId) throw new KeyOfAnotherOrgError(key.keyId);
    this.#keys.set(key.keyId, copy(key));
  }

  async list(orgId: string): Promise<ApiKeyRecord[]> {
    const position = (key: ApiKeyRecord) => `${key.createdAt}#${key.keyId}`;
    return [...this.#keys.values()]
      .filter((key) => key.orgId === orgId)
      .sort((a, b) => (position(a) < position(b) ? -1 : 1))
      .map(copy);
  }

  async revoke(orgId: string, keyId: string, at: string): Promise<boolean> {
    const key = this.#owned(orgId, keyId);
    if (!key) return false;
    this.#keys.set(keyId, { ...key, revokedAt: key.revokedAt ?? at });
    return true;
  }

  async rotate(
    orgId: string,
    keyId: string,
    rotation: { expectedSecretHash: string; secretHash: string; previousValidUntil: string; at: string },
  ): Promise<boolean> {
    const key = this.#owned(orgId, keyId);
    if (!key || key.revokedAt || key.secretHash !== rotation.expectedSecretHash) return false;
    this.#keys.set(keyId, {
      ...key,
      previousSecretHash: key.secretHash,
      secretHash: rotation.secretHash,
      previousSecretExpiresAt: rotation.previousValidUntil,
      rotatedAt: rotation.at,
    });
    return true;
  }

  async recordUse(keyId: string, at: string, notBefore: string): Promise<boolean> {
    const key = this.#keys.get(keyId);
    if (!key || (key.lastUsedAt !== undefined && key.lastUsedAt >= notBefore)) return false;
    this.#keys.set(keyId, { ...key, lastUsedAt: at });
    return true;
  }

  #owned(orgId: string, keyId: string): ApiKeyRecord | undefined {
    const key = this.#keys.get(keyId);
    return key?.orgId === orgId ? key : undefined;
  }
}
