import type { WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { presentedKey } from '#platform/security/api-key.ts';
import { type ApiKeyDeps, storeApiKey } from './create-api-key.ts';

export interface SeedOrgDeps extends ApiKeyDeps {
  readonly webhookSecrets: WebhookSecretsWriter;
}

/** A seeded key is a password someone chose: anything shorter is too easy to guess. */
export const MIN_SEEDED_KEY_LENGTH = 16;
const MAX_SEEDED_KEY_LENGTH = 512;

/** The key asked for was revoked: seeding it again would undo the revocation. */
export class SeededKeyRevokedError extends Error {
  override readonly name = 'SeededKeyRevokedError';
  constructor(readonly keyId: string) {
    super(`the API key ${keyId} was revoked`);
  }
}

/**
 * Gives an org a given API key and webhook signing secret (local runs and tests; in AWS the
 * secret lives in Secrets Manager). The key is hashed with `deps.pepper`, which must be the one
 * the authorizer uses. The org has one seeded key per `name`: seeding another revokes the earlier
 * ones of that name, and a key that was revoked is refused (SeededKeyRevokedError), never brought
 * back. Idempotent: seeding the same values again changes nothing.
 */
export async function seedOrg(
  deps: SeedOrgDeps,
  input: { orgId: string; apiKey: string; webhookSecret: string; scopes: readonly string[]; name: string },
): Promise<{ keyId: string }> {
  const key = input.apiKey.length >= MIN_SEEDED_KEY_LENGTH ? presentedKey(input.apiKey) : undefined;
  if (!key)
    throw new Error(`the API key must be ${MIN_SEEDED_KEY_LENGTH} to ${MAX_SEEDED_KEY_LENGTH} characters`);
  if ((await deps.apiKeys.findByKeyId(key.keyId))?.revokedAt) throw new SeededKeyRevokedError(key.keyId);
  await storeApiKey(deps, { orgId: input.orgId, name: input.name, scopes: input.scopes, ...key });
  const at = deps.clock.now().toISOString();
  for (const earlier of await deps.apiKeys.list(input.orgId)) {
    if (earlier.name === input.name && earlier.keyId !== key.keyId && !earlier.revokedAt)
      await deps.apiKeys.revoke(input.orgId, earlier.keyId, at);
  }
  await deps.webhookSecrets.setSecrets(input.orgId, [input.webhookSecret]);
  return { keyId: key.keyId };
}
