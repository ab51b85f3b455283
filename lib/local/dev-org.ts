import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { tableIntegrationSecrets } from '#adapters/secrets/integration-secrets.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import type { ApiKeyPepper } from '#domain/access/ports.ts';
import { systemClock } from '#platform/clock.ts';
import { generateApiKey } from '#platform/security/api-key.ts';
import { SeededKeyRevokedError, seedOrg } from '#usecases/seed-org.ts';
import { PRIVATE_DIR_MODE } from './data-dir.ts';

export const DEV_ORG_ID = 'demo';
/** The Standard Webhooks integration seeded when AICTIVE_DEV_INTEGRATION_SECRET is set. */
export const DEV_INTEGRATION_ID = 'demo-forms';
/** The dev key's name: seeding a new dev key revokes the org's earlier keys of this name. */
const DEV_KEY_NAME = 'demo admin (local)';

const DevCredentials = z.object({ apiKey: z.string().min(1), webhookSecret: z.string().min(1) });
type DevCredentials = z.infer<typeof DevCredentials>;

export interface DevOrg extends DevCredentials {
  readonly orgId: string;
  /** Where each value came from, for the start-up banner. */
  readonly apiKeySource: 'env' | 'saved' | 'generated';
  readonly webhookSecretSource: 'env' | 'saved' | 'generated';
  /** Present when an integration secret was given. */
  readonly integrationId?: string;
}

/**
 * Seeds org `demo` with an admin key and a webhook secret: the developer's own values when set
 * (AICTIVE_DEV_API_KEY, AICTIVE_DEV_WEBHOOK_SECRET), else the ones generated on an earlier run
 * (kept beside the data, git-ignored, owner-only), else new ones. The key named now is the one dev
 * key: earlier dev keys are revoked, and a revoked one is refused with what to do, never re-seeded. With `integrationSecret` (a
 * `whsec_…` value, AICTIVE_DEV_INTEGRATION_SECRET) it also seeds the integration `demo-forms`.
 * The key is hashed with `pepper`: the one the local functions authorize with.
 */
export async function seedDevOrg(input: {
  tableName: string;
  pepper: ApiKeyPepper;
  dataDir?: string;
  apiKey?: string;
  webhookSecret?: string;
  integrationSecret?: string;
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

  try {
    await seedOrg(
      {
        apiKeys: new DynamoApiKeyStore(input.tableName),
        pepper: input.pepper,
        webhookSecrets: new TableWebhookSecrets(input.tableName),
        clock: systemClock,
      },
      { orgId: DEV_ORG_ID, apiKey, webhookSecret, scopes: ['admin'], name: DEV_KEY_NAME },
    );
  } catch (error) {
    if (!(error instanceof SeededKeyRevokedError)) throw error;
    // A revocation outlives restarts: say what to do instead of bringing the key back.
    throw new Error(
      input.apiKey
        ? 'AICTIVE_DEV_API_KEY names a key that was revoked: set another one (at least 16 characters), or unset it to use a generated key'
        : `the saved dev API key was revoked: delete ${file ?? 'dev-credentials.json'} to generate a new one, or set AICTIVE_DEV_API_KEY`,
    );
  }
  if (input.integrationSecret) await seedDevIntegration(input.tableName, input.integrationSecret);
  const sourceOf = (fromEnv: string | undefined): DevOrg['apiKeySource'] =>
    fromEnv ? 'env' : saved ? 'saved' : 'generated';
  return {
    orgId: DEV_ORG_ID,
    apiKey,
    webhookSecret,
    apiKeySource: sourceOf(input.apiKey),
    webhookSecretSource: sourceOf(input.webhookSecret),
    ...(input.integrationSecret ? { integrationId: DEV_INTEGRATION_ID } : {}),
  };
}

async function seedDevIntegration(tableName: string, secret: string): Promise<void> {
  await new DynamoIntegrationStore(tableName).put({
    integrationId: DEV_INTEGRATION_ID,
    orgId: DEV_ORG_ID,
    name: 'demo website forms (local)',
  });
  await tableIntegrationSecrets(tableName).setSecrets(DEV_INTEGRATION_ID, [secret]);
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
  await mkdir(join(file, '..'), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}
