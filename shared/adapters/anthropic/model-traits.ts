/**
 * What a request to a model must respect beyond its price (model-prices.ts): the shortest prefix
 * the prompt cache keeps, and whether it takes the effort and thinking settings the gateway sends.
 * A model not listed gets neither setting (the API's defaults) and no cache estimate.
 *
 * Minimum cacheable prompt length: below it Anthropic silently caches nothing (no error,
 * `cache_creation_input_tokens` stays 0). Per-model table of
 * https://platform.claude.com/docs/en/build-with-claude/prompt-caching#cache-limitations, read
 * offline on 2026-11-27 through copies that quote it (it was not retrievable itself): 512 for
 * Haiku 5.5 (and Opus 5 and later), 4,096 for Haiku 4.5, 1,024 for Opus 4.8; Sonnet 4.6 is
 * quoted as 1,024 and as 2,048, so the larger is kept.
 *
 * Effort (`output_config.effort`) and `thinking`: Haiku 5.5 runs adaptive thinking at `medium`
 * effort by default, accepts `low`…`max`, and lets thinking be turned off at `high` effort or
 * below (https://platform.claude.com/docs/en/models/haiku-5-5/whats-new-haiku-5-5); Haiku 4.5
 * rejects `effort`.
 */
export interface ModelTraits {
  readonly minCacheablePromptTokens: number;
  /** Takes `output_config.effort` and `thinking: {type: 'adaptive' | 'disabled'}` (effort ≤ high). */
  readonly effortAndThinking: boolean;
}

export const MODEL_TRAITS: Readonly<Record<string, ModelTraits>> = {
  'claude-haiku-5-5': { minCacheablePromptTokens: 512, effortAndThinking: true },
  'claude-haiku-4-5': { minCacheablePromptTokens: 4_096, effortAndThinking: false },
  'claude-sonnet-4-6': { minCacheablePromptTokens: 2_048, effortAndThinking: true },
  'claude-opus-4-8': { minCacheablePromptTokens: 1_024, effortAndThinking: true },
};

/**
 * Token estimates for text, offline (the count API needs a key). Haiku 5.5 uses the tokenizer of
 * Claude 4.7 and later, which counts "approximately 30% more tokens" than Haiku 4.5 for the same
 * text (https://platform.claude.com/docs/en/models/haiku-5-5/migration-guide#recount-tokens), and
 * for which the models overview gives "1M tokens is roughly … 2.5M Unicode characters"
 * (https://platform.claude.com/docs/en/models/haiku-5-5/overview). From those and the older
 * tokenizer's rule of thumb for English, 4 characters a token:
 * - `floor`: 4 characters a token, what Haiku 4.5 would count; the newer tokenizer counts more,
 *   so a prefix whose floor reaches a minimum reaches it for real. Used to decide caching.
 * - `likely`: the floor plus 30 %, about 3.1 characters a token. Used for costs.
 * - `ceiling`: 2.5 characters a token, the overview's figure for text in general (code and
 *   identifiers like `maintenance_emergency` split finer than prose).
 */
export interface TokenEstimate {
  readonly floor: number;
  readonly likely: number;
  readonly ceiling: number;
}

export const OLD_TOKENIZER_CHARS_PER_TOKEN = 4;
const NEW_TOKENIZER_GROWTH = 1.3;
const NEW_TOKENIZER_CHARS_PER_TOKEN_CEILING = 2.5;

export function estimateTokens(chars: number): TokenEstimate {
  return {
    floor: Math.ceil(chars / OLD_TOKENIZER_CHARS_PER_TOKEN),
    likely: Math.ceil((chars / OLD_TOKENIZER_CHARS_PER_TOKEN) * NEW_TOKENIZER_GROWTH),
    ceiling: Math.ceil(chars / NEW_TOKENIZER_CHARS_PER_TOKEN_CEILING),
  };
}

/**
 * Whether a stable prefix of `chars` characters is long enough for `model`'s prompt cache,
 * judged on the floor estimate; undefined for a model not in the table.
 */
export function prefixIsCacheable(model: string, chars: number): boolean | undefined {
  const traits = MODEL_TRAITS[model];
  if (!traits) return undefined;
  return estimateTokens(chars).floor >= traits.minCacheablePromptTokens;
}
