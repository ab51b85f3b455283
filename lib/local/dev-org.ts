import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { systemClock } from '#platform/clock.ts';
import { generateApiKey } from '#platform/security/api-key.ts';
import { seedOrg } from '#usecases/seed-org.ts';

export const DEV_ORG_ID = 'demo';

const DevCredentials = z.object({ apiKey: z.string().min(1), webhookSecret: z.string().min(1) });
type DevCredentials = z.infer<typeof DevCredentials>;

export interface DevOrg extends DevCredentials {
  readonly orgId: string;
  /** Where each value came from, for the start-up banner. */
  readonly apiKeySource: 'env' | 'saved' | 'generated';
  readonly webhookSecretSource: 'env' | 'saved' | 'generated';
}

/**
 * Seeds org `demo` with an admin key and a webhook secret: the developer's own values when set
 * (AICTIVE_DEV_API_KEY, AICTIVE_DEV_WEBHOOK_SECRET), else the ones generated on an earlier run
 * (kept beside the data, git-ignored, owner-only), else new ones.
 */
export async function seedDevOrg(input: {
  tableName: string;
  dataDir?: string;
  apiKey?: string;
  webhookSecret?: string;
}): Promise<DevOrg> {
  const file = input.dataDir ? join(input.dataDir, 'dev-credentials.json') : undefined;
  const saved = file ? await readSaved(file) : undefined;
  const generated: DevCredentials = {
    apiKey: saved?.apiKey ?? generateApiKey('local').key,
    webhookSecret: saved?.webhookSecret ?? randomBytes(32).toString('base64url'),
  };
  const apiKey = input.apiKey ?? generated.apiKey;
  const webhookSecret = input.webhookSecret ?? generated.webhookSecret;
  if (file && !saved && (!input.apiKey || !input.webhookSecret)) await save(file, generated);

  await seedOrg(
    {
      apiKeys: new DynamoApiKeyStore(input.tableName),
      webhookSecrets: new TableWebhookSecrets(input.tableName),
      clock: systemClock,
    },
    { orgId: DEV_ORG_ID, apiKey, webhookSecret, scopes: ['admin'], name: 'demo admin (local)' },
  );
  const sourceOf = (fromEnv: string | undefined): DevOrg['apiKeySource'] =>
    fromEnv ? 'env' : saved ? 'saved' : 'generated';
  return {
    orgId: DEV_ORG_ID,
    apiKey,
    webhookSecret,
    apiKeySource: sourceOf(input.apiKey),
    webhookSecretSource: sourceOf(input.webhookSecret),
  };
}

async function readSaved(file: string): Promise<DevCredentials | undefined> {
  try {
    const parsed = DevCredentials.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function save(file: string, credentials: DevCredentials): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}
