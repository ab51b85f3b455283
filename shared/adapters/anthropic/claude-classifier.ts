import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleAll,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
import {
  Classification,
  type EmailClassifier,
  type EmailToClassify,
} from '#domain/classification/taxonomy.ts';
import { logger } from '#platform/observability.ts';
import { ClaudeVerdict, fenceEmail, SYSTEM_PROMPT } from './classification-prompt.ts';

/** Current, non-deprecated Haiku: classification runs on every inbound email, so cost and latency win. */
export const DEFAULT_CLAUDE_MODEL = 'claude-haiku-5-5';

/** Built once: the JSON schema sent with every request and the parser of the answer. */
const VERDICT_FORMAT = zodOutputFormat(ClaudeVerdict);

export type CircuitStatus = 'closed' | 'open' | 'half-open';
/** The name the Claude circuit is recorded under (CircuitJournal). */
export const CLAUDE_CIRCUIT = 'claude';

export interface ClaudeClassifierOptions {
  readonly client: Anthropic;
  readonly model: string;
  /** Answers whenever Claude cannot: error, timeout, invalid output or open circuit. */
  readonly fallback: EmailClassifier;
  /** Whole-call budget, SDK retries included. */
  readonly timeoutMs?: number;
  /** Consecutive failures that open the circuit. */
  readonly failuresToOpen?: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly halfOpenAfterMs?: number;
  /**
   * Told of every circuit transition (break, half-open, reset): the circuit lives in this
   * instance's memory, and other functions (readiness) learn of it only if it is recorded.
   * The classification that caused the transition waits for the returned promise.
   */
  readonly onCircuitChange?: (state: CircuitStatus) => Promise<void> | void;
}

/** The model answered, but not with a usable classification. */
class InvalidOutputError extends Error {
  override readonly name = 'InvalidOutputError';
}

/** A short, stable, log- and API-safe label for why Claude was not used. */
function fallbackReasonFor(error: unknown): string {
  // instanceof, not cockatiel's isTaskCancelledError: in 3.2.1 that one tests the wrong marker.
  if (error instanceof BrokenCircuitError) return 'circuit_open';
  if (error instanceof TaskCancelledError) return 'timeout';
  if (error instanceof InvalidOutputError) return 'invalid_output';
  if (error instanceof Anthropic.APIError) return `claude_error: ${error.name}`;
  // What remains from the SDK is the structured-output parser rejecting the text.
  if (error instanceof Anthropic.AnthropicError) return 'invalid_output';
  return 'claude_error: unexpected';
}

const CIRCUIT_STATUS: Readonly<Record<CircuitState, CircuitStatus>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * Claude structured-output classification behind a timeout and a circuit breaker, falling back
 * to another classifier (the rules) on any failure. The model can only answer with the
 * taxonomy's enums; the answer is validated again against the domain Classification.
 */
export class ClaudeClassifier implements EmailClassifier {
  private readonly client: Anthropic;
  private readonly model: string;
  private readonly fallback: EmailClassifier;
  private readonly breaker;
  private readonly policy;
  /** Circuit recordings still under way; a classification returns only once they are done. */
  private circuitRecording: Promise<void> = Promise.resolve();

  constructor(options: ClaudeClassifierOptions) {
    this.client = options.client;
    this.model = options.model;
    this.fallback = options.fallback;
    // Every failure counts, invalid output included: a model that keeps answering garbage is as
    // unusable as one that is down, and the rules answer faster.
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
      breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 5),
    });
    const onCircuitChange = options.onCircuitChange;
    if (onCircuitChange) {
      this.breaker.onStateChange((state) => {
        this.circuitRecording = Promise.allSettled([
          this.circuitRecording,
          Promise.resolve().then(() => onCircuitChange(CIRCUIT_STATUS[state])),
        ]).then(() => undefined);
      });
    }
    // Breaker outside the timeout, so a timed-out call counts as a failure.
    this.policy = wrap(this.breaker, timeout(options.timeoutMs ?? 15_000, TimeoutStrategy.Aggressive));
  }

  get circuitState(): CircuitStatus {
    return CIRCUIT_STATUS[this.breaker.state];
  }

  async classify(email: EmailToClassify): Promise<Classification> {
    try {
      return await this.policy.execute(({ signal }) => this.askClaude(email, signal));
    } catch (error) {
      return await this.fallBack(email, error);
    } finally {
      // Inside the invocation: a frozen Lambda instance would otherwise hold the write back.
      await this.circuitRecording;
    }
  }

  private async fallBack(email: EmailToClassify, error: unknown): Promise<Classification> {
    const fallbackReason = fallbackReasonFor(error);
    // Never the email or the error message: both can carry the sender's text.
    logger.warn('Claude classification unavailable, using fallback classifier', {
      fallbackReason,
      errorName: error instanceof Error ? error.name : typeof error,
      status: error instanceof Anthropic.APIError ? error.status : undefined,
      model: this.model,
      circuitState: this.circuitState,
    });
    return { ...(await this.fallback.classify(email)), fallbackReason };
  }

  private async askClaude(email: EmailToClassify, signal: AbortSignal): Promise<Classification> {
    const message = await this.client.messages.parse(
      {
        model: this.model,
        max_tokens: 512,
        system: SYSTEM_PROMPT,
        messages: [{ role: 'user', content: fenceEmail(email) }],
        output_config: { format: VERDICT_FORMAT },
      },
      { signal },
    );
    const verdict = message.parsed_output;
    if (verdict === null) throw new InvalidOutputError(`no structured output (stop: ${message.stop_reason})`);
    const classification = Classification.safeParse({
      ...verdict,
      engine: 'claude',
      model: message.model,
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
    });
    if (!classification.success) throw new InvalidOutputError('verdict breaks the classification rules');
    return classification.data;
  }
}

export interface ClaudeClassifierConfig {
  readonly apiKey: string;
  /** Another endpoint (a proxy, or a local fake in tests). */
  readonly baseURL?: string;
  readonly model?: string;
  /** SDK retries of 429/5xx inside the timeout; kept small so the fallback answers quickly. */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
  readonly fallback?: EmailClassifier;
  readonly onCircuitChange?: ClaudeClassifierOptions['onCircuitChange'];
}

/** Claude with the rules as fallback, from configuration. */
export function createClaudeClassifier(config: ClaudeClassifierConfig): ClaudeClassifier {
  const timeoutMs = config.timeoutMs ?? 15_000;
  return new ClaudeClassifier({
    client: new Anthropic({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      maxRetries: config.maxRetries ?? 1,
      timeout: timeoutMs,
    }),
    model: config.model ?? DEFAULT_CLAUDE_MODEL,
    fallback: config.fallback ?? rulesClassifier,
    timeoutMs,
    onCircuitChange: config.onCircuitChange,
  });
}
