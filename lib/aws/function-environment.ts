import { envNames, type FunctionSpec, type SecretName } from '#lib/topology.ts';
import { secretNames } from './names.ts';
import type { PlatformResources } from './platform-resources.ts';

/**
 * The environment through which a function reaches exactly the resources its topology entry names,
 * under the variable names the topology fixes (the local runtime sets the same ones).
 */
export function environmentFor(
  spec: FunctionSpec,
  stage: string,
  resources: PlatformResources,
): Record<string, string> {
  const environment: Record<string, string> = { ...spec.settings };
  for (const table of spec.tables) environment[envNames.tables[table]] = resources.tables[table].tableName;
  for (const queue of new Set([...spec.sendsTo, ...(spec.inspectsQueues ?? [])])) {
    environment[envNames.queues[queue]] = resources.queues[queue].queue.queueUrl;
  }
  for (const secret of spec.secrets) Object.assign(environment, secretEnvironment(secret, stage, resources));
  return environment;
}

function secretEnvironment(
  secret: SecretName,
  stage: string,
  resources: PlatformResources,
): Record<string, string> {
  switch (secret) {
    case 'anthropicApiKey':
      return { [envNames.secrets.anthropicApiKey]: resources.anthropicApiKey.secretArn };
    case 'apiKeyPepper':
      return {
        [envNames.secrets.apiKeyPepper]: resources.apiKeyPepper.secretArn,
        API_KEY_PEPPER_SOURCE: 'secretsmanager',
      };
    case 'webhookSigning':
      // Per-org secrets are created by operators after deploy, so the function gets the name prefix.
      return {
        [envNames.secrets.webhookSigning]: secretNames(stage).webhookSigningPrefix,
        WEBHOOK_SECRETS_SOURCE: 'secretsmanager',
      };
  }
}
