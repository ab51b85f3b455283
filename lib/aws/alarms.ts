import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AictiveFunction } from './aictive-function.ts';
import { pascal } from './construct-ids.ts';
import type { WorkQueue } from './work-queue.ts';

/** Slower than this at p95 and callers (and Rentvine's webhook timeout) start to notice. */
export const API_LATENCY_P95_THRESHOLD_MS = 2000;
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
      rejected: new Metric({
        namespace: 'Aictive',
        metricName: 'ApiKeyRejected',
        dimensionsMap: { service: fn.spec.name },
        period: PERIOD,
        statistic: 'Sum',
      }),
    },
  });
}
