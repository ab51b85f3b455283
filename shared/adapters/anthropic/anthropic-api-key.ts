import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { logger } from '#platform/observability.ts';
import type { AnthropicSettings } from './anthropic-settings.ts';

/** The value the deployment puts in the Anthropic secret until an operator sets the real key. */
export const UNSET_SECRET_VALUE = 'unset';

/**
 * The configured Anthropic key, if any: ANTHROPIC_API_KEY locally, the Secrets Manager secret
 * (cached five minutes) in AWS. Undefined when neither holds a key.
 */
export async function anthropicApiKey(config: AnthropicSettings): Promise<string | undefined> {
  return config.ANTHROPIC_API_KEY ?? (await keyFromSecret(config.ANTHROPIC_API_KEY_SECRET_ID));
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
