import {
  acceptedSecretHashes,
  isKeyActive,
  type KeyPrincipal,
  principalOfKey,
} from '#domain/access/key-record.ts';
import type { ApiKeyPepper, ApiKeyStore } from '#domain/access/ports.ts';
import type { Clock } from '#domain/clock.ts';
import { bearerToken, presentedKey, secretMatchesAny } from '#platform/security/api-key.ts';

export interface AuthorizeDeps {
  readonly apiKeys: ApiKeyStore;
  readonly pepper: ApiKeyPepper;
  readonly clock: Clock;
}

/**
 * Resolves an Authorization header to a principal, or nothing (and never says why): malformed,
 * unknown, revoked, expired, or a secret that is neither the current one nor the previous one
 * within its rotation grace.
 */
export async function authorizeApiKey(
  deps: AuthorizeDeps,
  authorization: string | undefined,
): Promise<KeyPrincipal | undefined> {
  const parsed = presentedKey(bearerToken(authorization) ?? '');
  if (!parsed) return undefined;
  const key = await deps.apiKeys.findByKeyId(parsed.keyId);
  const now = deps.clock.now();
  if (!key || !isKeyActive(key, now)) return undefined;
  const pepper = await deps.pepper.pepper();
  return secretMatchesAny(pepper, parsed.secret, acceptedSecretHashes(key, now))
    ? principalOfKey(key)
    : undefined;
}
