import type { Deployment } from '#lib/function-environment.ts';
import { type SecretName, secrets } from '#lib/topology.ts';
import type { DeploymentConfig } from './deployment-config.ts';
import { secretName } from './names.ts';
import type { PlatformResources } from './platform-resources.ts';

/**
 * This stage's resources as functions' environments refer to them (the tokens CloudFormation
 * resolves at deploy), for functionEnvironment (lib/function-environment.ts), which derives each
 * function's environment as the local runtime does.
 */
export function awsDeployment(config: DeploymentConfig, resources: PlatformResources): Deployment {
  return {
    tables: mapValues(resources.tables, (table) => table.tableName),
    queues: mapValues(resources.queues, (queue) => queue.queue.queueUrl),
    topics: mapValues(resources.topics, (topic) => topic.topicArn),
    secrets: Object.fromEntries(
      (Object.keys(secrets) as SecretName[]).map((name) => [
        name,
        { store: 'secretsmanager', id: resources.secrets[name]?.secretArn ?? secretName(config.stage, name) },
      ]),
    ),
    settings: {
      STAGE: config.stage,
      ...(config.allowedOrigins.length > 0 ? { CORS_ALLOWED_ORIGINS: config.allowedOrigins.join(',') } : {}),
      ...(config.publicApiUrl ? { PUBLIC_API_URL: config.publicApiUrl } : {}),
      ...config.triageEvaluation,
    },
  };
}

function mapValues<V, R>(record: Readonly<Record<string, V>>, map: (value: V) => R): Record<string, R> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
