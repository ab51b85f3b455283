import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { PLATFORM_METRIC_ALARMS, WEBHOOK_REJECTIONS_THRESHOLD } from '#lib/aws/alarms.ts';
import { queues } from '#lib/topology.ts';
import { METRIC_NAMESPACE, METRICS } from '#platform/metric-catalogue.ts';

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-ops-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const app = new App({ outdir, context: { ...cdkContext, stage: 'ops', 'aws:cdk:bundling-stacks': [] } });
const stacks = addAictiveStacks(app);
const stateful = Template.fromStack(stacks.stateful);
const service = Template.fromStack(stacks.service);

describe('queue names the on-call CLI resolves', () => {
  it.each(queues.map((spec) => spec.name))('%s and its DLQ are named aictive-<stage>-…', (name) => {
    const { queue, deadLetterQueue } = stacks.stateful.queues[name];
    const props = (construct: typeof queue) =>
      stateful.toJSON().Resources[stacks.stateful.getLogicalId(construct.node.defaultChild as CfnElement)]
        .Properties;
    expect(props(queue).QueueName).toBe(`aictive-ops-${name}`);
    expect(props(deadLetterQueue).QueueName).toBe(`aictive-ops-${name}-dlq`);
  });
});

describe('webhook, outbox and workflow alarms', () => {
  const topicId = stacks.stateful.getLogicalId(stacks.stateful.alarmTopic.node.defaultChild as CfnElement);

  it.each([
    ['WebhookRejected', 'webhook-ingest', WEBHOOK_REJECTIONS_THRESHOLD],
    ['WebhookUnrecognized', 'webhook-ingest', 0],
    ['EventUnrecognized', 'event-processor', 0],
    ['RateLimiterUnavailable', 'api', 0],
    ['OutboxGaveUp', 'sweeper', 0],
    // Any breach in 5 minutes: for an emergency, a resident with a hazard and nobody reached.
    ['WorkflowSlaBreached', 'sweeper', 0],
    ['WorkflowEffectFailed', 'workflow', 0],
  ])('%s of %s above %d in 5 minutes notifies the alarm topic', (metricName, serviceName, threshold) => {
    const alarms = service.findResources('AWS::CloudWatch::Alarm', {
      Properties: {
        Namespace: 'Aictive',
        MetricName: metricName,
        Dimensions: [{ Name: 'service', Value: serviceName }],
      },
    });
    const found = Object.values(alarms);
    expect(found).toHaveLength(1);
    expect(found[0]?.Properties).toMatchObject({
      Statistic: 'Sum',
      Period: 300,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    // Into ALARM and back to OK, both to the stateful stack's topic (a cross-stack import).
    const actions = found[0]?.Properties.AlarmActions as unknown[];
    expect(actions).toHaveLength(1);
    expect(JSON.stringify(actions)).toContain(topicId);
    expect(found[0]?.Properties.OKActions).toEqual(actions);
  });
});

describe('alarms on the catalogued metrics say what fires them', () => {
  const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm')).map(
    (alarm) => alarm.Properties as Record<string, unknown>,
  );

  it.each(PLATFORM_METRIC_ALARMS)('$id watches $metric of $service with its description', (expected) => {
    expect(METRICS[expected.metric]).toBeDefined();
    const found = alarms.filter(
      (alarm) => alarm.MetricName === expected.metric && alarm.Namespace === METRIC_NAMESPACE,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      AlarmDescription: expected.description,
      Dimensions: [{ Name: 'service', Value: expected.service }],
    });
  });

  it("describes each function's errors alarm by what its Errors metric counts", () => {
    const description = (name: string) =>
      alarms.find(
        (alarm) =>
          alarm.MetricName === 'Errors' && JSON.stringify(alarm.AlarmDescription).includes(`The ${name} `),
      )?.AlarmDescription;
    expect(description('event-processor')).toContain('every message of a batch failed');
    expect(description('sweeper')).toContain('the schedule runs it again');
    expect(description('api')).toContain('an answered 5XX problem is not an error here');
    const authorizer = alarms.find((alarm) => JSON.stringify(alarm.Metrics ?? '').includes('ApiKeyRejected'));
    expect(authorizer?.AlarmDescription).toContain('Errors minus ApiKeyRejected');
  });
});

describe('the operations dashboard', () => {
  it('graphs the catalogued counts by function', () => {
    const dashboards = Object.values(service.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const metric of [
      'WebhookRejected',
      'WebhookUnrecognized',
      'RecordsFailed',
      'OutboxGaveUp',
      'ColdStart',
      'WorkflowStarted',
      'WorkflowTransition',
      'WorkflowSwept',
      'WorkflowNoticePublished',
      'VendorOfferSent',
      'WorkflowClosedByTroubleshooting',
      'WorkflowEscalated',
      'WorkflowSlaBreached',
      'WorkflowEffectFailed',
    ]) {
      expect(body).toContain(`\\"${METRIC_NAMESPACE}\\",\\"${metric}\\"`);
    }
  });
});
