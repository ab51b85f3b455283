import { en } from 'zod/locales';
import * as z from 'zod/mini';

// zod/mini, not zod: every function reads its configuration at cold start, the webhook hot path
// included, and the full zod would be most of that bundle (bench/ingest.ts). English messages
// as the full zod would give them.
z.config(en());

/** Raised when the environment is missing or has invalid variables; one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once, at cold start, so a misconfigured function fails fast. */
export function readConfig<S extends z.core.$ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.core.output<S> {
  const parsed = z.safeParse(schema, env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return env[name] === undefined ? `${name}: missing` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

const nonEmpty = z.string().check(z.trim(), z.minLength(1));

/**
 * Building blocks; each function spreads the shapes it needs into one z.object (see topology
 * for who needs what).
 */
export const TableConfig = z.object({ TABLE_NAME: nonEmpty });
/** The deployment's stage: in resource names and as the `<env>` of issued API keys. */
export const StageConfig = z.object({
  STAGE: z._default(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,19}$/)), 'local'),
});
export const EventsQueueConfig = z.object({ EVENTS_QUEUE_URL: z.url() });
export const ClassifyQueueConfig = z.object({ CLASSIFY_QUEUE_URL: z.url() });
export const WorkflowQueueConfig = z.object({ WORKFLOW_QUEUE_URL: z.url() });

export const WebhookSecretsConfig = z.discriminatedUnion('WEBHOOK_SECRETS_SOURCE', [
  z.object({ WEBHOOK_SECRETS_SOURCE: z.literal('secretsmanager'), WEBHOOK_SECRET_PREFIX: nonEmpty }),
  z.object({ WEBHOOK_SECRETS_SOURCE: z.literal('table') }),
]);

/**
 * The sweeper's outbox policy. Each queue's grace is its message lifetime in lib/topology.ts;
 * PENDING_GRACE_SECONDS, when set, caps them all (npm start: its shorter local visibility).
 */
export const OutboxConfig = z.object({
  PENDING_GRACE_SECONDS: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  PENDING_RESEND_LIMIT: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100)),
});

export const AnthropicConfig = z.object({
  /** Local/dev: the key itself. In AWS the key lives in Secrets Manager (ANTHROPIC_API_KEY_SECRET_ID). */
  ANTHROPIC_API_KEY: z.optional(z.string().check(z.minLength(1))),
  ANTHROPIC_API_KEY_SECRET_ID: z.optional(z.string().check(z.minLength(1))),
  ANTHROPIC_BASE_URL: z.optional(z.url()),
  ANTHROPIC_MODEL: z.optional(z.string().check(z.minLength(1))),
});

/**
 * The pepper API-key hashes are keyed with: a Secrets Manager secret in AWS, an environment
 * value locally (generated once per data directory by `npm start`).
 */
export const ApiKeyPepperConfig = z.discriminatedUnion('API_KEY_PEPPER_SOURCE', [
  z.object({ API_KEY_PEPPER_SOURCE: z.literal('secretsmanager'), API_KEY_PEPPER_SECRET_ID: nonEmpty }),
  z.object({
    API_KEY_PEPPER_SOURCE: z.literal('env'),
    API_KEY_PEPPER: z.string().check(z.minLength(32, 'must be at least 32 characters')),
  }),
]);

/** Requests per minute per API key when the key sets no limit of its own. */
export const RateLimitConfig = z.object({
  API_RATE_LIMIT_PER_MINUTE: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)),
    600,
  ),
});

/** Browser origins exactly as the `Origin` header carries them (scheme, host, optional port), comma-separated. */
const ORIGIN_LIST = /^\s*(https?:\/\/[^/\s,]+\s*(,\s*https?:\/\/[^/\s,]+\s*)*)?$/;

/**
 * Browser origins allowed to call the /v1 API; empty or unset means no CORS. lib/aws sets it
 * from the `allowedOrigins` CDK context, so API Gateway's preflight and the responses agree.
 */
export const CorsConfig = z.object({
  CORS_ALLOWED_ORIGINS: z.pipe(
    z._default(
      z
        .string()
        .check(z.regex(ORIGIN_LIST, 'expected origins like https://app.example.com,http://localhost:5173')),
      '',
    ),
    z.transform((list: string) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    ),
  ),
});
