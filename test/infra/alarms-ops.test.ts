import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { WEBHOOK_REJECTIONS_THRESHOLD } from '#lib/aws/alarms.ts';
import { queues } from '#lib/topology.ts';

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

describe('webhook and outbox alarms', () => {
  const topicId = stacks.stateful.getLogicalId(stacks.stateful.alarmTopic.node.defaultChild as CfnElement);

  it.each([
    ['WebhookRejected', 'webhook-ingest', WEBHOOK_REJECTIONS_THRESHOLD],
    ['WebhookUnrecognized', 'webhook-ingest', 0],
    ['EventUnrecognized', 'event-processor', 0],
    ['RateLimiterUnavailable', 'api', 0],
    ['OutboxGaveUp', 'sweeper', 0],
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
