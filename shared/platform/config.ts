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

/** A variable that must be present and not blank (a resource name, a secret id). */
export const nonEmpty = z.string().check(z.trim(), z.minLength(1));

/** Browser origins exactly as the `Origin` header carries them (scheme, host, optional port), comma-separated. */
const ORIGIN_LIST = /^\s*(https?:\/\/[^/\s,]+\s*(,\s*https?:\/\/[^/\s,]+\s*)*)?$/;

/**
 * Bounds of ANTHROPIC_REVIEW_TIMEOUT_MS. The classifier (60 s) may make a triage and a draft call
 * (15 s each, retries included) before the review: 20 s leaves 10 s for the first message's
 * Secrets Manager read, the stores' reads and writes and the breaker journal's, so a slow
 * review is marked missing instead of timing the function out (the batch would be redelivered).
 */
export const REVIEW_TIMEOUT_MS = { default: 20_000, min: 5_000, max: 20_000 } as const;

/** A share from 0 to 1 (a quality floor). */
function share() {
  return z.coerce.number().check(z.minimum(0), z.maximum(1));
}

/**
 * Every setting a function may read, declared once: its variable, schema and default. A function
 * names the ones it reads in lib/topology.ts, which derives its environment and its config
 * schema (lib/function-config.ts) from that.
 */
export const settings = {
  /** The deployment's stage: in resource names and as the `<env>` of issued API keys. */
  STAGE: z._default(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,19}$/)), 'local'),
  /**
   * Browser origins allowed to call the /v1 API; empty or unset means no CORS. lib/aws sets it
   * from the `allowedOrigins` CDK context, so API Gateway's preflight and the responses agree.
   */
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
  /** Requests per minute per API key when the key sets no limit of its own. */
  API_RATE_LIMIT_PER_MINUTE: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)),
    600,
  ),
  /**
   * The sweeper's outbox policy. Each queue's grace is its message lifetime (lib/topology.ts);
   * PENDING_GRACE_SECONDS, when given, caps them all (npm start: its shorter local visibility).
   */
  PENDING_GRACE_SECONDS: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  PENDING_RESEND_LIMIT: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100)),
  ANTHROPIC_BASE_URL: z.optional(z.url()),
  /**
   * Org `demo`'s Rentvine connection when running locally (all three, or none): its API base
   * (`https://{account}.rentvine.com/api/manager`) and key pair. Ignored where the connections
   * come from Secrets Manager; never set them in a deployed stage.
   */
  /**
   * Where the public API is reached (`https://api.example.com`): vendors' and owners' answer links
   * start with it. Unset, a link is its path alone, for whatever delivers the notice to complete.
   */
  PUBLIC_API_URL: z.optional(z.url({ protocol: /^https?$/ })),
  RENTVINE_BASE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  RENTVINE_ACCESS_KEY: z.optional(z.string().check(z.minLength(1))),
  RENTVINE_SECRET: z.optional(z.string().check(z.minLength(1))),
  ANTHROPIC_MODEL: z.optional(z.string().check(z.minLength(1))),
  /**
   * The whole-call budget of Claude's second compliance review (retries included), in ms: longer
   * than the other calls' 15 s, because its thinking is output (docs/CLAUDE-CALLS.md measures it).
   * At most what fits beside a triage and a draft call in the classifier's 60 s.
   */
  ANTHROPIC_REVIEW_TIMEOUT_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(REVIEW_TIMEOUT_MS.min), z.maximum(REVIEW_TIMEOUT_MS.max)),
    REVIEW_TIMEOUT_MS.default,
  ),
  /**
   * The nightly triage evaluation (lib/topology.ts `triage-evaluation`): messages per run at most
   * (its spend), and the platform's quality floors it reports against, as shares from 0 to 1.
   */
  TRIAGE_EVALUATION_MAX_MESSAGES: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)),
  TRIAGE_FLOOR_CATEGORY_ACCURACY: share(),
  TRIAGE_FLOOR_EMERGENCY_RECALL: share(),
  TRIAGE_CEILING_FALSE_EMERGENCIES: share(),
  TRIAGE_FLOOR_INJECTIONS_TO_HUMAN: share(),
};
export type SettingName = keyof typeof settings;

/**
 * How a secret reaches a function (lib/topology.ts declares each): in AWS `id` holds its ARN (or,
 * for a per-org family, the name prefix) and `source` says `secretsmanager`; locally `value`
 * holds the value itself (`source`: `env`), or, for a family without a value variable, the
 * secrets are kept in the table (`source`: `table`). Without `source` the secret is optional.
 */
export interface SecretVariables {
  readonly source?: string;
  readonly id: string;
  readonly value?: string;
  /** Shortest value accepted locally (a short pepper is guessable). */
  readonly minLength?: number;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Field<K extends string, V> = { [P in K]: V };

/** What the config schema of a secret's variables parses to. */
export type SecretConfig<V extends SecretVariables> = V extends {
  source: infer S extends string;
  id: infer I extends string;
}
  ? V extends { value: infer W extends string }
    ? Simplify<Field<S, 'secretsmanager'> & Field<I, string>> | Simplify<Field<S, 'env'> & Field<W, string>>
    : Simplify<Field<S, 'secretsmanager'> & Field<I, string>> | Field<S, 'table'>
  : V extends { id: infer I extends string; value: infer W extends string }
    ? Simplify<Partial<Field<I, string> & Field<W, string>>>
    : Partial<Field<V['id'], string>>;

/** Where a function reads a secret from: the values of a secret's `source` variable. */
export const SECRET_SOURCES = { aws: 'secretsmanager', localValue: 'env', localTable: 'table' } as const;

/** The config schema of a secret's variables: which of them must be set depends on the source. */
export function secretConfig<const V extends SecretVariables>(variables: V): z.ZodMiniType<SecretConfig<V>> {
  const { source, id, value, minLength = 1 } = variables;
  const valueSchema = z.string().check(z.minLength(minLength, `must be at least ${minLength} characters`));
  if (!source) {
    const shape: Record<string, z.ZodMiniType> = { [id]: z.optional(nonEmpty) };
    if (value) shape[value] = z.optional(valueSchema);
    return z.object(shape) as unknown as z.ZodMiniType<SecretConfig<V>>;
  }
  const local = value
    ? z.object({ [source]: z.literal(SECRET_SOURCES.localValue), [value]: valueSchema })
    : z.object({ [source]: z.literal(SECRET_SOURCES.localTable) });
  return z.discriminatedUnion(source, [
    z.object({ [source]: z.literal(SECRET_SOURCES.aws), [id]: nonEmpty }),
    local,
  ]) as unknown as z.ZodMiniType<SecretConfig<V>>;
}

/** The allowed origins alone, for the local gateway that answers preflights as API Gateway does. */
export const CorsConfig = z.object({ CORS_ALLOWED_ORIGINS: settings.CORS_ALLOWED_ORIGINS });
