import type { TriageUsage } from '#domain/triage/triage.ts';

/**
 * List prices of the models the platform may be configured with, in US dollars per million
 * tokens, for cost estimates (`aictive eval`, `npm run bench:triage`), never for billing.
 * Source: Anthropic's pricing page, https://platform.claude.com/docs/en/about-claude/pricing
 * ("Model pricing": base input, 5-minute cache writes, cache hits, output), as read on 2026-11-27;
 * Haiku 5.5's rates are those for prompts up to 100,000 tokens (triage prompts are far below),
 * checked again against https://platform.claude.com/docs/en/models/haiku-5-5/overview: $0.10
 * input, $0.125 5-minute cache write ($0.20 for 1 hour, unused here), $0.01 cache read, $0.50
 * output per MTok; above 100,000 tokens $0.50 / $0.625 / $0.05 / $2.50.
 * A model not listed has no estimate ("unknown"), never a guess.
 */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly cacheWritePerMTok: number;
  readonly cacheReadPerMTok: number;
  readonly outputPerMTok: number;
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-haiku-5-5': {
    inputPerMTok: 0.1,
    cacheWritePerMTok: 0.125,
    cacheReadPerMTok: 0.01,
    outputPerMTok: 0.5,
  },
  'claude-haiku-4-5': { inputPerMTok: 1, cacheWritePerMTok: 1.25, cacheReadPerMTok: 0.1, outputPerMTok: 5 },
  'claude-sonnet-4-6': { inputPerMTok: 3, cacheWritePerMTok: 3.75, cacheReadPerMTok: 0.3, outputPerMTok: 15 },
  'claude-opus-4-8': { inputPerMTok: 5, cacheWritePerMTok: 6.25, cacheReadPerMTok: 0.5, outputPerMTok: 25 },
};

/** Tokens as a triage's usage reports them, plus cache writes when a caller knows them. */
export interface TokenSpend extends TriageUsage {
  readonly cacheWriteTokens?: number;
}

/** Estimated dollars for this spend at the model's list price; undefined for a model not in the table. */
export function estimatedCostUsd(model: string, spend: TokenSpend): number | undefined {
  const price = MODEL_PRICES[model];
  if (!price) return undefined;
  return (
    (spend.inputTokens * price.inputPerMTok +
      (spend.cacheWriteTokens ?? 0) * price.cacheWritePerMTok +
      spend.cacheReadTokens * price.cacheReadPerMTok +
      spend.outputTokens * price.outputPerMTok) /
    1_000_000
  );
}
