import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  ComparisonOperator,
  MathExpression,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { FunctionName } from '#lib/topology.ts';
import type { MetricName } from '#platform/metric-catalogue.ts';
import type { AictiveFunction } from './aictive-function.ts';
import { pascal } from './construct-ids.ts';
import { platformMetric } from './platform-metric.ts';
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

/** An alarm on a count the functions emit (metric-catalogue.ts), summed over 5 minutes. */
export interface PlatformMetricAlarm {
  readonly id: string;
  readonly metric: MetricName;
  /** The function that emits it: the metric's `service` dimension. */
  readonly service: FunctionName;
  /** Fires above this many in 5 minutes. */
  readonly threshold: number;
  readonly description: string;
}

/** Each says what increments the count; test/integration/alarmed-metrics.test.ts drives each one. */
export const PLATFORM_METRIC_ALARMS: readonly PlatformMetricAlarm[] = [
  {
    id: 'WebhookRejections',
    metric: 'WebhookRejected',
    service: 'webhook-ingest',
    threshold: WEBHOOK_REJECTIONS_THRESHOLD,
    description: `More than ${WEBHOOK_REJECTIONS_THRESHOLD} webhook deliveries refused in 5 minutes (401 bad, stale, replayed or missing signature, or an unknown org or integration; 403 source network not allowed; 413 over 256 KB): a rotated secret not updated on the sender's side, clock skew, or forgery. WebhookRejected_<reason> says which.`,
  },
  {
    id: 'WebhookUnrecognized',
    metric: 'WebhookUnrecognized',
    service: 'webhook-ingest',
    threshold: 0,
    description:
      'An authentic webhook could not be parsed (invalid JSON, unknown type, schema drift); stored as `unrecognized` and not queued: inspect it; once the parser knows the shape, `aictive replay` processes it.',
  },
  {
    id: 'EventUnrecognized',
    metric: 'EventUnrecognized',
    service: 'event-processor',
    threshold: 0,
    description:
      'The event processor met a Rentvine event it cannot name or whose schema drifted (integration payloads are counted apart); settled as `unrecognized`: inspect it; once the parser knows the shape, `aictive replay` processes it.',
  },
  {
    id: 'OutboxGaveUp',
    metric: 'OutboxGaveUp',
    service: 'sweeper',
    threshold: 0,
    description:
      'The sweeper gave up on stored work still unprocessed after its resend limit (never queued, or dead-lettered every time); marked `failed`, and any copy that reached a queue is in its DLQ: fix the cause, then `aictive dlq redrive` or `aictive replay`.',
  },
  {
    id: 'PageUnacknowledged',
    metric: 'PageUnacknowledged',
    service: 'sweeper',
    threshold: 0,
    description:
      'An emergency page is still unacknowledged at the top of its on-call ladder (the property managers, 30 minutes and more after the first page), or the org has nobody to page at all (no rotation for the department, no property manager): it is paged every 5 minutes until someone acknowledges. Call the people on `GET /v1/pages?status=paging`; give the department a rotation or the org a property manager.',
  },
  {
    id: 'WorkflowSlaBreached',
    metric: 'WorkflowSlaBreached',
    service: 'sweeper',
    threshold: 0,
    description:
      "A workflow step passed its service-level deadline with nobody acting on it (counted once per step, when the sweeper finds it due); it was escalated up its chain. For an emergency that is a resident with a hazard and no one reached yet: find the workflow (GET /v1/workflows?status=open), call its holder, and check the workflow notices topic's subscriptions reach a person.",
  },
  {
    id: 'WorkflowEffectFailed',
    metric: 'WorkflowEffectFailed',
    service: 'workflow',
    threshold: 0,
    description:
      "A workflow could not do one of its effects (Rentvine refused a work-order write, the org has no Rentvine connection, or the workflow lacks a property or vendor); the workflow routed it to a person, whose step is now waiting: the workflow function's log line (workflowId, effect, reason) says what to fix.",
  },
  {
    id: 'RateLimiterUnavailable',
    metric: 'RateLimiterUnavailable',
    service: 'api',
    threshold: 0,
    description:
      "The per-key rate limiter could not count a request (DynamoDB failed, or took over 1 s): those requests were let through unlimited; the API's own answers are unaffected.",
  },
];

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
        `A message of the ${spec.name} queue failed ${spec.maxReceiveCount} receives in a row (its consumer reported it as a batch item failure, threw, or timed out each time) and was moved to the DLQ; the consumer's "message failed" log lines say why: fix the cause, then \`aictive dlq redrive --queue ${spec.name}\`.`,
      );
      this.alarm(
        `${pascal(spec.name)}OldestMessageAge`,
        queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }),
        spec.maxAgeAlarmSeconds,
        `The ${spec.name} queue holds a message older than ${spec.maxAgeAlarmSeconds} s: its consumer is failing it again and again, stuck, throttled, or too slow for the load.`,
      );
    }
    for (const fn of functions) {
      this.alarm(
        `${pascal(fn.spec.name)}Errors`,
        fn.spec.kind === 'authorizer'
          ? authorizerFailures(fn)
          : fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        0,
        errorsDescription(fn),
      );
    }
    for (const { id, metric, service, threshold, description } of PLATFORM_METRIC_ALARMS) {
      this.alarm(id, platformMetric(metric, service, PERIOD), threshold, description);
    }
    this.alarm(
      'ApiServerErrors',
      api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      0,
      'API Gateway answered 5XX: a function threw, timed out (29 s) or returned a 5XX (e.g. 503 stored-not-queued, 500 internal), or the authorizer failed.',
    );
    this.alarm(
      'ApiLatencyP95',
      api.metricLatency({ period: PERIOD, statistic: 'p95' }),
      API_LATENCY_P95_THRESHOLD_MS,
      `API p95 latency (API Gateway, including the authorizer and the function) above ${API_LATENCY_P95_THRESHOLD_MS} ms over 5 minutes.`,
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

/** What the Errors metric of each kind of function counts. */
function errorsDescription({ spec }: AictiveFunction): string {
  switch (spec.kind) {
    case 'authorizer':
      return `The ${spec.name} function failed beyond refusing keys (Errors minus ApiKeyRejected): it threw another error or timed out, and API Gateway answered 500.`;
    case 'http':
      return `The ${spec.name} function threw, crashed or timed out (an answered 5XX problem is not an error here; ApiServerErrors counts those).`;
    case 'queue':
      return `The ${spec.name} function threw, crashed or timed out, or every message of a batch failed (a single failed message is a batch item failure, not an error: it is retried, and the ${spec.consumes?.queue} dead-letter alarm fires if it never succeeds).`;
    case 'schedule':
      return `The ${spec.name} function threw, crashed or timed out; the schedule runs it again next time.`;
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
      rejected: platformMetric('ApiKeyRejected', fn.spec.name, PERIOD),
    },
  });
}
