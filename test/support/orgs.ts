import { randomBytes } from 'node:crypto';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { apiKeyPepperFrom } from '#adapters/secrets/api-key-pepper.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import type { ApiKeyPepper } from '#domain/access/ports.ts';
import { ApiKeyPepperConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { readConfig } from '#platform/config.ts';
import { generateApiKey } from '#platform/security/api-key.ts';
import { seedOrg } from '#usecases/seed-org.ts';

export interface TestOrg {
  readonly orgId: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
}

/** The pepper the handlers under test hash API keys with (startTestStack puts it in the environment). */
export function environmentPepper(): ApiKeyPepper {
  return apiKeyPepperFrom(readConfig(ApiKeyPepperConfig));
}

/** A fresh org with an API key of the given scopes and a webhook secret (test-only values). */
export async function createTestOrg(
  tableName: string,
  scopes: readonly string[] = ['admin'],
): Promise<TestOrg> {
  const orgId = `org-${randomBytes(4).toString('hex')}`;
  const apiKey = generateApiKey('test').key;
  const webhookSecret = `test-webhook-secret-${randomBytes(8).toString('hex')}`;
  await seedOrg(
    {
      apiKeys: new DynamoApiKeyStore(tableName),
      webhookSecrets: new TableWebhookSecrets(tableName),
      pepper: environmentPepper(),
      clock: systemClock,
    },
    { orgId, apiKey, webhookSecret, scopes, name: 'test key' },
  );
  return { orgId, apiKey, webhookSecret };
}
