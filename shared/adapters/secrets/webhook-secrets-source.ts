import type { z } from 'zod';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import type { WebhookSecretsConfig } from '#lib/function-config.ts';
import { SecretsManagerWebhookSecrets, TableWebhookSecrets } from './webhook-secrets.ts';

/** Secrets Manager in AWS, the table when local (WEBHOOK_SECRETS_SOURCE). */
export function webhookSecretsFrom(
  config: z.infer<typeof WebhookSecretsConfig>,
  tableName: string,
): WebhookSecrets & WebhookSecretsWriter {
  return config.WEBHOOK_SECRETS_SOURCE === 'secretsmanager'
    ? new SecretsManagerWebhookSecrets(config.WEBHOOK_SECRET_PREFIX)
    : new TableWebhookSecrets(tableName);
}
