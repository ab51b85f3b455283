import { inheritedGrant } from '#domain/access/delegation.ts';
import type { ApiKeyRecord } from '#domain/access/key-record.ts';
import type { ApiKeyPepper, ApiKeyStore } from '#domain/access/ports.ts';
import type { Scope } from '#domain/access/principal.ts';
import type { Role } from '#domain/access/roles.ts';
import type { Clock } from '#domain/clock.ts';
import { generateApiKey, hashApiKeySecret } from '#platform/security/api-key.ts';
import { type Issuer, issuerHoldings, refuseBeyondHoldings } from './api-key-issuer.ts';

export interface ApiKeyDeps {
  readonly apiKeys: ApiKeyStore;
  readonly pepper: ApiKeyPepper;
  readonly clock: Clock;
}

export interface ApiKeyGrant {
  readonly orgId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly role?: Role;
  readonly agentId?: string;
  /** ISO time in UTC (`toISOString` form) after which the key is refused. */
  readonly expiresAt?: string;
  readonly rateLimitPerMinute?: number;
}

/** A grant that cannot be issued as asked; `field` names the request member at fault. */
export class ApiKeyGrantError extends Error {
  override readonly name = 'ApiKeyGrantError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Stores a key's record: only the keyed hash of its secret is kept. */
export async function storeApiKey(
  deps: ApiKeyDeps,
  grant: ApiKeyGrant & { keyId: string; secret: string },
): Promise<ApiKeyRecord> {
  const record: ApiKeyRecord = {
    keyId: grant.keyId,
    orgId: grant.orgId,
    name: grant.name,
    scopes: [...grant.scopes],
    ...(grant.role ? { role: grant.role } : {}),
    ...(grant.agentId ? { agentId: grant.agentId } : {}),
    ...(grant.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: grant.rateLimitPerMinute } : {}),
    ...(grant.expiresAt ? { keyExpiresAt: grant.expiresAt } : {}),
    secretHash: hashApiKeySecret(await deps.pepper.pepper(), grant.secret),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.apiKeys.put(record);
  return record;
}

/**
 * Issues a new key for an org; the key itself is returned once and never stored. A key issued by
 * a key holds at most what that key holds, and takes its expiry and limit unless it asks for less.
 */
export async function createApiKey(
  deps: ApiKeyDeps,
  input: ApiKeyGrant & { scopes: readonly Scope[]; env: string; by: Issuer },
): Promise<{ key: string; record: ApiKeyRecord }> {
  if (input.expiresAt && Date.parse(input.expiresAt) <= deps.clock.now().getTime())
    throw new ApiKeyGrantError('expiresAt', 'must be in the future');
  const { env, by, ...requested } = input;
  const held = await issuerHoldings(deps, input.orgId, by);
  const grant = held ? inheritedGrant(held, requested) : requested;
  refuseBeyondHoldings(by, held, grant);
  const generated = generateApiKey(env);
  const record = await storeApiKey(deps, { ...grant, keyId: generated.keyId, secret: generated.secret });
  return { key: generated.key, record };
}
