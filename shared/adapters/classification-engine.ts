import type { z } from 'zod';
import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
import type { EmailClassifier } from '#domain/classification/taxonomy.ts';
import type { AnthropicConfig } from '#lib/function-config.ts';
import { anthropicApiKey } from './anthropic/anthropic-api-key.ts';
import { CLAUDE_CIRCUIT, createClaudeClassifier } from './anthropic/claude-classifier.ts';
import type { CircuitJournal } from './dynamodb/circuit-journal.ts';

/**
 * Claude (with the rules behind it) when an Anthropic key is configured, the rules alone
 * otherwise. Locally the key comes from ANTHROPIC_API_KEY; in AWS from Secrets Manager.
 * With a journal, the Claude circuit's transitions are recorded for the readiness check.
 */
export async function emailClassifierFrom(
  config: z.infer<typeof AnthropicConfig>,
  options: { circuitJournal?: CircuitJournal } = {},
): Promise<EmailClassifier> {
  const apiKey = await anthropicApiKey(config);
  if (!apiKey) return rulesClassifier;
  const journal = options.circuitJournal;
  return createClaudeClassifier({
    apiKey,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
    onCircuitChange: journal && ((state) => journal.record(CLAUDE_CIRCUIT, state, new Date())),
  });
}
