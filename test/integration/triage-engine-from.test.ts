import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClaudeGateway } from '#adapters/anthropic/claude-gateway.ts';
import { ClaudeTriageEngine } from '#adapters/anthropic/claude-triage-engine.ts';
import { RulesFirstTriage, TRIAGE_RULES, triageEngineFrom } from '#adapters/triage-engine.ts';
import type { CircuitStatus } from '#platform/resilience/circuit.ts';
import type { Emf } from '#test/support/emf-capture.ts';
import {
  type FakeAnthropic,
  RENEWAL_TRIAGE_ANSWER,
  startFakeAnthropic,
} from '#test/support/fake-anthropic.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { printedDuring } from '#test/support/printed-output.ts';

const secretsManager = useFakeSecretsManager();

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());
afterEach(() => vi.unstubAllEnvs());

const renewal = {
  from: 'a@example.com',
  subject: 'Renewal',
  text: 'I would like to renew my lease for a year.',
};

describe('triageEngineFrom: the engine a function or the CLI gets from its configuration', () => {
  it('is the rules alone without a key, and never calls Claude', async () => {
    const engine = await triageEngineFrom({ ANTHROPIC_BASE_URL: fake.baseURL });

    expect(await engine.triage(renewal)).toMatchObject({ engine: 'rules', category: 'lease_renewal' });
    expect(await engine.triage(renewal)).not.toHaveProperty('fallbackReason');
    expect(fake.requests).toHaveLength(0);
  });

  it('is Claude with the rules with a key, on the configured model, journaling its circuit', async () => {
    const transitions: [string, CircuitStatus][] = [];
    const engine = await triageEngineFrom(
      {
        ANTHROPIC_API_KEY: 'test-secret-not-real',
        ANTHROPIC_BASE_URL: fake.baseURL,
        ANTHROPIC_MODEL: 'claude-sonnet-4-6',
      },
      { circuitJournal: { record: async (circuit, state) => void transitions.push([circuit, state]) } },
    );
    fake.script({ json: RENEWAL_TRIAGE_ANSWER });

    expect(await engine.triage(renewal)).toMatchObject({ engine: 'claude', model: 'claude-sonnet-4-6' });
    expect(fake.requests[0]?.body.model).toBe('claude-sonnet-4-6');

    // Five failed calls in a row (the default) open the circuit, and the journal hears of it.
    fake.script(...Array.from({ length: 10 }, () => ({ status: 500 })));
    for (let i = 0; i < 5; i += 1) await engine.triage(renewal);
    expect(transitions).toEqual([['claude', 'open']]);
    expect(await engine.triage(renewal)).toMatchObject({ engine: 'rules', fallbackReason: 'circuit_open' });
  });
});

describe('triageEngineFrom with the Anthropic key in Secrets Manager (as deployed)', () => {
  const engineFor = (secretId: string) =>
    triageEngineFrom({ ANTHROPIC_API_KEY_SECRET_ID: secretId, ANTHROPIC_BASE_URL: fake.baseURL });

  it('is the rules alone while the deployed secret still holds "unset"', async () => {
    secretsManager().put('aictive/test/anthropic-api-key', 'unset');
    const engine = await engineFor('aictive/test/anthropic-api-key');

    const triage = await engine.triage(renewal);

    expect(triage).toMatchObject({ engine: 'rules', category: 'lease_renewal' });
    expect(triage).not.toHaveProperty('fallbackReason');
    expect(fake.requests).toHaveLength(0);
  });

  it('is Claude, with the secret as its key and the rules behind it, once an operator has put a key', async () => {
    secretsManager().put('aictive/test/anthropic-key-set', 'test-anthropic-key-not-real');
    const engine = await engineFor('aictive/test/anthropic-key-set');
    fake.script({ json: RENEWAL_TRIAGE_ANSWER }, { status: 400 });

    expect(await engine.triage(renewal)).toMatchObject({ engine: 'claude', category: 'lease_renewal' });
    expect(JSON.stringify(fake.requests[0]?.headers)).toContain('test-anthropic-key-not-real');
    expect(await engine.triage(renewal)).toMatchObject({
      engine: 'rules',
      fallbackReason: 'claude_error: BadRequestError',
    });
  });
});

/** The metrics one run printed, as name → {value, engine, model}. */
async function metricsDuring(run: () => Promise<unknown>) {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  // POWERTOOLS_DEV (the test default) prints EMF through console.log, one document a call.
  const printed = (await printedDuring(run, { consoles: true }))
    .join('\n')
    .split('\n')
    .filter((l) => l.startsWith('{"_aws"'));
  return printed.map((line) => {
    const emf = JSON.parse(line) as Emf;
    const name = emf._aws.CloudWatchMetrics[0]?.Metrics[0]?.Name ?? '';
    return {
      name,
      value: emf[name],
      engine: emf.engine,
      model: emf.model,
      dimensions: emf._aws.CloudWatchMetrics[0]?.Dimensions[0],
    };
  });
}

describe('token usage per triage, as metrics per engine and model', () => {
  it("emits a Claude triage's tokens with the dimensions engine and model, and a rules triage's completion", async () => {
    const gateway = createClaudeGateway({
      apiKey: 'test-secret-not-real',
      baseURL: fake.baseURL,
      retries: 0,
    });
    const withClaude = new RulesFirstTriage(TRIAGE_RULES, new ClaudeTriageEngine(gateway));
    fake.script({ json: RENEWAL_TRIAGE_ANSWER });
    let usage: unknown;

    const claudeMetrics = await metricsDuring(async () => {
      usage = (await withClaude.triage(renewal)).usage;
    });
    const rulesMetrics = await metricsDuring(() => new RulesFirstTriage(TRIAGE_RULES).triage(renewal));

    const { inputTokens, outputTokens } = usage as { inputTokens: number; outputTokens: number };
    const claude = {
      engine: 'claude',
      model: 'claude-haiku-5-5',
      dimensions: ['service', 'engine', 'model'],
    };
    expect(claudeMetrics).toEqual([
      { name: 'TriageCompleted', value: 1, ...claude },
      { name: 'TriageInputTokens', value: inputTokens, ...claude },
      { name: 'TriageOutputTokens', value: outputTokens, ...claude },
    ]);
    expect(rulesMetrics).toEqual([
      {
        name: 'TriageCompleted',
        value: 1,
        engine: 'rules',
        model: 'none',
        dimensions: ['service', 'engine', 'model'],
      },
    ]);
  });
});
