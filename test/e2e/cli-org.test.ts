import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { hashApiKeySecret, presentedKey } from '#platform/security/api-key.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { type FakeCloudFormation, startFakeCloudFormation } from '#test/support/fake-cloudformation.ts';
import { type FakeSecretsManager, startFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { eventually, type LocalProcess, removeDir, startLocalProcess } from '#test/support/local-process.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

describe.concurrent('aictive org, called wrongly: exit code 2 and one line on stderr', () => {
  it.each([
    [['org'], /usage: aictive org create\|rotate-webhook-secret/],
    [['org', 'create', '--name', 'Acme', '--local'], /--org is required/],
    [['org', 'create', '--org', 'Acme Inc', '--name', 'Acme', '--local'], /--org is required/],
    [['org', 'create', '--org', 'acme', '--local'], /--name is required/],
    [['org', 'create', '--org', 'acme', '--name', 'Acme'], /one of --stage S .* or --local .* is required/],
    [['org', 'create', '--org', 'acme', '--name', 'Acme', '--local', '--stage', 'prod'], /one of --stage S/],
    [
      [
        'org',
        'create',
        '--org',
        'acme',
        '--name',
        'Acme',
        '--rentvine-account',
        'acme.rentvine.com',
        '--local',
      ],
      /--rentvine-account must be the subdomain/,
    ],
    [['org', 'create', '--org', 'acme', '--name', 'Acme', '--grace-hours', '2', '--local'], /grace-hours/],
    [
      ['org', 'rotate-webhook-secret', '--org', 'acme', '--grace-hours', '200', '--local'],
      /--grace-hours must be/,
    ],
    [
      ['org', 'rotate-webhook-secret', '--org', 'acme', '--grace-hours', 'soon', '--local'],
      /--grace-hours must be/,
    ],
  ])('aictive %j', async (args, message) => {
    const result = await runAictive(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('aictive org against a running npm start (--local)', () => {
  let local: LocalProcess & { dataDir: string };
  const orgId = 'acme-onboarding';
  const cli = (args: string[]) => runAictive(args, { AICTIVE_DATA_DIR: local.dataDir });

  beforeAll(async () => {
    local = await startLocalProcess({ AICTIVE_DEV_WEBHOOK_SECRET: 'test-secret-not-real' });
  }, 60_000);
  afterAll(async () => {
    await local?.stop();
    if (local) await removeDir(local.dataDir);
  });

  /** A Rentvine delivery in the header scheme, signed with `secret` now. */
  async function deliver(webhookUrl: string, secret: string): Promise<number> {
    const body = JSON.stringify(workOrderEvent({ workOrderID: String(Date.now()) }));
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    return response.status;
  }

  it('creates the org once, with a key, a webhook secret and the URL that accepts its deliveries; rotation keeps the old secret', async () => {
    const created = await cli([
      'org',
      'create',
      '--org',
      orgId,
      '--name',
      'Acme Property Management',
      '--rentvine-account',
      'acme',
      '--local',
      '--api-url',
      local.url,
    ]);
    expect(created.stderr).toMatch(/shown only once/);
    expect(created.code).toBe(0);
    const printed = JSON.parse(created.stdout) as {
      webhookUrl: string;
      webhookSecret: string;
      apiKey: string;
      adminKeyId: string;
    };
    expect(printed).toMatchObject({ orgId, webhookUrl: `${local.url}/webhooks/rentvine/${orgId}` });

    const org = await fetch(`${local.url}/v1/org`, {
      headers: { authorization: `Bearer ${printed.apiKey}` },
    });
    expect(await org.json()).toEqual({
      orgId,
      name: 'Acme Property Management',
      createdAt: expect.any(String),
      webhookPath: `/webhooks/rentvine/${orgId}`,
      settings: { rentvineAccount: 'acme', allowTimestamplessSignature: false },
    });
    expect(await deliver(printed.webhookUrl, printed.webhookSecret)).toBe(202);

    const again = await cli(['org', 'create', '--org', orgId, '--name', 'Someone else', '--local']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`aictive: org ${orgId} exists already\n`);
    expect(again.stdout).toBe('');

    const rotated = await cli([
      'org',
      'rotate-webhook-secret',
      '--org',
      orgId,
      '--grace-hours',
      '1',
      '--local',
    ]);
    expect(rotated.code).toBe(0);
    const { webhookSecret, previousSecretValidUntil } = JSON.parse(rotated.stdout) as {
      webhookSecret: string;
      previousSecretValidUntil: string;
    };
    expect(Date.parse(previousSecretValidUntil) - Date.now()).toBeGreaterThan(3_500_000);
    // The ingest reads secrets afresh within seconds; the old one stays valid for the hour.
    await eventually(async () =>
      (await deliver(printed.webhookUrl, webhookSecret)) === 202 ? true : undefined,
    );
    expect(await deliver(printed.webhookUrl, printed.webhookSecret)).toBe(202);
  }, 60_000);

  it('refuses to rotate the secret of an org that was never created (exit 1, one line)', async () => {
    const result = await cli(['org', 'rotate-webhook-secret', '--org', 'never-created', '--local']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('aictive: no org never-created (create it with aictive org create)\n');
  });
});

describe("aictive org against a stage (--stage): its stacks' outputs, Secrets Manager and its table", () => {
  let stack: TestStack;
  let cloudFormation: FakeCloudFormation;
  let secretsManager: FakeSecretsManager;
  const pepper = 'stage-pepper-for-tests-only-0123456789';

  beforeAll(async () => {
    stack = await startTestStack();
    cloudFormation = await startFakeCloudFormation({
      'Aictive-test-Stateful': { MainTableName: stack.resources.tables.main },
      'Aictive-test-Service': {
        RestApiEndpoint0551178A: 'https://abc123.execute-api.us-east-1.amazonaws.com/test/',
      },
    });
    secretsManager = await startFakeSecretsManager();
    secretsManager.put('aictive/test/api-key-pepper', pepper);
  }, 60_000);
  afterAll(async () => {
    await cloudFormation?.close();
    await secretsManager?.close();
    await stack?.stop();
  });

  it('creates the org in the stage: the URL from its API endpoint, the secret in Secrets Manager with the data key, the key hashed with its pepper', async () => {
    const env = {
      ...stack.env,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testNotARealKey',
      AWS_SECRET_ACCESS_KEY: 'testNotARealSecret',
    };
    const created = await runAictive(
      ['org', 'create', '--org', 'stage-org', '--name', 'Stage Org', '--stage', 'test'],
      env,
    );
    expect(created.stderr).not.toContain('aictive:');
    expect(created.code).toBe(0);
    const printed = JSON.parse(created.stdout) as {
      webhookUrl: string;
      webhookSecret: string;
      apiKey: string;
    };
    expect(printed.webhookUrl).toBe(
      'https://abc123.execute-api.us-east-1.amazonaws.com/test/webhooks/rentvine/stage-org',
    );
    expect(printed.apiKey).toMatch(/^ak_test_/);
    expect(JSON.parse(secretsManager.get('aictive/test/webhook/stage-org') ?? '')).toEqual({
      secrets: [{ secret: printed.webhookSecret, origin: 'platform' }],
    });
    expect(secretsManager.createdWithKey.get('aictive/test/webhook/stage-org')).toBe(
      'alias/aictive/test/data',
    );
    // The key authenticates with the stage's pepper.
    const key = presentedKey(printed.apiKey);
    const record = await new DynamoApiKeyStore(stack.resources.tables.main).findByKeyId(key?.keyId ?? '');
    expect(record?.secretHash).toBe(hashApiKeySecret(Buffer.from(pepper), key?.secret ?? ''));

    const missing = await runAictive(
      ['org', 'create', '--org', 'x', '--name', 'X', '--stage', 'nostage'],
      env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^aictive: Stack with id Aictive-nostage-\w+ does not exist\n$/);
  }, 60_000);
});
