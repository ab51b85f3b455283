import { delegationRefusal, type KeyGrant } from '#domain/access/delegation.ts';
import { type ApiKeyRecord, isKeyActive } from '#domain/access/key-record.ts';
import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { Clock } from '#domain/clock.ts';

/**
 * Who issues or rotates a key: an operator holding the table (the CLI, seeding), or an API key
 * of the org, which may hand on no more than it has (#domain/access/delegation.ts).
 */
export type Issuer = 'operator' | IssuingKey;

export interface IssuingKey {
  readonly keyId: string;
  /** The rate limit of keys without their own: the issuing key's own when it has none. */
  readonly defaultRateLimitPerMinute: number;
}

/** A key asked to hand on more than it has, or no longer active itself; answered 403. */
export class ApiKeyDelegationError extends Error {
  override readonly name = 'ApiKeyDelegationError';
}

/** What a stored key holds, as delegation compares it. */
export function grantOfKey(key: ApiKeyRecord): KeyGrant {
  return {
    scopes: key.scopes,
    ...(key.keyExpiresAt ? { expiresAt: key.keyExpiresAt } : {}),
    ...(key.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: key.rateLimitPerMinute } : {}),
  };
}

/**
 * What the issuer holds, from its stored record read afresh (not the authorizer's cached answer,
 * so a key revoked a moment ago cannot mint another); undefined for an operator, bound by nothing.
 */
export async function issuerHoldings(
  deps: { readonly apiKeys: ApiKeyStore; readonly clock: Clock },
  orgId: string,
  issuer: Issuer,
): Promise<KeyGrant | undefined> {
  if (issuer === 'operator') return undefined;
  const key = await deps.apiKeys.findByKeyId(issuer.keyId);
  if (!key || key.orgId !== orgId || !isKeyActive(key, deps.clock.now()))
    throw new ApiKeyDelegationError('the key making this request is revoked or expired');
  return grantOfKey(key);
}

/** Throws ApiKeyDelegationError, saying what the issuer holds, when it may not hand on `grant`. */
export function refuseBeyondHoldings(issuer: Issuer, held: KeyGrant | undefined, grant: KeyGrant): void {
  if (issuer === 'operator' || !held) return;
  const refusal = delegationRefusal(held, grant, issuer.defaultRateLimitPerMinute);
  if (refusal) throw new ApiKeyDelegationError(refusal.detail);
}
