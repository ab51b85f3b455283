import type { ApiKeyStore, Clock, WebhookSecretsWriter } from '#domain/ports.ts';
import { hashApiKeySecret, presentedKey } from '#platform/security/api-key.ts';

export interface SeedOrgDeps {
  readonly apiKeys: ApiKeyStore;
  readonly webhookSecrets: WebhookSecretsWriter;
  readonly clock: Clock;
}

/**
 * Gives an org an admin API key and a webhook signing secret (local runs and tests; in AWS the
 * secret lives in Secrets Manager). Idempotent: seeding the same values again changes nothing.
 */
export async function seedOrg(
  deps: SeedOrgDeps,
  input: { orgId: string; apiKey: string; webhookSecret: string; scopes: readonly string[]; name: string },
): Promise<{ keyId: string }> {
  const key = presentedKey(input.apiKey);
  if (!key) throw new Error('the API key must be 1 to 512 characters');
  await deps.apiKeys.put({
    keyId: key.keyId,
    orgId: input.orgId,
    name: input.name,
    scopes: [...input.scopes],
    secretHash: hashApiKeySecret(key.secret),
    createdAt: deps.clock.now().toISOString(),
  });
  await deps.webhookSecrets.setSecrets(input.orgId, [input.webhookSecret]);
  return { keyId: key.keyId };
}
