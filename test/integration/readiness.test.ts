import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLAUDE_CIRCUIT } from '#adapters/anthropic/claude-circuit.ts';
import { claudeReachabilityCheck } from '#adapters/anthropic/claude-reachability.ts';
import { CircuitJournal } from '#adapters/dynamodb/circuit-journal.ts';
import {
  apiKeyPepperCheck,
  claudeCircuitCheck,
  queueCheck,
  rentvineCheck,
  tableCheck,
} from '#adapters/health-checks.ts';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import { runReadinessChecks } from '#platform/health.ts';
import { ResilientCalls } from '#platform/resilience/resilient-calls.ts';
import { type FakeAnthropic, startFakeAnthropic } from '#test/support/fake-anthropic.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack;
let fake: FakeAnthropic;
let secretsManager: Server;
/** What the Secrets Manager stand-in describes, by secret id (absent: not found). */
const described = new Map<string, { VersionIdsToStages: Record<string, string[]>; DeletedDate?: number }>();
const secretsManagerCalls: string[] = [];
const TEST_KEY = 'test-anthropic-key-not-real';
const PEPPER = {
  API_KEY_PEPPER_SOURCE: 'env',
  API_KEY_PEPPER: 'test-pepper-not-real-0123456789abcdef',
} as const;

beforeAll(async () => {
  stack = await startTestStack();
  fake = await startFakeAnthropic();
  secretsManager = await startSecretsManagerDescriber();
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(secretsManager.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
  await new Promise((resolve) => secretsManager?.close(resolve));
  await fake?.close();
  await stack?.stop();
});
beforeEach(() => fake.reset());

const claudeConfig = () => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.baseURL });

describe('readiness checks', () => {
  it('reports every check with its status and latency; ok when the required ones pass', async () => {
    const table = stack.resources.tables.main;
    const report = await runReadinessChecks({
      table: tableCheck(table),
      'queue:classify': queueCheck(stack.resources.queues.classify.url),
      apiKeyPepper: apiKeyPepperCheck(PEPPER),
      claude: claudeReachabilityCheck(claudeConfig()),
      claudeCircuit: claudeCircuitCheck(table),
      // No org has a Rentvine connection in this table.
      rentvine: rentvineCheck({ RENTVINE_CREDENTIALS_SOURCE: 'table' }, table),
    });

    expect(report.status).toBe('ok');
    expect(report.checks).toMatchObject({
      table: { status: 'ok', required: true },
      'queue:classify': { status: 'ok', required: true },
      apiKeyPepper: { status: 'ok', required: true, detail: { source: 'env' } },
      claude: { status: 'ok', required: false },
      claudeCircuit: { status: 'ok', required: false, detail: { state: 'closed' } },
      rentvine: { status: 'skipped', required: false },
    });
    for (const check of Object.values(report.checks)) {
      expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('is degraded when a required check fails: a missing pepper, an unknown queue', async () => {
    const report = await runReadinessChecks({
      table: tableCheck(stack.resources.tables.main),
      apiKeyPepper: apiKeyPepperCheck(undefined),
      'queue:gone': queueCheck(`${stack.resources.queues.classify.url}-gone`),
    });

    expect(report.status).toBe('degraded');
    expect(report.checks.table?.status).toBe('ok');
    expect(report.checks.apiKeyPepper).toMatchObject({
      status: 'failing',
      error: 'no API-key pepper configured',
    });
    expect(report.checks['queue:gone']?.status).toBe('failing');
  });
});

describe('Claude reachability', () => {
  it('lists one model with the configured key, and answers from its cache for a minute', async () => {
    const check = claudeReachabilityCheck(claudeConfig());

    const first = await runReadinessChecks({ claude: check });
    const second = await runReadinessChecks({ claude: check });

    expect(first.checks.claude?.status).toBe('ok');
    expect(second.checks.claude).toMatchObject({ status: 'ok', detail: first.checks.claude?.detail });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models?limit=1' });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(fake.requests[0]?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    [401, 'AuthenticationError'],
    [429, 'RateLimitError'],
    [529, 'OverloadedError'],
  ])('names an HTTP %i as the SDK would: %s', async (status, error) => {
    fake.models({ status });

    const report = await runReadinessChecks({ claude: claudeReachabilityCheck(claudeConfig()) });

    expect(report.checks.claude).toMatchObject({ status: 'failing', error });
  });

  it('probes again once the cache has expired', async () => {
    const check = claudeReachabilityCheck(claudeConfig(), { cacheMs: 0 });
    await runReadinessChecks({ claude: check });
    await runReadinessChecks({ claude: check });
    expect(fake.requests).toHaveLength(2);
  });

  it('is skipped when no key is configured, without calling anyone', async () => {
    const report = await runReadinessChecks({ claude: claudeReachabilityCheck({}) });

    expect(report.status).toBe('ok');
    expect(report.checks.claude).toMatchObject({ status: 'skipped', required: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('fails when the API answers an error, and caches the failure too', async () => {
    fake.models({ status: 500 });
    const check = claudeReachabilityCheck(claudeConfig());

    const first = await runReadinessChecks({ claude: check });
    const second = await runReadinessChecks({ claude: check });

    expect(first.checks.claude).toMatchObject({ status: 'failing', error: 'InternalServerError' });
    expect(second.checks.claude?.status).toBe('failing');
    expect(fake.requests).toHaveLength(1);
    // Claude is optional: the rules classify meanwhile, so the instance stays ready.
    expect(first.status).toBe('ok');
  });

  it('fails when nothing listens', async () => {
    const report = await runReadinessChecks({
      claude: claudeReachabilityCheck({
        ANTHROPIC_API_KEY: TEST_KEY,
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:1',
      }),
    });
    expect(report.checks.claude).toMatchObject({ status: 'failing', error: 'APIConnectionError' });
  });

  it('fails within its timeout when the API is slow', async () => {
    fake.models({ delayMs: 3_000 });
    const started = performance.now();

    const report = await runReadinessChecks({
      claude: claudeReachabilityCheck(claudeConfig(), { timeoutMs: 200 }),
    });

    expect(report.checks.claude).toMatchObject({ status: 'failing', error: 'APIConnectionTimeoutError' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('Claude circuit state', () => {
  const table = () => stack.resources.tables.main;

  it('reports the circuit the triage engine opened, through the table', async () => {
    // Every Claude call fails (the fake answers 500 when nothing is scripted): after five
    // triages the engine's breaker opens and the journal records it.
    const engine = await triageEngineFrom(claudeConfig(), {
      circuitJournal: new CircuitJournal(table()),
    });
    for (let i = 0; i < 5; i += 1) {
      await engine.triage({ from: 'dana@example.com', subject: 'Faucet', text: 'The faucet drips.' });
    }

    const report = await runReadinessChecks({ claudeCircuit: claudeCircuitCheck(table()) });

    expect(report.checks.claudeCircuit).toMatchObject({
      status: 'failing',
      required: false,
      detail: { state: 'open' },
    });
    expect(report.status).toBe('ok');
  });

  it('keeps the latest transition when an older one is written late', async () => {
    const journal = new CircuitJournal(table());
    await journal.record(CLAUDE_CIRCUIT, 'closed', new Date('2099-01-01T00:00:10Z'));
    await journal.record(CLAUDE_CIRCUIT, 'open', new Date('2099-01-01T00:00:05Z'));

    expect(await journal.read(CLAUDE_CIRCUIT)).toEqual({
      circuit: CLAUDE_CIRCUIT,
      state: 'closed',
      changedAt: '2099-01-01T00:00:10.000Z',
    });
    const report = await runReadinessChecks({ claudeCircuit: claudeCircuitCheck(table()) });
    expect(report.checks.claudeCircuit).toMatchObject({ status: 'ok', detail: { state: 'closed' } });
  });
});

describe('circuits with one breaker per key', () => {
  it('journals each key’s breaker as a circuit of its own', async () => {
    const journal = new CircuitJournal(stack.resources.tables.main);
    const rentvine = new ResilientCalls({
      name: 'rentvine-test',
      timeoutMs: 1_000,
      retries: 0,
      isRetryable: () => false,
      failuresToOpen: 1,
      halfOpenAfterMs: 60_000,
      recorder: journal,
    });

    await expect(
      rentvine.execute(async () => Promise.reject(new Error('org A’s credentials were revoked')), 'org-a'),
    ).rejects.toThrow('revoked');
    expect(await rentvine.execute(async () => 'synced', 'org-b')).toBe('synced');

    expect(await journal.read('rentvine-test:org-a')).toMatchObject({ state: 'open' });
    expect(await journal.read('rentvine-test:org-b')).toBeUndefined();
  });
});

describe('secrets in Secrets Manager', () => {
  const pepper = (id: string) =>
    apiKeyPepperCheck({ API_KEY_PEPPER_SOURCE: 'secretsmanager', API_KEY_PEPPER_SECRET_ID: id });

  it('describes the pepper, never reads it, and fails when it is missing, unset or being deleted', async () => {
    described.set('aictive/test/pepper', { VersionIdsToStages: { v1: ['AWSCURRENT'] } });
    described.set('aictive/test/pepper-unset', { VersionIdsToStages: {} });
    described.set('aictive/test/pepper-deleted', {
      VersionIdsToStages: { v1: ['AWSCURRENT'] },
      DeletedDate: 1_795_000_000,
    });

    const report = await runReadinessChecks({
      present: pepper('aictive/test/pepper'),
      missing: pepper('aictive/test/pepper-missing'),
      unset: pepper('aictive/test/pepper-unset'),
      deleted: pepper('aictive/test/pepper-deleted'),
    });

    expect(report.status).toBe('degraded');
    expect(report.checks.present).toMatchObject({ status: 'ok', detail: { source: 'secretsmanager' } });
    expect(report.checks.missing).toMatchObject({ status: 'failing', error: 'ResourceNotFoundException' });
    expect(report.checks.unset).toMatchObject({
      status: 'failing',
      error: 'the API-key pepper secret has no current value',
    });
    expect(report.checks.deleted).toMatchObject({
      status: 'failing',
      error: 'the API-key pepper secret is scheduled for deletion',
    });
    expect(secretsManagerCalls.every((call) => call !== 'GetSecretValue')).toBe(true);
  });
});

/** Secrets Manager's DescribeSecret (JSON protocol), from `described`. */
async function startSecretsManagerDescriber(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target']).replace('secretsmanager.', '');
      secretsManagerCalls.push(operation);
      const answer = (status: number, payload: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(payload));
      };
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      const secret = operation === 'DescribeSecret' ? described.get(SecretId) : undefined;
      if (!secret) return answer(400, { __type: 'ResourceNotFoundException', message: 'not found' });
      return answer(200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${SecretId}`,
        Name: SecretId,
        ...secret,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
