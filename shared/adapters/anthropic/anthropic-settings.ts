/**
 * How an adapter reaches Claude, as a function's configuration gives it (lib/topology.ts declares
 * the secret and the settings): the key itself locally, or its Secrets Manager id in AWS, and the
 * model and endpoint when they are not Anthropic's defaults.
 */
export interface AnthropicSettings {
  readonly ANTHROPIC_API_KEY?: string;
  readonly ANTHROPIC_API_KEY_SECRET_ID?: string;
  readonly ANTHROPIC_BASE_URL?: string;
  readonly ANTHROPIC_MODEL?: string;
  /** The second compliance review's own budget (shared/platform/config.ts); unset, its default. */
  readonly ANTHROPIC_REVIEW_TIMEOUT_MS?: number;
}
