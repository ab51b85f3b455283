import { z } from 'zod';
import { AGENT_ID, RATE_LIMIT_PER_MINUTE, SCOPES } from '#vocabulary/access.ts';
import { roleNamed } from '../roles/registry.ts';
import type { KeyPrincipal } from './key-record.ts';
import { Role } from './roles.ts';

// The stored record, for the api function's mappers to the /v1 contract (functions/api/api-key-view.ts).
export type { ApiKeyRecord } from './key-record.ts';

export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** A key's own requests-per-minute limit. */
export const RateLimitPerMinute = z
  .number()
  .int()
  .min(RATE_LIMIT_PER_MINUTE.min)
  .max(RATE_LIMIT_PER_MINUTE.max);

/** Who is calling (key-record.ts): as the routes validate it from the authorizer's context. */
export const Principal = z.object({
  orgId: z.string().min(1),
  keyId: z.string().min(1),
  scopes: z.array(z.string()),
  role: Role.optional(),
  agentId: z.string().regex(AGENT_ID).optional(),
  rateLimitPerMinute: RateLimitPerMinute.optional(),
}) satisfies z.ZodType<KeyPrincipal>;
export type Principal = z.infer<typeof Principal>;

/** `admin` holds every scope of its own org. */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes('admin');
}

// REST APIs deliver every context value as a string; the local gateway passes them as given.
const FromContext = z.object({
  orgId: z.string(),
  keyId: z.string(),
  scopes: z.string().transform((scopes) => scopes.split(' ').filter(Boolean)),
  // Answers cached from before the roles registry carry older names (key-record.ts maps them).
  role: z
    .string()
    .transform((name) => roleNamed(name) ?? name)
    .optional(),
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
