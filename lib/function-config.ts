import * as z from 'zod/mini';
import { nonEmpty, readConfig, type SecretConfig, secretConfig, settings } from '#platform/config.ts';
import {
  type FunctionName,
  type FunctionSpec,
  functionSpec,
  type QueueEnvName,
  queueEnvName,
  queuesSeenBy,
  secrets,
  tables,
  topics,
  topicsOf,
} from './topology.ts';

/**
 * A function's config schema, derived from its topology entry like its environment is
 * (lib/function-environment.ts): a handler reads exactly what the deployers give it, and no
 * second list of what each handler needs is kept anywhere. zod/mini only: every handler reads
 * its config at cold start, the webhook hot path included.
 */

type Secrets = typeof secrets;
type TableEnv<T> = T extends keyof typeof tables ? (typeof tables)[T]['env'] : never;
type TopicEnv<T> = T extends keyof typeof topics ? (typeof topics)[T]['env'] : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type ElementOf<A> = A extends readonly (infer E)[] ? E : never;
type SeenQueues<S> =
  | ElementOf<S extends { sendsTo: infer Q } ? Q : never>
  | ElementOf<S extends { inspectsQueues: infer Q } ? Q : never>;
type SettingsOf<S> = S extends { settings: infer X } ? keyof X & keyof typeof settings : never;
type SecretsOf<S> = ElementOf<S extends { secrets: infer X } ? X : never> & keyof Secrets;

/** What a function's config schema parses to, computed from its declaration. */
export type FunctionConfig<S> = {
  [T in ElementOf<S extends { tables: infer X } ? X : never> as TableEnv<T>]: string;
} & {
  [Q in SeenQueues<S> & string as QueueEnvName<Q>]: string;
} & {
  [T in ElementOf<S extends { publishesTo: infer X } ? X : never> as TopicEnv<T>]: string;
} & { [K in SettingsOf<S>]: z.output<(typeof settings)[K]> } & SecretsConfig<SecretsOf<S>>;

/** Each secret's config is a union of its sources; boxed, so the intersection keeps those unions whole. */
type SecretsConfig<K extends keyof Secrets> = [K] extends [never]
  ? unknown
  : UnionToIntersection<{ [P in K]: { config: SecretConfig<Secrets[P]['variables']> } }[K]> extends {
        config: infer C;
      }
    ? C
    : never;

/** An SNS topic's ARN (fauxqs's locally: the same shape, account 000000000000). */
const topicArn = z.string().check(z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/));

/** The config schema of a function: its tables, queues, topics, settings and secrets. */
export function configSchemaOf(spec: FunctionSpec): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const table of spec.tables) shape[tables[table].env] = nonEmpty;
  for (const queue of queuesSeenBy(spec)) shape[queueEnvName(queue)] = z.url();
  for (const topic of topicsOf(spec)) shape[topics[topic].env] = topicArn;
  for (const name of Object.keys(spec.settings ?? {}) as (keyof typeof settings)[])
    shape[name] = settings[name];
  return spec.secrets.reduce<z.ZodMiniType>(
    (schema, secret) => z.intersection(schema, secretConfig(secrets[secret].variables)),
    z.object(shape),
  );
}

/** Reads and validates a function's configuration at cold start; fails fast on anything missing. */
export function readFunctionConfig<N extends FunctionName>(
  name: N,
  env: NodeJS.ProcessEnv = process.env,
): FunctionConfig<ReturnType<typeof functionSpec<N>>> {
  return readConfig(configSchemaOf(functionSpec(name)), env) as FunctionConfig<
    ReturnType<typeof functionSpec<N>>
  >;
}

/** One secret's config, for the tools that read a secret outside any function (the CLI, `npm start`). */
export function secretConfigOf<K extends keyof Secrets>(
  name: K,
): z.ZodMiniType<SecretConfig<Secrets[K]['variables']>> {
  return secretConfig(secrets[name].variables) as z.ZodMiniType<SecretConfig<Secrets[K]['variables']>>;
}

/** The Anthropic key and its settings, as the classifier and the CLI read them. */
export const AnthropicConfig = z.intersection(
  secretConfigOf('anthropicApiKey'),
  z.object({ ANTHROPIC_MODEL: settings.ANTHROPIC_MODEL, ANTHROPIC_BASE_URL: settings.ANTHROPIC_BASE_URL }),
);
export const ApiKeyPepperConfig = secretConfigOf('apiKeyPepper');
export const WebhookSecretsConfig = secretConfigOf('webhookSigning');
export const ResponseLinkSecretConfig = secretConfigOf('responseLinkSigning');

/** Where the orgs' Rentvine connections are, and org `demo`'s local one (lib/topology.ts `rentvineApi`). */
export const RentvineConnectionConfig = z.intersection(
  secretConfigOf('rentvineApi'),
  z.object({
    RENTVINE_BASE_URL: settings.RENTVINE_BASE_URL,
    RENTVINE_ACCESS_KEY: settings.RENTVINE_ACCESS_KEY,
    RENTVINE_SECRET: settings.RENTVINE_SECRET,
  }),
);
