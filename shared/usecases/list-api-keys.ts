import { type ApiKeyView, apiKeyView } from '#domain/access/api-key-requests.ts';
import type { ApiKeyStore } from '#domain/access/ports.ts';

/** An org's keys as admins see them, oldest first: never a secret or a hash. */
export async function listApiKeys(
  deps: { readonly apiKeys: ApiKeyStore },
  orgId: string,
): Promise<ApiKeyView[]> {
  return (await deps.apiKeys.list(orgId)).map(apiKeyView);
}
