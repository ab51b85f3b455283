import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  admitted,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitDecision,
  type RateLimiter,
  rateLimitWindow,
  refused,
} from '#domain/access/rate-limit.ts';
import { count, logger } from '#platform/observability.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** Counters outlive their window a little, for inspection; the window id in the key, not the TTL, ends a window. */
const KEEP_AFTER_WINDOW_SECONDS = 5 * 60;

/** Long enough for a healthy DynamoDB (single-digit ms), short enough that a sick one barely slows the API. */
const DEFAULT_TIMEOUT_MS = 1000;

export interface DynamoRateLimiterOptions {
  /** Defaults to the instance's shared client; tests pass one pointed at a broken endpoint. */
  readonly client?: DynamoDBDocumentClient;
  /** How long a counter update may take before the request is let through unmetered. */
  readonly timeoutMs?: number;
}

/**
 * Fixed one-minute windows per API key, shared by every Lambda instance: one conditional
 * UpdateItem per request, which adds one only while the count is below the limit, so a refused
 * request is not counted and concurrent requests can never overshoot the limit.
 *
 * When DynamoDB fails or is slow, the request is allowed (fail open) with a warning and a
 * `RateLimiterUnavailable` metric: the limiter protects the API from one greedy client and must
 * never itself make the API unavailable to everyone.
 */
export class DynamoRateLimiter implements RateLimiter {
  private readonly client: DynamoDBDocumentClient;
  private readonly timeoutMs: number;

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
    try {
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
      return admitted(limitPerMinute, window, Number(Attributes?.count ?? limitPerMinute));
    } catch (error) {
      if (isConditionFailure(error)) return refused(limitPerMinute, window);
      logger.warn('rate limiter unavailable; letting the request through unmetered', { keyId, error });
      count('RateLimiterUnavailable');
      // Nothing was counted, so the client is shown the whole window's budget.
      return admitted(limitPerMinute, window, 0);
    }
  }
}
