import type { Scope } from '#domain/access/principal.ts';
import type { ApiKeyStore, Clock } from '#domain/ports.ts';
import { generateApiKey, hashApiKeySecret } from '#platform/security/api-key.ts';

/** Issues a new key for an org; the key itself is returned once and only its hash is kept. */
export async function createApiKey(
  deps: { apiKeys: ApiKeyStore; clock: Clock },
  input: { orgId: string; name: string; scopes: readonly Scope[]; env: string },
): Promise<{ key: string; keyId: string }> {
  const generated = generateApiKey(input.env);
  await deps.apiKeys.put({
    keyId: generated.keyId,
    orgId: input.orgId,
    name: input.name,
    scopes: [...input.scopes],
    secretHash: hashApiKeySecret(generated.secret),
    createdAt: deps.clock.now().toISOString(),
  });
  return { key: generated.key, keyId: generated.keyId };
}
