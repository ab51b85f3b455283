import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Dashboard, GraphWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { FunctionName } from '#lib/topology.ts';
import type { MetricName } from '#platform/metric-catalogue.ts';
import type { AictiveFunction } from './aictive-function.ts';
import { platformMetric } from './platform-metric.ts';
import { TRIAGE_FIGURE_ALARMS, triageFigure } from './triage-evaluation-alarms.ts';
import type { WorkQueue } from './work-queue.ts';

const PERIOD = Duration.minutes(1);

/**
 * The workflow counts and the function that emits each (its `service` dimension): the workflow
 * function starts workflows and runs their effects, the sweeper ticks the due ones.
 */
const WORKFLOW_ACTIVITY: readonly (readonly [MetricName, FunctionName])[] = [
  ['WorkflowStarted', 'workflow'],
  ['WorkflowTransition', 'workflow'],
  ['WorkflowTransition', 'sweeper'],
  ['WorkflowSwept', 'sweeper'],
  ['WorkflowNoticePublished', 'workflow'],
  ['VendorOfferSent', 'workflow'],
  ['WorkflowClosedByTroubleshooting', 'workflow'],
];
/** The ones someone may have to act on (WorkflowSlaBreached and WorkflowEffectFailed are alarmed). */
const WORKFLOW_TROUBLE: readonly (readonly [MetricName, FunctionName])[] = [
  ['WorkflowEscalated', 'sweeper'],
  ['WorkflowSlaBreached', 'sweeper'],
  ['WorkflowEffectFailed', 'workflow'],
];

export interface OperationsDashboardProps {
  readonly stage: string;
  readonly queues: readonly WorkQueue[];
  readonly functions: readonly AictiveFunction[];
  readonly api: RestApi;
}

/**
 * One page for the on-call: API health, queue backlog and dead letters, function errors and
 * duration, then the platform's own counts (metric-catalogue.ts): webhooks, messages, outbox,
 * workflows.
 */
export class OperationsDashboard extends Construct {
  constructor(scope: Construct, id: string, { stage, queues, functions, api }: OperationsDashboardProps) {
    super(scope, id);
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `Aictive-${stage}` });
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [api.metricCount({ period: PERIOD }), api.metricClientError({ period: PERIOD })],
        right: [api.metricServerError({ period: PERIOD })],
      }),
      new GraphWidget({
        title: 'API latency p95 (ms)',
        left: [api.metricLatency({ period: PERIOD, statistic: 'p95' })],
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Queue backlog (oldest message, s)',
        left: queues.map(({ spec, queue }) =>
          queue.metricApproximateAgeOfOldestMessage({
            period: PERIOD,
            statistic: 'Maximum',
            label: spec.name,
          }),
        ),
      }),
      new GraphWidget({
        title: 'Dead letters',
        left: queues.map(({ spec, deadLetterQueue }) =>
          deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: PERIOD,
            statistic: 'Maximum',
            label: spec.name,
          }),
        ),
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors',
        left: functions.map((fn) =>
          fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: fn.spec.name }),
        ),
      }),
      new GraphWidget({
        title: 'Function duration p95 (ms)',
        left: functions.map((fn) =>
          fn.metricDuration({ period: PERIOD, statistic: 'p95', label: fn.spec.name }),
        ),
      }),
    );
    const consumers = functions.filter((fn) => fn.spec.consumes);
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Webhook deliveries',
        left: (['WebhookReceived', 'WebhookEnqueued', 'WebhookDuplicate', 'WebhookRejected'] as const).map(
          (name) => platformMetric(name, 'webhook-ingest', PERIOD),
        ),
        right: (['WebhookUnrecognized', 'WebhookEnqueueFailed'] as const).map((name) =>
          platformMetric(name, 'webhook-ingest', PERIOD),
        ),
      }),
      new GraphWidget({
        title: 'Queue messages failed (retried, then dead-lettered)',
        left: consumers.map((fn) =>
          platformMetric('RecordsFailed', fn.spec.name, PERIOD).with({ label: fn.spec.name }),
        ),
      }),
      new GraphWidget({
        title: 'Outbox sweep',
        left: (['OutboxResent', 'OutboxResendFailed', 'OutboxGaveUp'] as const).map((name) =>
          platformMetric(name, 'sweeper', PERIOD),
        ),
      }),
      new GraphWidget({
        title: 'Workflows',
        left: WORKFLOW_ACTIVITY.map(([name, service]) =>
          platformMetric(name, service, PERIOD).with({ label: `${name} (${service})` }),
        ),
        right: WORKFLOW_TROUBLE.map(([name, service]) =>
          platformMetric(name, service, PERIOD).with({ label: `${name} (${service})` }),
        ),
      }),
      new GraphWidget({
        title: 'Cold starts',
        left: functions.map((fn) =>
          platformMetric('ColdStart', fn.spec.name, PERIOD, { function_name: fn.functionName }).with({
            label: fn.spec.name,
          }),
        ),
      }),
    );
    const evaluation = functions.find((fn) => fn.spec.name === 'triage-evaluation');
    if (evaluation) {
      const service = evaluation.spec.name;
      dashboard.addWidgets(
        new GraphWidget({
          title: 'Nightly triage quality (Claude, labelled tune set)',
          left: TRIAGE_FIGURE_ALARMS.map((figure) => triageFigure(figure, service)),
          leftYAxis: { min: 0, max: 1 },
          right: (['TriageEvaluationSkipped', 'TriageEvaluationLeftOut'] as const).map((name) =>
            platformMetric(name, service, Duration.days(1)),
          ),
        }),
      );
    }
  }
}
