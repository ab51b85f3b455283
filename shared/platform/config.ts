import { z } from 'zod';

/** Raised when the environment is missing or has invalid variables; one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once, at cold start, so a misconfigured function fails fast. */
export function readConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return env[name] === undefined ? `${name}: missing` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

const nonEmpty = z.string().trim().min(1);

/** Building blocks; each function composes the ones it needs (see topology for who needs what). */
export const TableConfig = z.object({ TABLE_NAME: nonEmpty });
export const IdempotencyTableConfig = z.object({ IDEMPOTENCY_TABLE_NAME: nonEmpty });
export const EventsQueueConfig = z.object({ EVENTS_QUEUE_URL: z.url() });
export const ClassifyQueueConfig = z.object({ CLASSIFY_QUEUE_URL: z.url() });
export const WorkflowQueueConfig = z.object({ WORKFLOW_QUEUE_URL: z.url() });
export const StageConfig = z.object({
  STAGE: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/)
    .default('local'),
});

export const WebhookSecretsConfig = z.discriminatedUnion('WEBHOOK_SECRETS_SOURCE', [
  z.object({ WEBHOOK_SECRETS_SOURCE: z.literal('secretsmanager'), WEBHOOK_SECRET_PREFIX: nonEmpty }),
  z.object({ WEBHOOK_SECRETS_SOURCE: z.literal('table') }),
]);

/** The sweeper's outbox policy (lib/topology.ts sets it from the queues' lifetimes). */
export const OutboxConfig = z.object({
  PENDING_GRACE_SECONDS: z.coerce.number().int().min(1),
  PENDING_RESEND_LIMIT: z.coerce.number().int().min(0).max(100),
});

export const AnthropicConfig = z.object({
  /** Local/dev: the key itself. In AWS the key lives in Secrets Manager (ANTHROPIC_API_KEY_SECRET_ID). */
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_API_KEY_SECRET_ID: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  ANTHROPIC_MODEL: z.string().min(1).optional(),
});
