import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
import type { Classification, EmailClassifier, EmailToClassify } from '#domain/classification/taxonomy.ts';
import type { CircuitRecorder } from '#platform/resilience/circuit.ts';
import { anthropicApiKey } from './anthropic/anthropic-api-key.ts';
import type { AnthropicSettings } from './anthropic/anthropic-settings.ts';
import { ClaudeClassifier } from './anthropic/claude-classifier.ts';
import { fallbackReasonFor } from './anthropic/claude-failures.ts';
import { type ClaudeGatewayConfig, createClaudeGateway } from './anthropic/claude-gateway.ts';

/**
 * The classifier port composed: the primary engine (Claude) answers, and on any failure —
 * error, timeout, invalid output, open circuit — the fallback (the rules) answers instead,
 * saying why in `fallbackReason`. An emergency therefore never waits on a model that is down.
 */
export class ClassifierWithFallback implements EmailClassifier {
  constructor(
    private readonly primary: EmailClassifier,
    private readonly fallback: EmailClassifier,
  ) {}

  async classify(email: EmailToClassify): Promise<Classification> {
    try {
      return await this.primary.classify(email);
    } catch (error) {
      const fallbackReason = fallbackReasonFor(error, 'classification');
      return { ...(await this.fallback.classify(email)), fallbackReason };
    }
  }
}

/** Claude behind the gateway, the rules behind Claude. */
export function claudeWithRulesFallback(config: ClaudeGatewayConfig): ClassifierWithFallback {
  return new ClassifierWithFallback(new ClaudeClassifier(createClaudeGateway(config)), rulesClassifier);
}

/**
 * Claude with the rules behind it when an Anthropic key is configured, the rules alone otherwise.
 * Locally the key comes from ANTHROPIC_API_KEY; in AWS from Secrets Manager. With a journal, the
 * Claude circuit's transitions are recorded for the readiness check.
 */
export async function emailClassifierFrom(
  config: AnthropicSettings,
  options: { circuitJournal?: CircuitRecorder } = {},
): Promise<EmailClassifier> {
  const apiKey = await anthropicApiKey(config);
  if (!apiKey) return rulesClassifier;
  return claudeWithRulesFallback({
    apiKey,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
    recorder: options.circuitJournal,
  });
}
