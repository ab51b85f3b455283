import { z } from 'zod';
import { AGENT_ID, KEY_ID, RATE_LIMIT_PER_MINUTE, ROLE_NAMES, SCOPES } from '#vocabulary/access.ts';
import { IsoDateTime } from './iso-instant.ts';

/** The longest a rotated-out secret may keep working. */
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 60 * 60;

const Scope = z.enum(SCOPES);
const Role = z.enum(ROLE_NAMES);

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
