import type { ApiKeyView } from '#contracts/api-keys.ts';
import type { ApiKeyRecord } from '#domain/access/principal.ts';

/** A key as admins see it: never its secret or a hash of it. */
export function apiKeyView(key: ApiKeyRecord): ApiKeyView {
  return {
    keyId: key.keyId,
    name: key.name,
    scopes: [...key.scopes],
    ...(key.role ? { role: key.role } : {}),
    ...(key.agentId ? { agentId: key.agentId } : {}),
    ...(key.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: key.rateLimitPerMinute } : {}),
    createdAt: key.createdAt,
    ...(key.keyExpiresAt ? { expiresAt: key.keyExpiresAt } : {}),
    ...(key.revokedAt ? { revokedAt: key.revokedAt } : {}),
    ...(key.lastUsedAt ? { lastUsedAt: key.lastUsedAt } : {}),
    ...(key.previousSecretExpiresAt ? { previousSecretValidUntil: key.previousSecretExpiresAt } : {}),
  };
}
