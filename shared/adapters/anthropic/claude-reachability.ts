import type { CheckOutcome, ReadinessCheck } from '#platform/health.ts';
import { anthropicApiKey } from './anthropic-api-key.ts';
import type { AnthropicSettings } from './anthropic-settings.ts';

/** Where the Messages API lives unless ANTHROPIC_BASE_URL says otherwise (the SDK's default too). */
const ANTHROPIC_API = 'https://api.anthropic.com';
/** The API version the pinned @anthropic-ai/sdk sends; the probe speaks as the classifier does. */
const ANTHROPIC_VERSION = '2026-10-21';

/**
 * Why the probe failed, named as the SDK names the same failure, so readiness reads the same
 * whichever client made the call.
 */
function failureName(status: number): string {
  if (status === 401) return 'AuthenticationError';
  if (status === 403) return 'PermissionDeniedError';
  if (status === 404) return 'NotFoundError';
  if (status === 429) return 'RateLimitError';
  if (status === 529) return 'OverloadedError';
  return status >= 500 ? 'InternalServerError' : 'APIError';
}

class ProbeError extends Error {
  constructor(name: string, options?: { readonly cause: unknown }) {
    super(name, options);
    this.name = name;
  }
}

export interface ClaudeReachabilityOptions {
  /** Budget of the probe call; below the readiness runner's own bound. */
  readonly timeoutMs?: number;
  /** How long one probe's result answers every readiness request, so probes cannot hammer the API. */
  readonly cacheMs?: number;
}

/**
 * Claude reachability: one cheap authenticated call (list one model) when a key is configured,
 * `skipped` otherwise. Not required: while Claude is unreachable the rules classify.
 * A failure is cached like a success, with its error. A plain fetch, not the SDK: the api
 * function answers readiness and should not carry a model client it never otherwise uses.
 */
export function claudeReachabilityCheck(
  config: AnthropicSettings,
  options: ClaudeReachabilityOptions = {},
): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 1_500;
  const cacheMs = options.cacheMs ?? 60_000;
  const modelsUrl = `${(config.ANTHROPIC_BASE_URL ?? ANTHROPIC_API).replace(/\/+$/, '')}/v1/models?limit=1`;
  let cached: { until: number; probe: Promise<CheckOutcome> } | undefined;

  async function probe(): Promise<CheckOutcome> {
    const apiKey = await anthropicApiKey(config);
    if (!apiKey) return { status: 'skipped', detail: { reason: 'no Anthropic API key configured' } };
    let response: Response;
    try {
      response = await fetch(modelsUrl, {
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${apiKey}`,
          'anthropic-version': ANTHROPIC_VERSION,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ProbeError(timedOut ? 'APIConnectionTimeoutError' : 'APIConnectionError', { cause: error });
    }
    // Read to the end either way, so the connection goes back to the pool.
    await response.arrayBuffer();
    if (!response.ok) throw new ProbeError(failureName(response.status));
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
