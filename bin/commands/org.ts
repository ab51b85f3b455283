import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { apiKeyPepperFrom, SecretsManagerApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { SecretsManagerWebhookSecrets, TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { MAX_ROTATION_GRACE_SECONDS } from '#contracts/api-keys.ts';
import type { ApiKeyPepper } from '#domain/access/ports.ts';
import type { WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { dataKeyAlias, secretName } from '#lib/aws/names.ts';
import { ApiKeyPepperConfig } from '#lib/function-config.ts';
import { useLocalStack } from '#lib/local/endpoints-file.ts';
import { systemClock } from '#platform/clock.ts';
import { readConfig } from '#platform/config.ts';
import { apiKeyEnvOf } from '#platform/security/api-key.ts';
import { createOrg } from '#usecases/create-org.ts';
import { rotateWebhookSecret } from '#usecases/rotate-webhook-secret.ts';
import { ORG_ID, RENTVINE_ACCOUNT } from '#vocabulary/orgs.ts';
import { UsageError } from './io.ts';
import { stageOutputs } from './stage-outputs.ts';

export interface OrgTarget {
  readonly stage?: string;
  readonly local: boolean;
  /** The API's base URL, when it cannot be found (locally: npm start's PORT and HOST). */
  readonly apiUrl?: string;
}

/** Where an org's records, keys and secrets live: a deployed stage, or the running npm start. */
interface Deployment {
  readonly tableName: string;
  readonly apiUrl: string;
  readonly pepper: ApiKeyPepper;
  readonly webhookSecrets: WebhookSecretsWriter;
  /** The `<env>` of the keys it issues (`ak_<env>_…`). */
  readonly keyEnv: string;
}

/**
 * `aictive org create --org ID --name NAME [--rentvine-account SUB] [--stage S | --local]`: the
 * org's record, its webhook signing secret and its first admin key (both printed once, as one
 * JSON line), and the webhook URL to paste into Rentvine. An existing org is refused (exit 1).
 */
export async function orgCreateCommand(
  options: OrgTarget & { org?: string; name?: string; rentvineAccount?: string },
): Promise<number> {
  const orgId = orgIdOf(options.org);
  const name = options.name?.trim();
  if (!name || name.length > 200)
    throw new UsageError('--name is required: the org as people know it (≤ 200 characters)');
  if (options.rentvineAccount !== undefined && !RENTVINE_ACCOUNT.test(options.rentvineAccount))
    throw new UsageError('--rentvine-account must be the subdomain of <account>.rentvine.com, e.g. acme');
  const deployment = await deploymentOf(options);
  const created = await createOrg(
    {
      orgs: new DynamoOrgStore(deployment.tableName),
      settings: new DynamoOrgSettingsStore(deployment.tableName),
      webhookSecrets: deployment.webhookSecrets,
      apiKeys: new DynamoApiKeyStore(deployment.tableName),
      pepper: deployment.pepper,
      clock: systemClock,
    },
    { orgId, name, rentvineAccount: options.rentvineAccount, env: deployment.keyEnv },
  );
  const webhookUrl = `${deployment.apiUrl}/webhooks/rentvine/${orgId}`;
  process.stdout.write(
    `${JSON.stringify({
      orgId,
      name,
      webhookUrl,
      webhookSecret: created.webhookSecret,
      adminKeyId: created.adminKey.keyId,
      apiKey: created.apiKey,
    })}\n`,
  );
  process.stderr.write(
    'store the API key and the webhook secret now: they are shown only once\n' +
      `paste ${webhookUrl} into Rentvine (Settings → Other → Webhooks), one webhook per event, then add each webhook's signing key with: aictive rentvine signing-key add --org ${orgId}\n`,
  );
  return 0;
}

/**
 * `aictive org rotate-webhook-secret --org ID [--grace-hours N] [--stage S | --local]`: a new
 * signing secret of the org's own (printed once); the one it replaces keeps verifying for the
 * grace (default 24 h, at most 7 days). Keys Rentvine issued are left as they are.
 */
export async function orgRotateWebhookSecretCommand(
  options: OrgTarget & { org?: string; graceHours?: string },
): Promise<number> {
  const orgId = orgIdOf(options.org);
  const graceSeconds = graceSecondsOf(options.graceHours);
  const deployment = await deploymentOf(options);
  const rotated = await rotateWebhookSecret(
    {
      orgs: new DynamoOrgStore(deployment.tableName),
      webhookSecrets: deployment.webhookSecrets,
      clock: systemClock,
    },
    { orgId, graceSeconds },
  );
  process.stdout.write(
    `${JSON.stringify({ orgId, webhookSecret: rotated.secret, previousSecretValidUntil: rotated.previousValidUntil })}\n`,
  );
  process.stderr.write('store the new webhook secret now: it is shown only once\n');
  return 0;
}

function orgIdOf(org: string | undefined): string {
  if (!org || !ORG_ID.test(org)) throw new UsageError('--org is required: lower-case letters, digits and -');
  return org;
}

function graceSecondsOf(hours: string | undefined): number {
  if (hours === undefined) return 24 * 3600;
  const seconds = /^\d{1,3}(\.\d+)?$/.test(hours) ? Math.round(Number(hours) * 3600) : Number.NaN;
  if (!(seconds <= MAX_ROTATION_GRACE_SECONDS))
    throw new UsageError(
      `--grace-hours must be a number of hours from 0 to ${MAX_ROTATION_GRACE_SECONDS / 3600}`,
    );
  return seconds;
}

async function deploymentOf(target: OrgTarget): Promise<Deployment> {
  if (target.local === (target.stage !== undefined))
    throw new UsageError(
      'one of --stage S (a deployed stage) or --local (the running npm start) is required',
    );
  if (target.stage !== undefined) {
    const { stage } = target;
    const outputs = await stageOutputs(stage);
    return {
      tableName: outputs.tableName,
      apiUrl: target.apiUrl ?? outputs.apiUrl,
      pepper: new SecretsManagerApiKeyPepper(secretName(stage, 'apiKeyPepper')),
      webhookSecrets: new SecretsManagerWebhookSecrets(
        secretName(stage, 'webhookSigning'),
        dataKeyAlias(stage),
      ),
      keyEnv: apiKeyEnvOf(stage),
    };
  }
  const local = await useLocalStack();
  return {
    tableName: local.resources.tables.main,
    // The endpoints file does not name the API's address: npm start's own defaults (PORT, HOST).
    apiUrl: target.apiUrl ?? `http://${process.env.HOST || '127.0.0.1'}:${process.env.PORT || '3000'}`,
    pepper: apiKeyPepperFrom(readConfig(ApiKeyPepperConfig)),
    webhookSecrets: new TableWebhookSecrets(local.resources.tables.main),
    keyEnv: 'local',
  };
}
