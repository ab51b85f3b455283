import { spawnSync } from 'node:child_process';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { fixedApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { systemClock } from '#platform/clock.ts';
import {
  bodyAuthOf,
  DEFAULT_BODY_SIGNATURE_ALGORITHM,
  verifyBodySignature,
} from '#platform/security/rentvine-body-signature.ts';
import { verifyWebhook } from '#platform/security/webhook-signature.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { authorizeApiKey } from '#usecases/authorize-api-key.ts';

const REPO_ROOT = new URL('../../', import.meta.url);

function aictive(args: string[], input: string, env: Record<string, string> = {}) {
  const { ANTHROPIC_API_KEY: _key, ...rest } = process.env;
  const result = spawnSync(process.execPath, ['bin/aictive.js', ...args], {
    cwd: REPO_ROOT,
    input,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('aictive classify', () => {
  it('prints one JSON line with the classification and its engine', () => {
    const result = aictive(
      ['classify'],
      JSON.stringify({
        from: 'a@example.com',
        subject: 'No heat',
        text: 'There is a fire in the kitchen, smoke everywhere',
      }),
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      engine: 'rules',
      confidence: expect.any(Number),
    });
  });

  it('--jsonl answers one line per email in order, marking bad lines in place', () => {
    const input = [
      JSON.stringify({ from: 'a@example.com', subject: 'Renewal', text: 'I want to renew my lease' }),
      '{"oops"',
      JSON.stringify({ from: 'b@example.com', subject: 'Gas', text: 'I smell gas' }),
    ].join('\n');
    const result = aictive(['classify', '--jsonl'], input);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.category ?? l.error)).toEqual([
      'lease_renewal',
      'input is not valid JSON',
      'maintenance_emergency',
    ]);
    expect(result.code).toBe(1);
  });

  it('refuses invalid input with one line and a non-zero exit', () => {
    const result = aictive(['classify'], '{"subject": 1}');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^aictive: invalid email/);
  });
});

describe('aictive sign-webhook', () => {
  it('prints headers that the webhook verifier accepts for that exact body', () => {
    const body = '{"event":{"eventType":"workOrder.created"}}';
    const result = aictive(
      ['sign-webhook', '--secret', 'cli-test-secret', '--timestamp', '1790000000'],
      body,
    );
    expect(result.code).toBe(0);
    const headers = Object.fromEntries(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(': ') as [string, string]),
    );
    expect(
      verifyWebhook({
        secrets: ['cli-test-secret'],
        body: Buffer.from(body),
        signature: headers['X-RentVine-Signature'],
        timestamp: headers['X-RentVine-Timestamp'],
        nowSeconds: 1_790_000_000,
      }),
    ).toEqual({ ok: true });
  });

  it('signs with the Rentvine body scheme and with Standard Webhooks, as the verifiers accept', () => {
    const body = '{"event":{"eventType":"lease.updated"},"data":{"leaseID":"1"}}';
    const signedBody = aictive(
      ['sign-webhook', '--scheme', 'body', '--secret', 'cli-test-secret', '--timestamp', '1790000000'],
      body,
    );
    expect(signedBody.code).toBe(0);
    const auth = bodyAuthOf(JSON.parse(signedBody.stdout));
    if (typeof auth === 'string') throw new Error(`no auth block: ${auth}`);
    expect(
      verifyBodySignature({
        secrets: ['cli-test-secret'],
        auth,
        body: Buffer.from(signedBody.stdout.trim()),
        algorithm: DEFAULT_BODY_SIGNATURE_ALGORITHM,
        nowSeconds: 1_790_000_000,
      }),
    ).toEqual({ ok: true });

    const secret = `whsec_${Buffer.from('cli-test-integration-key').toString('base64')}`;
    const standard = aictive(
      ['sign-webhook', '--scheme', 'standard', '--secret', secret, '--id', 'msg_1', '--json'],
      body,
    );
    expect(standard.code).toBe(0);
    const headers = JSON.parse(standard.stdout) as Record<string, string>;
    expect(headers['webhook-id']).toBe('msg_1');
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('needs a secret, and says so on one line', () => {
    const result = aictive(['sign-webhook'], '{}', { AICTIVE_DEV_WEBHOOK_SECRET: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aictive: --secret is required (or set AICTIVE_DEV_WEBHOOK_SECRET)\n');
  });

  it('rejects unknown commands and options with exit code 2', () => {
    expect(aictive(['nope'], '').code).toBe(2);
    expect(aictive(['sign-webhook', '--bogus'], '').code).toBe(2);
  });
});

describe('aictive api-key create', () => {
  let stack: TestStack | undefined;
  afterAll(async () => stack?.stop());

  it('writes a key the authorizer accepts, hashed with the deployment pepper, and prints it once (an older role name read as its registry equivalent)', async () => {
    stack = await startTestStack();
    const table = stack.resources.tables.main;
    // The stack's environment carries the pepper the functions use (API_KEY_PEPPER_SOURCE=env).
    const result = await runAictive(
      [
        ...['api-key', 'create', '--org', 'acme', '--scopes', 'emails:read,events:read', '--table', table],
        ...['--role', 'maintenance_coordinator', '--agent', 'agent-7'],
      ],
      stack.env,
    );
    expect(result.stderr).not.toContain('aictive:');
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as { apiKey: string; keyId: string; orgId: string };
    expect(created).toMatchObject({
      orgId: 'acme',
      scopes: ['emails:read', 'events:read'],
      role: 'maintenance_supervisor',
      agentId: 'agent-7',
    });
    const apiKeys = new DynamoApiKeyStore(table);
    const principal = await authorizeApiKey(
      { apiKeys, pepper: fixedApiKeyPepper(stack.env.API_KEY_PEPPER ?? ''), clock: systemClock },
      `Bearer ${created.apiKey}`,
    );
    expect(principal).toEqual({
      orgId: 'acme',
      keyId: created.keyId,
      scopes: ['emails:read', 'events:read'],
      role: 'maintenance_supervisor',
      agentId: 'agent-7',
    });
    const otherPepper = fixedApiKeyPepper('another-test-pepper-not-real-0123456789');
    expect(
      await authorizeApiKey({ apiKeys, pepper: otherPepper, clock: systemClock }, `Bearer ${created.apiKey}`),
    ).toBeUndefined();
  });

  it('refuses unknown scopes or roles, a missing org and a missing pepper with exit code 2', () => {
    const { API_KEY_PEPPER_SOURCE: _source, API_KEY_PEPPER: _pepper, ...withoutPepper } = process.env;
    const create = (...args: string[]) => aictive(['api-key', 'create', ...args], '');
    expect(create('--org', 'acme', '--scopes', 'everything', '--table', 't').stderr).toContain(
      'unknown scope',
    );
    expect(
      create('--org', 'acme', '--scopes', 'admin', '--role', 'landlord', '--table', 't').stderr,
    ).toContain('unknown role');
    expect(create('--scopes', 'admin', '--table', 't').code).toBe(2);
    const noPepper = spawnSync(
      process.execPath,
      ['bin/aictive.js', 'api-key', 'create', '--org', 'acme', '--scopes', 'admin', '--table', 't'],
      { cwd: REPO_ROOT, env: withoutPepper, encoding: 'utf8', timeout: 30_000 },
    );
    expect([noPepper.status, noPepper.stderr.trim().split('\n')]).toEqual([
      2,
      [expect.stringContaining('--pepper-secret-id')],
    ]);
  });
});
