import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { InstanceTally, type TallyTicket } from '#domain/access/instance-tally.ts';
import {
  admitted,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitWindow,
  rateLimitWindow,
  refused,
  undecided,
} from '#domain/access/rate-limit.ts';
import { count, logger } from '#platform/observability.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';
import { isStoreUnavailable } from './store-unavailable.ts';

/** Counters outlive their window a little, for inspection; the window id in the key, not the TTL, ends a window. */
const KEEP_AFTER_WINDOW_SECONDS = 5 * 60;

/** Long enough for a healthy DynamoDB (single-digit ms), short enough that a sick one barely slows the API. */
const DEFAULT_TIMEOUT_MS = 1000;

export interface DynamoRateLimiterOptions {
  /** Defaults to the instance's shared client; tests pass one pointed at a broken endpoint. */
  readonly client?: DynamoDBDocumentClient;
  /** How long a counter update may take before the request is refused as undecided (503). */
  readonly timeoutMs?: number;
}

/**
 * Fixed one-minute windows per API key, shared by every Lambda instance: one conditional
 * UpdateItem per request, which adds one only while the count is below the limit, so a refused
 * request is not counted and concurrent requests can never overshoot the limit. The instance's
 * own tally (#domain/access/instance-tally.ts) keeps a burst on one instance from sending the
 * store more than the limit's worth of updates at once.
 *
 * When DynamoDB is unavailable (throttled, failing or unreachable after the SDK's retries), the
 * request is allowed (fail open) with a warning and a `RateLimiterUnavailable` metric, up to the
 * limit per instance: the limiter protects the API from one greedy client and must never itself
 * make the API unavailable to everyone. A slow answer is not unavailability (a key's own burst
 * makes its counter slow): past the time budget the request is refused as undecided.
 */
export class DynamoRateLimiter implements RateLimiter {
  private readonly client: DynamoDBDocumentClient;
  private readonly timeoutMs: number;
  private readonly tally = new InstanceTally();

  constructor(
    private readonly tableName: string,
    options: DynamoRateLimiterOptions = {},
  ) {
    this.client = options.client ?? documentClient();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async consume(keyId: string, limitPerMinute: number, now: Date): Promise<RateLimitDecision> {
    // A limit below 1 would still let the first request of a window in (attribute_not_exists).
    if (!Number.isInteger(limitPerMinute) || limitPerMinute < 1) {
      throw new RangeError(`rate limit must be a whole number of at least 1, got ${limitPerMinute}`);
    }
    const window = rateLimitWindow(now);
    const ticket = this.tally.begin(keyId, window.startSeconds, limitPerMinute);
    if (!ticket) return refused(limitPerMinute, window);
    try {
      const used = await this.count(keyId, limitPerMinute, window);
      ticket.settle('admitted');
      return admitted(limitPerMinute, window, used);
    } catch (error) {
      return this.uncounted(error, { keyId, limitPerMinute, window, ticket });
    } finally {
      // A no-op once settled; an error below (a defect) must not leave the request counting.
      ticket.settle('undecided');
    }
  }

  /** Spends one of the window; the count after it. Throws a condition failure when used up. */
  private async count(keyId: string, limitPerMinute: number, window: RateLimitWindow): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateLimitWindow(keyId, window.startSeconds),
        UpdateExpression: 'ADD #count :one SET #expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limitPerMinute,
          ':expiresAt': window.startSeconds + RATE_LIMIT_WINDOW_SECONDS + KEEP_AFTER_WINDOW_SECONDS,
        },
        ReturnValues: 'UPDATED_NEW',
      }),
      { abortSignal: AbortSignal.timeout(this.timeoutMs) },
    );
    // UPDATED_NEW always returns the count; were it missing, claim nothing is left.
    return Number(Attributes?.count ?? limitPerMinute);
  }

  /** The decision when the store did not count the request. */
  private uncounted(
    error: unknown,
    request: { keyId: string; limitPerMinute: number; window: RateLimitWindow; ticket: TallyTicket },
  ): RateLimitDecision {
    const { keyId, limitPerMinute, window, ticket } = request;
    if (isConditionFailure(error)) {
      ticket.settle('used-up');
      return refused(limitPerMinute, window);
    }
    if (isStoreUnavailable(error)) {
      logger.warn('rate limiter unavailable; letting the request through, counted by this instance alone', {
        keyId,
        error,
      });
      count('RateLimiterUnavailable');
      return admitted(limitPerMinute, window, ticket.settle('admitted'));
    }
    if (isGivenUp(error)) {
      logger.warn('rate limiter too slow; refusing the request as undecided', { keyId });
      ticket.settle('undecided');
      return undecided(limitPerMinute, window);
    }
    throw error;
  }
}

/** Our own time budget ran out (the abort signal), or the SDK's request timeout did. */
function isGivenUp(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
