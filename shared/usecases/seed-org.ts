import type { WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { presentedKey } from '#platform/security/api-key.ts';
import { type ApiKeyDeps, storeApiKey } from './create-api-key.ts';

export interface SeedOrgDeps extends ApiKeyDeps {
  readonly webhookSecrets: WebhookSecretsWriter;
}

/**
 * Gives an org a given API key and webhook signing secret (local runs and tests; in AWS the
 * secret lives in Secrets Manager). The key is hashed with `deps.pepper`, which must be the one
 * the authorizer uses. Idempotent: seeding the same values again changes nothing.
 */
export async function seedOrg(
  deps: SeedOrgDeps,
  input: { orgId: string; apiKey: string; webhookSecret: string; scopes: readonly string[]; name: string },
): Promise<{ keyId: string }> {
  const key = presentedKey(input.apiKey);
  if (!key) throw new Error('the API key must be 1 to 512 characters');
  await storeApiKey(deps, { orgId: input.orgId, name: input.name, scopes: input.scopes, ...key });
  await deps.webhookSecrets.setSecrets(input.orgId, [input.webhookSecret]);
  return { keyId: key.keyId };
}
