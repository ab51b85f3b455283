import type { z } from 'zod';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import type { WebhookSecretsConfig } from '#lib/function-config.ts';
import { keys } from '../dynamodb/keys.ts';
import { SecretsManagerWebhookSecrets, TableWebhookSecrets } from './webhook-secrets.ts';

/**
 * The Standard Webhooks secrets (`whsec_…`) of generic integrations, looked up by integration id:
 * in AWS the Secrets Manager secret `<WEBHOOK_SECRET_PREFIX>integration/<integrationId>` (cached,
 * one value or `{"secrets":[...]}` while rotating), locally a row beside the integration. The api
 * function writes them when an integration is registered, rotated or deleted.
 */
export function integrationSecretsFrom(
  config: z.infer<typeof WebhookSecretsConfig>,
  tableName: string,
  /** The key secrets created in Secrets Manager are encrypted with (writers only). */
  kmsKeyId?: string,
): WebhookSecrets & WebhookSecretsWriter {
  return config.WEBHOOK_SECRETS_SOURCE === 'secretsmanager'
    ? new SecretsManagerWebhookSecrets(`${config.WEBHOOK_SECRET_PREFIX}integration/`, kmsKeyId)
    : tableIntegrationSecrets(tableName);
}

export function tableIntegrationSecrets(tableName: string): TableWebhookSecrets {
  return new TableWebhookSecrets(tableName, (integrationId) => ({
    PK: keys.integration(integrationId).PK,
    SK: 'WEBHOOK_SECRETS',
  }));
}
