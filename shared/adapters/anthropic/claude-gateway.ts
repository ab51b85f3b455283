import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { z } from 'zod';
import type { CircuitRecorder, CircuitStatus } from '#platform/resilience/circuit.ts';
import { ResilientCalls } from '#platform/resilience/resilient-calls.ts';
import { CLAUDE_CIRCUIT } from './claude-circuit.ts';
import {
  failureReason,
  InvalidOutputError,
  isTransient,
  ModelCallError,
  retryAfter,
} from './claude-failures.ts';
import type { FencedTurn } from './fenced-turn.ts';

/** Current, non-deprecated Haiku: the platform calls Claude on every inbound email, so cost and latency win. */
export const DEFAULT_CLAUDE_MODEL = 'claude-haiku-5-5';

/** One structured-output question: the answer must match `schema`, whose JSON schema Claude is given. */
export interface StructuredRequest<Schema extends z.ZodType> {
  readonly schema: Schema;
  readonly system: string;
  readonly user: FencedTurn;
  /**
   * A rule the JSON schema cannot carry (zod refinements turn the schema sent into $refs): an
   * answer it rejects is invalid output, counted by the breaker like any other failure.
   */
  readonly accepts?: (data: z.infer<Schema>) => boolean;
  readonly maxTokens?: number;
}

export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
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
 * constrained to the schema's JSON schema and validated with zod; the untrusted text travels
 * fenced in the user turn. Every failure is a ModelCallError: the caller decides what answers
 * instead (classification falls back to the rules).
 */
export class ClaudeGateway {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly resilience: ResilientCalls,
  ) {}

  get circuitState(): CircuitStatus {
    return this.resilience.circuitState();
  }

  async structured<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
  ): Promise<StructuredAnswer<z.infer<Schema>>> {
    try {
      return await this.resilience.execute((signal) => this.ask(request, signal));
    } catch (error) {
      const status = error instanceof Anthropic.APIError ? error.status : undefined;
      throw new ModelCallError(failureReason(error), status, { cause: error });
    }
  }

  private async ask<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
    signal: AbortSignal,
  ): Promise<StructuredAnswer<z.infer<Schema>>> {
    const message = await this.client.messages.parse(
      {
        model: this.model,
        max_tokens: request.maxTokens ?? 512,
        system: request.system,
        messages: [{ role: 'user', content: request.user }],
        output_config: { format: outputFormat(request.schema) },
      },
      { signal },
    );
    const data = message.parsed_output;
    if (data === null) throw new InvalidOutputError(`no structured output (stop: ${message.stop_reason})`);
    if (request.accepts && !request.accepts(data)) throw new InvalidOutputError('the answer breaks a rule');
    return {
      data,
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
      model: message.model,
    };
  }
}

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
  const timeoutMs = config.timeoutMs ?? 15_000;
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
