import type { RoleName } from '#vocabulary/access.ts';

/**
 * API keys as stored, and the principal they make, as the authorizer needs them: plain types
 * and functions with no schema library, so the authorizer (cold on the first API call of every
 * new instance) loads none. The schemas the routes validate with are in principal.ts.
 */

/** Who is calling: resolved by the authorizer from an API key, trusted by the routes. */
export interface KeyPrincipal {
  readonly orgId: string;
  readonly keyId: string;
  readonly scopes: string[];
  readonly role?: RoleName;
  readonly agentId?: string;
  readonly rateLimitPerMinute?: number;
}

/**
 * A stored API key. Only keyed hashes of secrets are kept. During a rotation the previous
 * secret's hash stays valid until `previousSecretExpiresAt`.
 */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly orgId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly role?: RoleName;
  readonly agentId?: string;
  readonly rateLimitPerMinute?: number;
  readonly secretHash: string;
  readonly createdAt: string;
  readonly keyExpiresAt?: string;
  readonly revokedAt?: string;
  readonly lastUsedAt?: string;
  readonly rotatedAt?: string;
  readonly previousSecretHash?: string;
  readonly previousSecretExpiresAt?: string;
}

export function isKeyActive(key: ApiKeyRecord, now: Date): boolean {
  if (key.revokedAt) return false;
  return !key.keyExpiresAt || Date.parse(key.keyExpiresAt) > now.getTime();
}

/** The hashes a presented secret may match now: the current one, and the previous during its grace. */
export function acceptedSecretHashes(key: ApiKeyRecord, now: Date): string[] {
  const { secretHash, previousSecretHash, previousSecretExpiresAt } = key;
  if (previousSecretHash && previousSecretExpiresAt && Date.parse(previousSecretExpiresAt) > now.getTime())
    return [secretHash, previousSecretHash];
  return [secretHash];
}

/** What a key lets its holder be: the parts of the record the routes act on. */
export function principalOfKey(key: ApiKeyRecord): KeyPrincipal {
  return {
    orgId: key.orgId,
    keyId: key.keyId,
    scopes: [...key.scopes],
    ...(key.role ? { role: key.role } : {}),
    ...(key.agentId ? { agentId: key.agentId } : {}),
    ...(key.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: key.rateLimitPerMinute } : {}),
  };
}

/** An authorizer's context: API Gateway accepts only flat scalar values there. */
export type AuthorizerContext = Record<string, string | number | boolean>;

/** The principal as the authorizer hands it to API Gateway; scopes space-separated. */
export function principalToAuthorizerContext(principal: KeyPrincipal): AuthorizerContext {
  const context: AuthorizerContext = {
    orgId: principal.orgId,
    keyId: principal.keyId,
    scopes: principal.scopes.join(' '),
  };
  if (principal.role) context.role = principal.role;
  if (principal.agentId) context.agentId = principal.agentId;
  if (principal.rateLimitPerMinute !== undefined) context.rateLimitPerMinute = principal.rateLimitPerMinute;
  return context;
}
