import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { ApiKeyRecord } from '#domain/access/principal.ts';

/** An org's keys, oldest first (the api function shows them without secrets or hashes). */
export async function listApiKeys(
  deps: { readonly apiKeys: ApiKeyStore },
  orgId: string,
): Promise<ApiKeyRecord[]> {
  return deps.apiKeys.list(orgId);
}
