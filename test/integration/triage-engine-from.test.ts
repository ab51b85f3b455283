import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import type { CircuitStatus } from '#platform/resilience/circuit.ts';
import {
  type FakeAnthropic,
  RENEWAL_TRIAGE_ANSWER,
  startFakeAnthropic,
} from '#test/support/fake-anthropic.ts';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

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
