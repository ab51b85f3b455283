import { z } from 'zod';
import { Role } from './roles.ts';

/** What a key may be allowed to do; `admin` holds every scope of its own org. */
export const SCOPES = [
  'emails:read',
  'emails:write',
  'events:read',
  'workflows:read',
  'workflows:write',
  'approvals:write',
  'queue:read',
  'queue:write',
  'properties:read',
  'stats:read',
  'admin',
] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** Bounds of a key's own requests-per-minute limit (absent: the platform default). */
export const RATE_LIMIT_PER_MINUTE = { min: 1, max: 100_000 } as const;
/** The person a people's key belongs to (an id in the org's own directory). */
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** A key's own requests-per-minute limit. */
export const RateLimitPerMinute = z
  .number()
  .int()
  .min(RATE_LIMIT_PER_MINUTE.min)
  .max(RATE_LIMIT_PER_MINUTE.max);

/** Who is calling: resolved by the authorizer from an API key, trusted by the routes. */
export const Principal = z.object({
  orgId: z.string().min(1),
  keyId: z.string().min(1),
  scopes: z.array(z.string()),
  role: Role.optional(),
  agentId: z.string().regex(AGENT_ID).optional(),
  rateLimitPerMinute: RateLimitPerMinute.optional(),
});
export type Principal = z.infer<typeof Principal>;

/** `admin` holds every scope of its own org. */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes('admin');
}

/** An authorizer's context: API Gateway accepts only flat scalar values there. */
export type AuthorizerContext = Record<string, string | number | boolean>;

/** The principal as the authorizer hands it to API Gateway; scopes space-separated. */
export function principalToAuthorizerContext(principal: Principal): AuthorizerContext {
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

// REST APIs deliver every context value as a string; the local gateway passes them as given.
const FromContext = z.object({
  orgId: z.string(),
  keyId: z.string(),
  scopes: z.string().transform((scopes) => scopes.split(' ').filter(Boolean)),
  role: z.string().optional(),
  agentId: z.string().optional(),
  rateLimitPerMinute: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** The principal back from a request's authorizer context; undefined when absent or malformed. */
export function principalFromAuthorizerContext(context: unknown): Principal | undefined {
  const raw = FromContext.safeParse(context);
  if (!raw.success) return undefined;
  const parsed = Principal.safeParse(raw.data);
  return parsed.success ? parsed.data : undefined;
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
  readonly role?: Role;
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
export function principalOfKey(key: ApiKeyRecord): Principal {
  return {
    orgId: key.orgId,
    keyId: key.keyId,
    scopes: [...key.scopes],
    ...(key.role ? { role: key.role } : {}),
    ...(key.agentId ? { agentId: key.agentId } : {}),
    ...(key.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: key.rateLimitPerMinute } : {}),
  };
}
