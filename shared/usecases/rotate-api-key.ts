import { isKeyActive } from '#domain/access/key-record.ts';
import { DEFAULT_ROTATION_GRACE_SECONDS } from '#domain/access/key-rotation.ts';
import { formatApiKey, generateApiKeySecret, hashApiKeySecret } from '#platform/security/api-key.ts';
import { grantOfKey, type Issuer, issuerHoldings, refuseBeyondHoldings } from './api-key-issuer.ts';
import type { ApiKeyDeps } from './create-api-key.ts';

/**
 * Gives one of the org's keys a new secret (same key id); the current secret keeps working for
 * `graceSeconds` so clients can switch over. Rotating again within the grace ends the older
 * secret at once: only the secret being replaced gets a grace. Undefined when the org has no such
 * active key (unknown, another org's, revoked, expired), or a concurrent rotation or revocation
 * won the race. A key may rotate only keys holding no more than it does (a new secret of a
 * stronger key would be a stronger key); ApiKeyDelegationError otherwise.
 */
export async function rotateApiKey(
  deps: ApiKeyDeps,
  input: { orgId: string; keyId: string; env: string; graceSeconds?: number; by: Issuer },
): Promise<{ key: string; previousSecretValidUntil: string } | undefined> {
  const current = await deps.apiKeys.findByKeyId(input.keyId);
  const now = deps.clock.now();
  if (!current || current.orgId !== input.orgId || !isKeyActive(current, now)) return undefined;
  refuseBeyondHoldings(input.by, await issuerHoldings(deps, input.orgId, input.by), grantOfKey(current));
  const secret = generateApiKeySecret();
  const graceSeconds = input.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS;
  const previousSecretValidUntil = new Date(now.getTime() + graceSeconds * 1000).toISOString();
  const rotated = await deps.apiKeys.rotate(input.orgId, input.keyId, {
    expectedSecretHash: current.secretHash,
    secretHash: hashApiKeySecret(await deps.pepper.pepper(), secret),
    previousValidUntil: previousSecretValidUntil,
    at: now.toISOString(),
  });
  return rotated
    ? { key: formatApiKey(input.env, input.keyId, secret), previousSecretValidUntil }
    : undefined;
}
