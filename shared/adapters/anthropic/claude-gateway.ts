import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { z } from 'zod';
import type { CircuitRecorder, CircuitStatus } from '#platform/resilience/circuit.ts';
import { ResilientCalls } from '#platform/resilience/resilient-calls.ts';
import type { CallProfile } from './call-profiles.ts';
import { CLAUDE_CIRCUIT } from './claude-circuit.ts';
import {
  failureReason,
  InvalidOutputError,
  isTransient,
  ModelCallError,
  RefusalError,
  retryAfter,
} from './claude-failures.ts';
import type { FencedTurn } from './fenced-turn.ts';
import { MODEL_TRAITS } from './model-traits.ts';

/**
 * Current, non-deprecated Haiku (Anthropic's fastest, cheapest tier; not in the SDK's deprecated
 * list): the platform calls Claude on every inbound message, so cost and latency win.
 */
export const DEFAULT_CLAUDE_MODEL = 'claude-haiku-5-5';

/** One structured-output question: the answer must match `schema`, whose JSON schema Claude is given. */
export interface StructuredRequest<Schema extends z.ZodType> {
  readonly schema: Schema;
  readonly system: string;
  /**
   * Marks the system prompt cacheable (`cache_control: ephemeral`, 5-minute TTL): for a prompt
   * that is the same on every call, so calls within 5 minutes of the last read it from the prompt
   * cache at a tenth of the input price (the first pays 1.25× to write it). It is the only thing
   * before the breakpoint (no tools), and it caches only at or above the model's minimum length
   * (model-traits.ts), which each cacheable prompt's test checks.
   */
  readonly cacheSystem?: boolean;
  readonly user: FencedTurn;
  /**
   * A rule the JSON schema cannot carry (zod refinements turn the schema sent into $refs): an
   * answer it rejects is invalid output, counted by the breaker like any other failure.
   */
  readonly accepts?: (data: z.infer<Schema>) => boolean;
  /** Effort, thinking and the output cap for this kind of call (call-profiles.ts). */
  readonly call: CallProfile;
  /** A whole-call budget of its own (retries included), instead of the gateway's. */
  readonly timeoutMs?: number;
  /**
   * A breaker of its own (recorded as `claude:<key>`) for a kind of call whose failures must not
   * open the circuit the other calls share: slow reviews must never push triage to the rules.
   */
  readonly circuitKey?: string;
}

export interface ModelUsage {
  /** Input tokens billed at the full price (not read from the prompt cache). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Input tokens read from the prompt cache (the API's `cache_read_input_tokens`). */
  readonly cacheReadTokens: number;
}

export interface StructuredAnswer<T> {
  /** Validated against the request's schema. */
  readonly data: T;
  readonly usage: ModelUsage;
  /** The model that answered, as the API reports it. */
  readonly model: string;
}

/** Formats are built once per schema: the JSON schema is derived from zod and reused. */
const formats = new WeakMap<z.ZodType, ReturnType<typeof zodOutputFormat>>();
function outputFormat<Schema extends z.ZodType>(schema: Schema) {
  let format = formats.get(schema);
  if (!format) {
    format = zodOutputFormat(schema);
    formats.set(schema, format);
  }
  return format as ReturnType<typeof zodOutputFormat<Schema>>;
}

/**
 * The one way the platform asks Claude something: `(schema, system, user) → {data, usage}`, behind
 * a timeout, retries with backoff and jitter on 429/529/5xx, and a circuit breaker. The answer is
 * constrained to the schema's JSON schema and validated with zod; an answer outside it is asked
 * for once more (a model's slip is often not repeated), a second one is a failure. The untrusted
 * text travels fenced in the user turn. Every failure is a ModelCallError: the caller decides
 * what answers instead (triage falls back to the rules).
 */
export class ClaudeGateway {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly resilience: ResilientCalls,
  ) {}

  /** The shared breaker's state (triage and drafting), or that of a kind of call with its own key. */
  circuitState(key?: string): CircuitStatus {
    return this.resilience.circuitState(key);
  }

  async structured<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
  ): Promise<StructuredAnswer<z.infer<Schema>>> {
    try {
      const budget = request.timeoutMs === undefined ? undefined : { timeoutMs: request.timeoutMs };
      return await this.resilience.execute(
        (signal) => this.askTwiceIfMisshapen(request, signal),
        request.circuitKey,
        budget,
      );
    } catch (error) {
      const status = error instanceof Anthropic.APIError ? error.status : undefined;
      throw new ModelCallError(failureReason(error), status, { cause: error });
    }
  }

  /** Inside one budget and one breaker call: a second misshapen answer is the call's failure. */
  private async askTwiceIfMisshapen<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
    signal: AbortSignal,
  ): Promise<StructuredAnswer<z.infer<Schema>>> {
    try {
      return await this.ask(request, signal);
    } catch (error) {
      if (failureReason(error) !== 'invalid_output') throw error;
      return this.ask(request, signal);
    }
  }

  private async ask<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
    signal: AbortSignal,
  ): Promise<StructuredAnswer<z.infer<Schema>>> {
    const { call } = request;
    // Effort and thinking only for a model that takes them (Haiku 4.5 rejects effort); others
    // run at the API's defaults.
    const tuned = MODEL_TRAITS[this.model]?.effortAndThinking === true;
    const message = await this.client.messages.parse(
      {
        model: this.model,
        max_tokens: call.maxTokens,
        system: request.cacheSystem
          ? [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }]
          : request.system,
        messages: [{ role: 'user', content: request.user }],
        ...(tuned ? { thinking: { type: call.thinking } } : {}),
        output_config: {
          format: outputFormat(request.schema),
          ...(tuned ? { effort: call.effort } : {}),
        },
      },
      { signal },
    );
    // A safety classifier's refusal: asking again usually refuses again, so it is not retried.
    if (message.stop_reason === 'refusal') throw new RefusalError('the model declined the request');
    // Thinking blocks may come first; the SDK parses the text block, wherever it is.
    const data = message.parsed_output;
    if (data === null) throw new InvalidOutputError(`no structured output (stop: ${message.stop_reason})`);
    if (request.accepts && !request.accepts(data)) throw new InvalidOutputError('the answer breaks a rule');
    return {
      data,
      usage: {
        inputTokens: message.usage.input_tokens,
        outputTokens: message.usage.output_tokens,
        cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      },
      model: message.model,
    };
  }
}

/** A call's whole budget, retries included, unless the call has its own (the review's). */
export const GATEWAY_TIMEOUT_MS = 15_000;

export interface ClaudeGatewayConfig {
  readonly apiKey: string;
  /** Another endpoint (a proxy, or a local fake in tests). */
  readonly baseURL?: string;
  readonly model?: string;
  /** Attempts after the first on 429/529/5xx, inside the timeout; few, so a fallback answers quickly. */
  readonly retries?: number;
  /** Whole-call budget, retries included. */
  readonly timeoutMs?: number;
  /** Consecutive failed calls that open the circuit. */
  readonly failuresToOpen?: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly halfOpenAfterMs?: number;
  /** Where circuit transitions are recorded for the readiness check. */
  readonly recorder?: CircuitRecorder;
}

export function createClaudeGateway(config: ClaudeGatewayConfig): ClaudeGateway {
  const timeoutMs = config.timeoutMs ?? GATEWAY_TIMEOUT_MS;
  return new ClaudeGateway(
    // No SDK retries or timeout of its own: the resilience policy owns both, so a call has one
    // budget and its deadline aborts the request through the signal.
    new Anthropic({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0 }),
    config.model ?? DEFAULT_CLAUDE_MODEL,
    new ResilientCalls({
      name: CLAUDE_CIRCUIT,
      timeoutMs,
      retries: config.retries ?? 1,
      isRetryable: isTransient,
      retryAfterMs: retryAfter,
      failuresToOpen: config.failuresToOpen ?? 5,
      halfOpenAfterMs: config.halfOpenAfterMs ?? 30_000,
      recorder: config.recorder,
    }),
  );
}
