import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AictiveFunction } from './aictive-function.ts';
import { pascal } from './construct-ids.ts';
import type { WorkQueue } from './work-queue.ts';

/** Slower than this at p95 and callers (and Rentvine's webhook timeout) start to notice. */
export const API_LATENCY_P95_THRESHOLD_MS = 2000;
/**
 * Rejected webhook deliveries per 5 minutes. A healthy sender is never rejected, and a public URL
 * draws stray probes at a trickle (a few an hour); 20 in 5 minutes (one every 15 s) is a sender
 * whose secret or clock no longer matches (Rentvine retries each refused delivery) or a forging
 * attempt, either of which someone must look at.
 */
export const WEBHOOK_REJECTIONS_THRESHOLD = 20;
const PERIOD = Duration.minutes(5);

export interface OperationalAlarmsProps {
  readonly topic: ITopic;
  readonly queues: readonly WorkQueue[];
  readonly functions: readonly AictiveFunction[];
  readonly api: RestApi;
}

/**
 * The promise "nothing accepted is lost" holds only if someone hears about what is stuck: every
 * alarm notifies the one topic, on the way into ALARM and back to OK.
 */
export class OperationalAlarms extends Construct {
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, { topic, queues, functions, api }: OperationalAlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(topic);

    for (const { spec, queue, deadLetterQueue } of queues) {
      this.alarm(
        `${pascal(spec.name)}DeadLetters`,
        deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        0,
        `Messages from the ${spec.name} queue gave up after ${spec.maxReceiveCount} receives; inspect and redrive the DLQ.`,
      );
      this.alarm(
        `${pascal(spec.name)}OldestMessageAge`,
        queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }),
        spec.maxAgeAlarmSeconds,
        `The ${spec.name} queue holds a message older than ${spec.maxAgeAlarmSeconds} s: its consumer is stuck or too slow.`,
      );
    }
    for (const fn of functions) {
      this.alarm(
        `${pascal(fn.spec.name)}Errors`,
        fn.spec.kind === 'authorizer'
          ? authorizerFailures(fn)
          : fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        0,
        `The ${fn.spec.name} function failed invocations.`,
      );
    }
    this.alarm(
      'WebhookRejections',
      platformMetric('WebhookRejected', 'webhook-ingest'),
      WEBHOOK_REJECTIONS_THRESHOLD,
      `More than ${WEBHOOK_REJECTIONS_THRESHOLD} webhook deliveries refused in 5 minutes: a rotated secret not updated on the sender's side, clock skew, or forgery.`,
    );
    this.alarm(
      'WebhookUnrecognized',
      platformMetric('WebhookUnrecognized', 'webhook-ingest'),
      0,
      'An authentic webhook could not be parsed (unknown type, schema drift, invalid JSON); kept as `unrecognized`: inspect it; once the parser knows the shape, `aictive replay` processes it.',
    );
    this.alarm(
      'EventUnrecognized',
      platformMetric('EventUnrecognized', 'event-processor'),
      0,
      'The event processor met an event it cannot name or whose schema drifted; kept as `unrecognized`: inspect it; once the parser knows the shape, `aictive replay` processes it.',
    );
    this.alarm(
      'OutboxGaveUp',
      platformMetric('OutboxGaveUp', 'sweeper'),
      0,
      'The sweeper gave up re-sending stored work (now `failed`); its copies are in a DLQ: fix the cause, then `aictive dlq redrive` or `aictive replay`.',
    );
    this.alarm(
      'RateLimiterUnavailable',
      platformMetric('RateLimiterUnavailable', 'api'),
      0,
      'The per-key rate limiter could not count (DynamoDB throttled, failing or unreachable): each instance lets up to the limit through on its own until it recovers.',
    );
    this.alarm(
      'ApiServerErrors',
      api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      0,
      'The API answered 5XX.',
    );
    this.alarm(
      'ApiLatencyP95',
      api.metricLatency({ period: PERIOD, statistic: 'p95' }),
      API_LATENCY_P95_THRESHOLD_MS,
      `API p95 latency above ${API_LATENCY_P95_THRESHOLD_MS} ms.`,
    );
  }

  private alarm(id: string, metric: Metric | MathExpression, threshold: number, description: string): void {
    const alarm = metric.createAlarm(this, id, {
      alarmDescription: description,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No data means no traffic (or an idle queue), which is healthy.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}

/**
 * An authorizer answers a bad key by throwing "Unauthorized" (the only way to get a 401), which
 * Lambda counts as an error; the function counts those refusals (ApiKeyRejected), and only the
 * errors beyond them are failures.
 */
function authorizerFailures(fn: AictiveFunction): MathExpression {
  return new MathExpression({
    label: `${fn.spec.name} failures`,
    expression: 'errors - FILL(rejected, 0)',
    period: PERIOD,
    usingMetrics: {
      errors: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      rejected: platformMetric('ApiKeyRejected', fn.spec.name),
    },
  });
}

/** A count the functions emit with Powertools (EMF): namespace Aictive, dimension service = function name. */
function platformMetric(metricName: string, service: string): Metric {
  return new Metric({
    namespace: 'Aictive',
    metricName,
    dimensionsMap: { service },
    period: PERIOD,
    statistic: 'Sum',
  });
}
