import { z } from 'zod';

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

/** Who is calling: resolved by the authorizer from an API key, trusted by the routes. */
export const Principal = z.object({
  orgId: z.string().min(1),
  keyId: z.string().min(1),
  scopes: z.array(z.string()),
});
export type Principal = z.infer<typeof Principal>;

/** `admin` holds every scope of its own org. */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes('admin');
}

export interface ApiKeyRecord {
  readonly keyId: string;
  readonly orgId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly secretHash: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
  readonly keyExpiresAt?: string;
}

export function isKeyActive(key: ApiKeyRecord, now: Date): boolean {
  if (key.revokedAt) return false;
  return !key.keyExpiresAt || Date.parse(key.keyExpiresAt) > now.getTime();
}
