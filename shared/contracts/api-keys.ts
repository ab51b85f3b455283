import { z } from 'zod';
import { IsoDateTime } from './iso-instant.ts';

/*
 * The access vocabulary as the API publishes it. The domain keeps its own (shared/domain/access):
 * requests only compile into the use cases, and views out of the records, while the two agree,
 * and test/unit/contracts/vocabulary.test.ts keeps them equal.
 */

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
/**
 * What the person holding a key does at the company (for routing and approvals; not a permission):
 * the roles registry's names (test/unit/contracts/vocabulary.test.ts keeps the two equal).
 */
export const ROLES = [
  'property_manager',
  'assistant_manager',
  'leasing_manager',
  'accounting_manager',
  'maintenance_supervisor',
  'leasing_agent',
  'accountant',
  'maintenance_tech_lead',
  'maintenance_tech',
  'resident_services_manager',
  'resident_services_rep',
  'admin_assistant',
  'director_of_accounting',
  'director_of_leasing',
  'vice_president_of_operations',
  'internal_controller',
  'leasing_coordinator',
  'president',
] as const;
/** The person a people's key belongs to (an id in the org's own directory). */
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
/** Bounds of a key's own requests-per-minute limit (absent: the platform default). */
export const RATE_LIMIT_PER_MINUTE = { min: 1, max: 100_000 } as const;
/** Key ids as generated (16 lower-case letters and digits); opaque dev keys' derived ids fit too. */
export const KEY_ID = /^[a-z0-9]{16}$/;
/** The longest a rotated-out secret may keep working. */
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 60 * 60;

const Scope = z.enum(SCOPES);
const Role = z.enum(ROLES);

const Timestamp = IsoDateTime.meta({
  description: 'ISO-8601 date-time with its zone',
  example: '2027-01-01T00:00:00Z',
});
const RateLimit = z.number().int().min(RATE_LIMIT_PER_MINUTE.min).max(RATE_LIMIT_PER_MINUTE.max).meta({
  description: 'Requests per minute this key may make; absent: the platform default',
});

export const ApiKeyParams = z.object({ keyId: z.string().regex(KEY_ID) });

/** Strict: a key is always issued for the caller's own org, so an `orgId` member is an error. */
export const CreateApiKeyRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(Scope)
    .min(1)
    .max(SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'each scope at most once'),
  role: Role.optional(),
  agentId: z.string().regex(AGENT_ID).optional().meta({ description: 'The person the key belongs to' }),
  expiresAt: Timestamp.optional(),
  rateLimitPerMinute: RateLimit.optional(),
});
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

/** Optional body: without one the old secret keeps working for the default grace period. */
export const RotateApiKeyRequest = z
  .strictObject({
    graceSeconds: z.number().int().min(0).max(MAX_ROTATION_GRACE_SECONDS).optional().meta({
      description: 'How long the old secret keeps working, in seconds (default 86400: a day)',
    }),
  })
  .optional();

/** A key as admins see it: never its secret or a hash of it. */
export const ApiKeyView = z
  .object({
    keyId: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    role: Role.optional(),
    agentId: z.string().optional(),
    rateLimitPerMinute: z.number().int().optional(),
    createdAt: z.string(),
    expiresAt: z.string().optional(),
    revokedAt: z.string().optional(),
    lastUsedAt: z.string().optional().meta({ description: 'Recorded at most once a minute' }),
    previousSecretValidUntil: z
      .string()
      .optional()
      .meta({ description: 'After a rotation: until when the previous secret is accepted' }),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyList = z.object({ apiKeys: z.array(ApiKeyView) });

/** The answer to a creation: the only time the key itself is shown. */
export const CreatedApiKey = ApiKeyView.pick({
  keyId: true,
  name: true,
  scopes: true,
  role: true,
  agentId: true,
  rateLimitPerMinute: true,
  createdAt: true,
  expiresAt: true,
}).extend({ apiKey: z.string().meta({ description: 'Shown once; store it now' }) });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const RotatedApiKey = z.object({
  keyId: z.string(),
  apiKey: z.string().meta({ description: 'The new key, shown once' }),
  previousSecretValidUntil: z.string(),
});
export type RotatedApiKey = z.infer<typeof RotatedApiKey>;
