import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { SecretsManagerWebhookSecrets, TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import { dataKeyAlias, secretName } from '#lib/aws/names.ts';
import { WebhookSecretsConfig } from '#lib/function-config.ts';
import { useLocalStack } from '#lib/local/endpoints-file.ts';
import { readConfig } from '#platform/config.ts';
import { UsageError } from './io.ts';
import { stageTableName } from './stage-outputs.ts';

export interface WhereOptions {
  readonly org?: string;
  readonly stage?: string;
  readonly table?: string;
  readonly local: boolean;
}

/**
 * An org's stores for the `aictive rentvine` commands: the running `npm start` (--local: its table
 * holds the signing keys), a deployed stage (--stage: keys in Secrets Manager
 * `aictive/<stage>/webhook/<orgId>`, the table from its stateful stack's MainTableName output
 * unless --table names another), or, without either, what the environment names as the functions
 * read it (TABLE_NAME, WEBHOOK_SECRETS_SOURCE).
 */
export async function rentvineStores(options: WhereOptions) {
  if (!options.org || !ORG_ID.test(options.org))
    throw new UsageError('--org is required: lower-case letters, digits and -');
  if (options.local && (options.stage || options.table))
    throw new UsageError('--local finds the table itself: drop --stage and --table');
  if (options.local) await useLocalStack();
  const table =
    options.table ?? (options.stage ? await stageTableName(options.stage) : process.env.TABLE_NAME);
  if (!table)
    throw new UsageError(
      '--table (or TABLE_NAME, or --stage S) is required: the main table of the deployment',
    );
  const secrets = options.stage
    ? new SecretsManagerWebhookSecrets(
        secretName(options.stage, 'webhookSigning'),
        dataKeyAlias(options.stage),
      )
    : options.local
      ? new TableWebhookSecrets(table)
      : secretsFromEnvironment(table);
  return {
    orgId: options.org,
    secrets,
    quarantine: new DynamoDeliveryQuarantine(table),
    orgSettings: new DynamoOrgSettingsStore(table),
  };
}

function secretsFromEnvironment(table: string) {
  const config = readConfig(WebhookSecretsConfig);
  return config.WEBHOOK_SECRETS_SOURCE === 'secretsmanager'
    ? new SecretsManagerWebhookSecrets(config.WEBHOOK_SECRET_PREFIX)
    : new TableWebhookSecrets(table);
}
