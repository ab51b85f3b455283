import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';

// The deployment must follow the topology alone: a function, queue and route that lib/aws has never
// heard of are added here, and must come out wired like every other one.
// Nothing else is overridden: queue variables, visibility, grants and alarms all derive from these.
vi.mock('#lib/topology.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#lib/topology.ts')>();
  const ownerStatements = {
    name: 'owner-statements',
    description: 'Builds monthly owner statements',
    entry: 'functions/workflow/handler.ts',
    timeoutSeconds: 40,
    memoryMb: 1024,
    kind: 'queue',
    consumes: { queue: 'statements', batchSize: 2, maxBatchingWindowSeconds: 5, maxConcurrency: 3 },
    routes: [
      {
        method: 'GET',
        path: '/v1/owners/{ownerId}/statements',
        auth: 'apiKey',
        scope: 'owners:read',
        operation: 'listStatements',
      },
    ],
    sendsTo: ['workflow', 'statements'],
    tables: ['main'],
    tableAccess: 'read',
    secrets: [],
    schedule: { everyMinutes: 15 },
  };
  return {
    ...real,
    functions: [...real.functions, ownerStatements],
    queues: [
      ...real.queues,
      { name: 'statements', maxReceiveCount: 8, retentionDays: 7, maxAgeAlarmSeconds: 3600 },
    ],
  };
});

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-topology-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
const stacks = addAictiveStacks(app);
const stateful = Template.fromStack(stacks.stateful);
const service = Template.fromStack(stacks.service);

describe('a function, queue and route added only to the topology', () => {
  const [functionId, fn] = Object.entries(service.findResources('AWS::Lambda::Function')).find(
    ([, resource]) =>
      resource.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'owner-statements',
  ) ?? ['', undefined];

  it('is deployed with the platform defaults and its own sizing', () => {
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      MemorySize: 1024,
      Timeout: 40,
    });
    expect(Object.keys(fn?.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['WORKFLOW_QUEUE_URL', 'STATEMENTS_QUEUE_URL', 'TABLE_NAME']),
    );
  });

  it('may send to the new queue it names, and nothing else may', () => {
    const statementsQueue = Object.entries(stateful.findResources('AWS::SQS::Queue')).find(
      ([, queue]) => queue.Properties.QueueName === 'aictive-dev-statements',
    )?.[0];
    expect(statementsQueue).toBeDefined();
    const senders = Object.values(service.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some(
        (statement) =>
          [statement.Action].flat().includes('sqs:SendMessage') &&
          JSON.stringify(statement.Resource).includes(statementsQueue ?? '?'),
      ),
    );
    expect(senders).toHaveLength(1);
    expect(JSON.stringify(senders[0]?.Properties.Roles)).toContain(
      fn?.Properties.Role['Fn::GetAtt'][0] ?? '?',
    );
  });

  it('gets a queue with a DLQ, 6x visibility, and its event source mapping', () => {
    stateful.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 240,
      RedrivePolicy: { maxReceiveCount: 8, deadLetterTargetArn: Match.anyValue() },
    });
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId },
      BatchSize: 2,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 3 },
    });
  });

  it('gets its route behind the authorizer, its schedule and its alarms', () => {
    const methods = Object.values(service.findResources('AWS::ApiGateway::Method'));
    const mounted = methods.filter((m) => JSON.stringify(m.Properties.Integration.Uri).includes(functionId));
    expect(mounted).toHaveLength(1);
    expect(mounted[0]?.Properties).toMatchObject({ HttpMethod: 'GET', AuthorizationType: 'CUSTOM' });
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });

    const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
      }),
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 3600 }),
    );
    expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(4);
  });
});
