import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';
import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
import type { EmailClassifier } from '#domain/classification/taxonomy.ts';
import type { AnthropicConfig } from '#platform/config.ts';
import { logger } from '#platform/observability.ts';
import { createClaudeClassifier } from './anthropic/claude-classifier.ts';

/** The value the deployment puts in the Anthropic secret until an operator sets the real key. */
export const UNSET_SECRET_VALUE = 'unset';

/**
 * Claude (with the rules behind it) when an Anthropic key is configured, the rules alone
 * otherwise. Locally the key comes from ANTHROPIC_API_KEY; in AWS from Secrets Manager.
 */
export async function emailClassifierFrom(config: z.infer<typeof AnthropicConfig>): Promise<EmailClassifier> {
  const apiKey = config.ANTHROPIC_API_KEY ?? (await keyFromSecret(config.ANTHROPIC_API_KEY_SECRET_ID));
  if (!apiKey) return rulesClassifier;
  return createClaudeClassifier({
    apiKey,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
  });
}

async function keyFromSecret(secretId: string | undefined): Promise<string | undefined> {
  if (!secretId) return undefined;
  const value = await getSecret(secretId, { maxAge: 300 });
  const key = typeof value === 'string' ? value.trim() : '';
  if (key === '' || key === UNSET_SECRET_VALUE) {
    logger.warn('the Anthropic API key secret is not set: classifying with the rules only');
    return undefined;
  }
  return key;
}
