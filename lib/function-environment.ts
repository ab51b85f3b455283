import { SECRET_SOURCES, type SecretVariables, type SettingName } from '#platform/config.ts';
import { METRIC_NAMESPACE } from '#platform/metric-catalogue.ts';
import {
  type FunctionSpec,
  queueEnvName,
  queuesSeenBy,
  secrets,
  tables,
  topics,
  topicsOf,
} from './topology.ts';

/** Where a deployment keeps a secret: in Secrets Manager (its ARN, or a family's name prefix), or locally. */
export type SecretLocation =
  | { readonly store: 'secretsmanager'; readonly id: string }
  /** Locally: the value itself (absent for a secret nobody gave), or nothing for a family kept in the table. */
  | { readonly store: 'local'; readonly value?: string };

/** What one deployment of the topology is made of, as a function's environment refers to it. */
export interface Deployment {
  /** Each table's name. */
  readonly tables: Readonly<Record<string, string>>;
  /** Each queue's URL. */
  readonly queues: Readonly<Record<string, string>>;
  /** Each topic's ARN. */
  readonly topics: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, SecretLocation>>;
  /** The deployment's values of settings (CDK context, the environment of `npm start`). */
  readonly settings: Readonly<Partial<Record<SettingName, string>>>;
}

/**
 * A function's environment, derived from its topology entry alone: its identity (Powertools'
 * service name), its settings, and the names, URLs, ARNs and secret locations of exactly the
 * tables, queues, topics and secrets it is bound to. Both deployers use it (lib/aws, lib/local), so a wiring
 * mistake shows locally as it would in AWS; a handler's config schema is derived from the same
 * entry (lib/function-config.ts).
 */
export function functionEnvironment(spec: FunctionSpec, deployment: Deployment): Record<string, string> {
  const env: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: spec.name,
    POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
  };
  for (const [name, fixed] of Object.entries(spec.settings ?? {})) {
    const value = deployment.settings[name as SettingName] ?? fixed;
    if (typeof value === 'string') env[name] = value;
  }
  for (const table of spec.tables) env[tables[table].env] = resource(deployment.tables, table, spec);
  for (const queue of queuesSeenBy(spec)) env[queueEnvName(queue)] = resource(deployment.queues, queue, spec);
  for (const topic of topicsOf(spec)) env[topics[topic].env] = resource(deployment.topics, topic, spec);
  for (const secret of spec.secrets) {
    Object.assign(
      env,
      secretEnvironment(secrets[secret].variables, resource(deployment.secrets, secret, spec), secret),
    );
  }
  return env;
}

function resource<T>(deployed: Readonly<Record<string, T>>, name: string, spec: FunctionSpec): T {
  const found = deployed[name];
  if (found === undefined) throw new Error(`${spec.name} is bound to ${name}, which this deployment lacks`);
  return found;
}

/** The variables of one secret, as secretConfig (#platform/config.ts) reads them back. */
function secretEnvironment(
  variables: SecretVariables,
  location: SecretLocation,
  name: string,
): Record<string, string> {
  const { source, id, value } = variables;
  const from = (where: string) => (source ? { [source]: where } : {});
  if (location.store === 'secretsmanager') return { [id]: location.id, ...from(SECRET_SOURCES.aws) };
  if (!value) return from(SECRET_SOURCES.localTable);
  if (location.value !== undefined) return { [value]: location.value, ...from(SECRET_SOURCES.localValue) };
  if (source) throw new Error(`the secret ${name} has no local value`);
  return {};
}
