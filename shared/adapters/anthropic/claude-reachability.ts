import Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import type { AnthropicConfig } from '#lib/function-config.ts';
import type { CheckOutcome, ReadinessCheck } from '#platform/health.ts';
import { anthropicApiKey } from './anthropic-api-key.ts';

export interface ClaudeReachabilityOptions {
  /** Budget of the probe call; below the readiness runner's own bound. */
  readonly timeoutMs?: number;
  /** How long one probe's result answers every readiness request, so probes cannot hammer the API. */
  readonly cacheMs?: number;
}

/**
 * Claude reachability: one cheap authenticated call (list one model) when a key is configured,
 * `skipped` otherwise. Not required: while Claude is unreachable the rules classify.
 * A failure is cached like a success, with its error.
 */
export function claudeReachabilityCheck(
  config: z.infer<typeof AnthropicConfig>,
  options: ClaudeReachabilityOptions = {},
): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 1_500;
  const cacheMs = options.cacheMs ?? 60_000;
  let cached: { until: number; probe: Promise<CheckOutcome> } | undefined;

  async function probe(): Promise<CheckOutcome> {
    const apiKey = await anthropicApiKey(config);
    if (!apiKey) return { status: 'skipped', detail: { reason: 'no Anthropic API key configured' } };
    const client = new Anthropic({
      apiKey,
      baseURL: config.ANTHROPIC_BASE_URL,
      maxRetries: 0,
      timeout: timeoutMs,
    });
    await client.models.list({ limit: 1 });
    return { status: 'ok', detail: { checkedAt: new Date().toISOString() } };
  }

  return {
    required: false,
    run: () => {
      const now = Date.now();
      if (!cached || cached.until <= now) cached = { until: now + cacheMs, probe: probe() };
      return cached.probe;
    },
  };
}
