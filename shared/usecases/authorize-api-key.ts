import { isKeyActive, type Principal } from '#domain/access/principal.ts';
import type { ApiKeyStore, Clock } from '#domain/ports.ts';
import { bearerToken, presentedKey, secretMatches } from '#platform/security/api-key.ts';

export interface AuthorizeDeps {
  readonly apiKeys: ApiKeyStore;
  readonly clock: Clock;
}

/** Resolves an Authorization header to a principal, or nothing (and never says why). */
export async function authorizeApiKey(
  deps: AuthorizeDeps,
  authorization: string | undefined,
): Promise<Principal | undefined> {
  const parsed = presentedKey(bearerToken(authorization) ?? '');
  if (!parsed) return undefined;
  const key = await deps.apiKeys.findByKeyId(parsed.keyId);
  if (!key || !secretMatches(parsed.secret, key.secretHash) || !isKeyActive(key, deps.clock.now()))
    return undefined;
  return { orgId: key.orgId, keyId: key.keyId, scopes: [...key.scopes] };
}
