import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { BODY_SIGNATURE_ALGORITHMS } from '#platform/security/rentvine-body-signature.ts';
import { signingKeyFingerprint } from '#platform/security/rentvine-signing-key.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { postRentvine, rentvineDelivery } from '#test/support/deliveries.ts';
import { startFakeCloudFormation } from '#test/support/fake-cloudformation.ts';
import { startFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { type ApiHandler, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { leaseEvent, workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * `aictive rentvine signing-key` and `identify-signature` as an operator runs them, against a
 * local store (the test stack's table, with the keys in it as `npm start` keeps them).
 */
let stack: TestStack;
let handler: ApiHandler;

beforeAll(async () => {
  stack = await startTestStack();
  handler = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => stack?.stop());

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
/** Made up, in the shape of Rentvine's keys: 32 lower-case letters or digits, then 8 and 8. */
const rentvineShapedKey = () =>
  `${randomBytes(16).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;

describe('aictive rentvine signing-key', () => {
  it('adds a key from stdin (warning when it is not Rentvine-shaped), lists fingerprints, removes by one', async () => {
    const org = await createTestOrg(stack.resources.tables.main);
    const key = rentvineShapedKey();
    const add = await runAictive(
      ['rentvine', 'signing-key', 'add', '--org', org.orgId],
      stack.env,
      `${key}\n`,
    );
    expect(add.code).toBe(0);
    expect(add.stderr).toBe('');
    expect(jsonLines(add.stdout)).toEqual([
      { orgId: org.orgId, fingerprint: signingKeyFingerprint(key), rentvineShape: true, added: true },
    ]);
    expect(add.stdout).not.toContain(key);

    const odd = await runAictive(
      ['rentvine', 'signing-key', 'add', '--org', org.orgId],
      stack.env,
      'too-short',
    );
    expect(odd.code).toBe(0);
    expect(odd.stderr).toMatch(/^warning: this key is not shaped like Rentvine's signing keys/);
    expect(odd.stderr.trim().split('\n')).toHaveLength(1);

    const list = await runAictive(['rentvine', 'signing-key', 'list', '--org', org.orgId], stack.env);
    expect(list.code).toBe(0);
    expect(jsonLines(list.stdout)).toEqual([
      { orgId: org.orgId, fingerprint: signingKeyFingerprint(org.webhookSecret), rentvineShape: false },
      { orgId: org.orgId, fingerprint: signingKeyFingerprint(key), rentvineShape: true },
      { orgId: org.orgId, fingerprint: signingKeyFingerprint('too-short'), rentvineShape: false },
    ]);
    for (const secret of [key, org.webhookSecret]) expect(list.stdout).not.toContain(secret);

    const remove = ['rentvine', 'signing-key', 'remove', '--org', org.orgId, '--fingerprint'];
    expect((await runAictive([...remove, signingKeyFingerprint('too-short')], stack.env)).code).toBe(0);
    const missing = await runAictive([...remove, 'ffffffffffff'], stack.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      `aictive: org ${org.orgId} has no signing key with fingerprint ffffffffffff`,
    ]);
    expect(await new TableWebhookSecrets(stack.resources.tables.main).secretsFor(org.orgId)).toEqual([
      org.webhookSecret,
      key,
    ]);
  });

  it.each([
    [['rentvine'], 2, /usage: aictive rentvine/],
    [
      ['rentvine', 'signing-key', 'rotate', '--org', 'acme'],
      2,
      /usage: aictive rentvine signing-key add\|list\|remove/,
    ],
    [['rentvine', 'signing-key', 'list', '--org', 'Not An Org'], 2, /--org is required/],
    [['rentvine', 'signing-key', 'remove', '--org', 'acme'], 2, /--fingerprint is required/],
    [
      ['rentvine', 'identify-signature', '--org', 'acme', '--local', '--stage', 'prod'],
      2,
      /--local finds the table/,
    ],
    [['rentvine', 'identify-signature', '--org', 'acme', '--key', 'k'], 2, /Unknown option '--key'/],
  ])('aictive %j: one line, exit %i', async (args, code, message) => {
    const result = await runAictive(args, { ...stack.env, TABLE_NAME: '' });
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('aictive rentvine identify-signature', () => {
  let org: TestOrg;
  let key: string;
  const run = (...extra: string[]) =>
    runAictive(['rentvine', 'identify-signature', '--org', org.orgId, ...extra], stack.env);

  beforeAll(async () => {
    org = await createTestOrg(stack.resources.tables.main);
    key = rentvineShapedKey();
    expect(
      (await runAictive(['rentvine', 'signing-key', 'add', '--org', org.orgId], stack.env, key)).code,
    ).toBe(0);
  });

  it('says so, on one line, when there is nothing to identify', async () => {
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`aictive: org ${org.orgId} has no quarantined deliveries`);
  });

  it('names the candidate Rentvine used, even for deliveries long out of the window; --select makes the next one pass', async () => {
    const algorithm = 'timestamp.body-without-auth:base64';
    const deliver = (payload: object, timestamp?: number) =>
      postRentvine(
        handler,
        org.orgId,
        rentvineDelivery(payload, key, { algorithm, ...(timestamp ? { timestamp } : {}) }),
      );
    expect((await deliver(workOrderEvent({ workOrderID: '9201' }))).statusCode).toBe(401);
    expect((await deliver(leaseEvent({ leaseID: '9202' }))).statusCode).toBe(401);
    // Kept an hour ago: its signing time is far outside the ±300 s window by now.
    const old = rentvineDelivery(leaseEvent({ leaseID: '9203' }), key, {
      algorithm,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    await new DynamoDeliveryQuarantine(stack.resources.tables.main).keep({
      orgId: org.orgId,
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      body: old,
    });

    const dry = await run();
    expect(dry.code).toBe(0);
    const lines = jsonLines(dry.stdout);
    expect(lines.slice(0, BODY_SIGNATURE_ALGORITHMS.length)).toEqual(
      BODY_SIGNATURE_ALGORITHMS.map((candidate) => ({
        algorithm: candidate,
        matched: candidate === algorithm ? 3 : 0,
      })),
    );
    expect(lines.at(-1)).toEqual({ orgId: org.orgId, deliveries: 3, identified: algorithm, selected: false });
    const settings = new DynamoOrgSettingsStore(stack.resources.tables.main);
    expect((await settings.get(org.orgId)).bodySignatureAlgorithm).toBeUndefined();

    const select = await run('--select');
    expect(select.code).toBe(0);
    expect(jsonLines(select.stdout).at(-1)).toMatchObject({ identified: algorithm, selected: true });
    expect((await settings.get(org.orgId)).bodySignatureAlgorithm).toBe(algorithm);
    expect((await deliver(workOrderEvent({ workOrderID: '9204' }))).statusCode).toBe(202);
  });

  it('names nothing when no candidate matches with the org’s keys', async () => {
    const other = await createTestOrg(stack.resources.tables.main);
    const forged = rentvineDelivery(leaseEvent(), 'a-key-the-org-does-not-have');
    expect((await postRentvine(handler, other.orgId, forged)).statusCode).toBe(401);
    const result = await runAictive(['rentvine', 'identify-signature', '--org', other.orgId], stack.env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      "aictive: no candidate matches any of 1 quarantined deliveries with the org's 1 key(s): a key is missing, or Rentvine signs some other way",
    ]);
  });
});

describe('aictive rentvine identify-signature --stage', () => {
  it("finds the stage's table in its stack (no --table, no TABLE_NAME) and the org's keys in its Secrets Manager", async () => {
    const stage = 'clistores';
    const org = await createTestOrg(stack.resources.tables.main);
    const key = rentvineShapedKey();
    const algorithm = 'timestamp.body-without-auth:base64';
    await new DynamoDeliveryQuarantine(stack.resources.tables.main).keep({
      orgId: org.orgId,
      receivedAt: new Date().toISOString(),
      body: rentvineDelivery(workOrderEvent({ workOrderID: '9301' }), key, { algorithm }),
    });
    const [cloudFormation, secretsManager] = await Promise.all([
      startFakeCloudFormation({
        [`Aictive-${stage}-Stateful`]: { MainTableName: stack.resources.tables.main },
      }),
      startFakeSecretsManager(),
    ]);
    try {
      secretsManager.put(
        `aictive/${stage}/webhook/${org.orgId}`,
        JSON.stringify({ secrets: [{ secret: key }] }),
      );
      const result = await runAictive(
        ['rentvine', 'identify-signature', '--org', org.orgId, '--stage', stage],
        {
          ...stack.env,
          AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.endpoint,
          AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
          TABLE_NAME: '',
        },
      );
      expect(result.stderr).not.toContain('aictive:');
      expect(result.code).toBe(0);
      expect(jsonLines(result.stdout).at(-1)).toEqual({
        orgId: org.orgId,
        deliveries: 1,
        identified: algorithm,
        selected: false,
      });
      expect(secretsManager.requests).toContain(`aictive/${stage}/webhook/${org.orgId}`);
    } finally {
      await Promise.all([cloudFormation.close(), secretsManager.close()]);
    }
  });
});
