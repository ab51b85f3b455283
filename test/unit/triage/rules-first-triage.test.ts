import { describe, expect, it } from 'vitest';
import { ModelCallError } from '#adapters/anthropic/claude-failures.ts';
import { triageFromClaude } from '#adapters/anthropic/claude-triage-engine.ts';
import { ClaudeTriageOutput } from '#adapters/anthropic/triage-prompt.ts';
import { RulesFirstTriage, TRIAGE_RULES } from '#adapters/triage-engine.ts';
import type { MessageToTriage, TriageEngine } from '#domain/triage/triage.ts';
import { triageAnswer } from '#test/support/fake-anthropic.ts';

const routine: MessageToTriage = {
  from: 'Dana Ruiz <dana@example.com>',
  subject: 'Bathroom faucet',
  text: 'Hi, the bathroom faucet in 4B drips all night. Could someone take a look this week?',
};

const byClaude = triageFromClaude(ClaudeTriageOutput.parse(triageAnswer()), {
  model: 'claude-haiku-5-5',
  usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0 },
});
const failingWith = (error: unknown): TriageEngine => ({ triage: async () => Promise.reject(error) });

describe('RulesFirstTriage: the triage port composed', () => {
  it("answers with Claude's triage while Claude answers", async () => {
    const claude: TriageEngine = { triage: async () => byClaude };

    const result = await new RulesFirstTriage(TRIAGE_RULES, claude).triage(routine);

    expect(result).toMatchObject({
      engine: 'claude',
      model: 'claude-haiku-5-5',
      category: 'maintenance_request',
    });
    expect(result).not.toHaveProperty('fallbackReason');
  });

  it('answers with the rules, saying why, when the model call fails', async () => {
    const open = new ModelCallError('circuit_open', undefined, { cause: new Error('open') });

    const result = await new RulesFirstTriage(TRIAGE_RULES, failingWith(open)).triage(routine);

    expect(result).toEqual({ ...TRIAGE_RULES.triage(routine), fallbackReason: 'circuit_open' });
  });

  it('answers with the rules on any other failure too', async () => {
    const result = await new RulesFirstTriage(TRIAGE_RULES, failingWith(new TypeError('bug'))).triage(
      routine,
    );

    expect(result).toEqual({ ...TRIAGE_RULES.triage(routine), fallbackReason: 'claude_error: unexpected' });
  });
});
