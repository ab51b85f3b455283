import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { ApiKeyPepperConfig } from '#lib/function-config.ts';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';
import type { HealthCheck, ReadinessCheck } from '#platform/health.ts';
import { CLAUDE_CIRCUIT } from './anthropic/claude-circuit.ts';
import { CircuitJournal } from './dynamodb/circuit-journal.ts';
import { documentClient } from './dynamodb/document-client.ts';
import { keys } from './dynamodb/keys.ts';
import { sqsClient } from './sqs/work-queue.ts';

/** A point read: proves the table exists and this function may read it. */
export function tableCheck(tableName: string): HealthCheck {
  return async (): Promise<undefined> => {
    await documentClient().send(new GetCommand({ TableName: tableName, Key: keys.health }));
  };
}

export function queueCheck(queueUrl: string): HealthCheck {
  return async (): Promise<undefined> => {
    await sqsClient().send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
  };
}

let secretsManager: SecretsManagerClient | undefined;
/** AWS_ENDPOINT_URL_SECRETS_MANAGER redirects it to a stand-in. */
function secretsManagerClient(): SecretsManagerClient {
  secretsManager ??= tracedAwsClient(new SecretsManagerClient({}));
  return secretsManager;
}

/**
 * The API-key pepper exists and has a current value: without it no key can be verified. In
 * Secrets Manager it is described, not read; an environment pepper was validated at cold start.
 */
export function apiKeyPepperCheck(config: z.infer<typeof ApiKeyPepperConfig> | undefined): HealthCheck {
  return async () => {
    if (!config) throw new Error('no API-key pepper configured');
    if (config.API_KEY_PEPPER_SOURCE === 'env') return { status: 'ok', detail: { source: 'env' } };
    const secret = await secretsManagerClient().send(
      new DescribeSecretCommand({ SecretId: config.API_KEY_PEPPER_SECRET_ID }),
    );
    if (secret.DeletedDate) throw new Error('the API-key pepper secret is scheduled for deletion');
    const stages = Object.values(secret.VersionIdsToStages ?? {}).flat();
    if (!stages.includes('AWSCURRENT')) throw new Error('the API-key pepper secret has no current value');
    return { status: 'ok', detail: { source: 'secretsmanager' } };
  };
}

/**
 * The Claude circuit as the classifier last recorded it (its breaker lives in the classifier's
 * memory). Open means classifications are falling back to the rules: reported as failing, but
 * not required, since the rules keep the platform working.
 */
export function claudeCircuitCheck(tableName: string): ReadinessCheck {
  const journal = new CircuitJournal(tableName);
  return {
    required: false,
    run: async () => {
      const record = await journal.read(CLAUDE_CIRCUIT);
      if (!record) return { status: 'ok', detail: { state: 'closed' } };
      const detail = { state: record.state, since: record.changedAt };
      return { status: record.state === 'open' ? 'failing' : 'ok', detail };
    },
  };
}

/** There is no Rentvine API client yet, so there is no circuit to report: said so, not faked. */
export const rentvineCheck: ReadinessCheck = {
  required: false,
  run: async () => ({ status: 'not_configured', detail: { reason: 'no Rentvine API client yet' } }),
};
