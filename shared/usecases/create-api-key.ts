import type { Scope } from '#domain/access/principal.ts';
import type { ApiKeyStore, Clock } from '#domain/ports.ts';
import { generateApiKey, hashApiKeySecret } from '#platform/security/api-key.ts';

export interface ApiKeyDeps {
  readonly apiKeys: ApiKeyStore;
  readonly clock: Clock;
}

export interface ApiKeyGrant {
  readonly orgId: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

/** Stores a key's record: only the hash of its secret is kept. */
export async function storeApiKey(
  deps: ApiKeyDeps,
  grant: ApiKeyGrant & { keyId: string; secret: string },
): Promise<void> {
  await deps.apiKeys.put({
    keyId: grant.keyId,
    orgId: grant.orgId,
    name: grant.name,
    scopes: [...grant.scopes],
    secretHash: hashApiKeySecret(grant.secret),
    createdAt: deps.clock.now().toISOString(),
  });
}

/** Issues a new key for an org; the key itself is returned once and never stored. */
export async function createApiKey(
  deps: ApiKeyDeps,
  input: ApiKeyGrant & { scopes: readonly Scope[]; env: string },
): Promise<{ key: string; keyId: string }> {
  const generated = generateApiKey(input.env);
  await storeApiKey(deps, { ...input, keyId: generated.keyId, secret: generated.secret });
  return { key: generated.key, keyId: generated.keyId };
}
