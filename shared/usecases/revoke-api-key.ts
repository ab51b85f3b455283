import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { Clock } from '#domain/clock.ts';

/**
 * Revokes one of the org's keys; false when the org has no such key. Revoking again succeeds and
 * keeps the first revocation time (DELETE is idempotent). The authorizer refuses the key on its
 * next lookup: at once locally, within the authorizer cache TTL (300 s) in AWS.
 */
export async function revokeApiKey(
  deps: { readonly apiKeys: ApiKeyStore; readonly clock: Clock },
  orgId: string,
  keyId: string,
): Promise<boolean> {
  return deps.apiKeys.revoke(orgId, keyId, deps.clock.now().toISOString());
}
