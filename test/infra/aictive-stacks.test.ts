import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { PLATFORM_METRIC_ALARMS } from '#lib/aws/alarms.ts';
import {
  deployedFunctions,
  type FunctionSpec,
  functions,
  type QueueName,
  type QueueSpec,
  queueEnvName,
  queues,
  routesOf,
  type TableSpec,
  type TopicName,
  tables,
  topics,
} from '#lib/topology.ts';
import { GATEWAY_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';

// Assertions are generated from the topology: a new function, route or queue is checked without a test edit.
// The default synth: opt-in functions are absent (test/infra/triage-evaluation.test.ts enables one).
const specs: readonly FunctionSpec[] = deployedFunctions(() => false, functions);
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function synth(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addAictiveStacks(app);
  return {
    stacks,
    stateful: Template.fromStack(stacks.stateful),
    service: Template.fromStack(stacks.service),
  };
}

const { stacks, stateful, service } = synth();
const statefulResources = stateful.toJSON().Resources;
const serviceResources = service.toJSON().Resources;

function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** True when a template value refers to the resource, directly or through a cross-stack import. */
function mentions(value: unknown, id: string): boolean {
  return JSON.stringify(value).includes(id);
}

const queueIds = (name: QueueName) => ({
  queue: logicalId(stacks.stateful.queues[name].queue),
  dlq: logicalId(stacks.stateful.queues[name].deadLetterQueue),
});
const dataKeyId = logicalId(stacks.stateful.dataKey);
const topicId = (name: TopicName) => logicalId(stacks.stateful.topics[name]);
const topicNames = Object.keys(topics) as TopicName[];
const alarmTopicId = logicalId(stacks.stateful.alarmTopic);

type TemplateResource = ReturnType<Template['findResources']>[string];

function lambdaFor(name: string): { id: string; props: TemplateResource['Properties'] } {
  const found = Object.entries(service.findResources('AWS::Lambda::Function')).filter(
    ([, resource]) => resource.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === name,
  );
  expect(found, `one Lambda function for ${name}`).toHaveLength(1);
  const [id, resource] = found[0] as [string, TemplateResource];
  return { id, props: resource.Properties };
}

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Effect: string;
}

function statementsOf(functionName: string): Statement[] {
  const roleId = lambdaFor(functionName).props.Role['Fn::GetAtt'][0];
  return Object.values(service.findResources('AWS::IAM::Policy'))
    .filter((policy) => mentions(policy.Properties.Roles, roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

function resourcesAllowing(statements: Statement[], action: string): unknown[] {
  return statements
    .filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action))
    .flatMap((s) => [s.Resource].flat());
}

function consumerOf(queue: QueueName): FunctionSpec {
  const consumer = specs.find((spec) => spec.consumes?.queue === queue);
  if (!consumer) throw new Error(`no consumer for ${queue}`);
  return consumer;
}

describe('stateful stack', () => {
  it('is environment-agnostic and named after the stage', () => {
    expect(stacks.stateful.stackName).toBe('Aictive-dev-Stateful');
    expect(stacks.service.stackName).toBe('Aictive-dev-Service');
    expect(stacks.stateful.environment).toBe('aws://unknown-account/unknown-region');
    expect(stacks.service.environment).toBe('aws://unknown-account/unknown-region');
  });

  it('has one rotating customer-managed key, usable by CloudWatch for the encrypted alarm topic', () => {
    stateful.resourceCountIs('AWS::KMS::Key', 1);
    stateful.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        KeyPolicy: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: Match.arrayWith(['kms:Decrypt', 'kms:GenerateDataKey*']),
            }),
          ]),
        }),
      }),
    });
  });

  it('keeps the main table keyed, indexed, expiring, recoverable, KMS-encrypted and retained', () => {
    const main = statefulResources[logicalId(stacks.stateful.tables.main)];
    expect(main.DeletionPolicy).toBe('Retain');
    expect(main.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: tables.main.partitionKey, KeyType: 'HASH' },
        { AttributeName: tables.main.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [dataKeyId, 'Arn'] },
      },
      TimeToLiveSpecification: { AttributeName: tables.main.ttlAttribute, Enabled: true },
    });
    const indexes: TableSpec['indexes'] = tables.main.indexes;
    expect(main.Properties.GlobalSecondaryIndexes).toEqual(
      indexes?.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: index.projection === 'keys_only' ? 'KEYS_ONLY' : 'ALL' },
      })),
    );
    // The due index copies only keys; the listing and the outbox copy whole items.
    expect(
      Object.fromEntries(
        main.Properties.GlobalSecondaryIndexes.map((index: { IndexName: string; Projection: unknown }) => [
          index.IndexName,
          index.Projection,
        ]),
      ),
    ).toMatchObject({
      GSI1: { ProjectionType: 'ALL' },
      GSI2: { ProjectionType: 'ALL' },
      GSI3: { ProjectionType: 'KEYS_ONLY' },
    });
  });

  it('gives Powertools idempotency its own table keyed by id with TTL on expiration', () => {
    const idempotency = statefulResources[logicalId(stacks.stateful.tables.idempotency)];
    expect(idempotency.Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: { 'Fn::GetAtt': [dataKeyId, 'Arn'] } },
    });
  });

  describe.each(queues.map((q): [QueueName, QueueSpec] => [q.name, q]))('queue %s', (name, spec) => {
    const ids = queueIds(name);
    const queue = statefulResources[ids.queue].Properties;
    const dlq = statefulResources[ids.dlq].Properties;

    it('redrives to its own DLQ after at least 5 receives', () => {
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] },
        maxReceiveCount: spec.maxReceiveCount,
      });
      expect(queue.RedrivePolicy.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    });

    it('stays invisible for at least 6x its consumer timeout', () => {
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * consumerOf(name).timeoutSeconds);
      expect(queue.MessageRetentionPeriod).toBe(spec.retentionDays * 24 * 3600);
    });

    it('encrypts queue and DLQ with the data key and refuses plain HTTP', () => {
      for (const id of [ids.queue, ids.dlq]) {
        expect(statefulResources[id].Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [dataKeyId, 'Arn'] });
        stateful.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: id }],
          PolicyDocument: Match.objectLike({
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          }),
        });
      }
    });
  });

  it('creates the Anthropic key secret under the stage name, encrypted, holding only the "unset" marker', () => {
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'aictive/dev/anthropic-api-key',
        KmsKeyId: { 'Fn::GetAtt': [dataKeyId, 'Arn'] },
        // The classifier reads "unset" as "no key yet"; the real key is put by an operator.
        SecretString: 'unset',
        GenerateSecretString: Match.absent(),
      }),
    });
  });

  it('has an encrypted, TLS-only alarm topic with no subscriber unless alarmEmail is given', () => {
    expect(statefulResources[alarmTopicId].Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [dataKeyId, 'Arn'],
    });
    stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: alarmTopicId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
    stateful.resourceCountIs('AWS::SNS::Subscription', 0);

    const withEmail = synth({ alarmEmail: 'oncall@example.com' });
    withEmail.stateful.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });
});

describe.each(topicNames)('topic %s', (name) => {
  const topic = statefulResources[topicId(name)];

  it('is encrypted (the AWS-managed SNS key), retained, and refuses plain HTTP', () => {
    expect(topic.Type).toBe('AWS::SNS::Topic');
    expect(topic.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('alias/aws/sns');
    stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId(name) }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('has no subscriber from the app (operators subscribe people) and says its ARN', () => {
    const subscriptions = Object.values(stateful.findResources('AWS::SNS::Subscription'));
    expect(subscriptions.filter((s) => mentions(s.Properties.TopicArn, topicId(name)))).toEqual([]);
    const outputs = Object.values(stateful.toJSON().Outputs ?? {}) as { Value: unknown }[];
    expect(outputs.some((output) => mentions(output.Value, topicId(name)))).toBe(true);
  });

  const publishers = specs.filter((spec) => spec.publishesTo?.includes(name));
  it('has publishers, and only they get its ARN and sns:Publish on it', () => {
    expect(publishers.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const variables = lambdaFor(spec.name).props.Environment.Variables;
      const statements = statementsOf(spec.name);
      const publishes = publishers.includes(spec);
      expect(variables[topics[name].env] !== undefined, `${spec.name} gets ${topics[name].env}`).toBe(
        publishes,
      );
      if (publishes) expect(mentions(variables[topics[name].env], topicId(name))).toBe(true);
      expect(mentions(resourcesAllowing(statements, 'sns:Publish'), topicId(name))).toBe(publishes);
    }
  });
});

describe('functions', () => {
  it('deploys exactly one Lambda function per topology entry', () => {
    service.resourceCountIs('AWS::Lambda::Function', specs.length);
    for (const spec of specs) lambdaFor(spec.name);
  });

  describe.each(specs.map((spec): [string, FunctionSpec] => [spec.name, spec]))('%s', (name, spec) => {
    const { props } = lambdaFor(name);

    it('runs Node 22 on arm64 with active tracing, sized as the topology says', () => {
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: spec.memoryMb,
        Timeout: spec.timeoutSeconds,
        Handler: 'index.handler',
      });
    });

    it('logs to its own log group with a retention', () => {
      const logGroupId = props.LoggingConfig.LogGroup.Ref;
      const logGroup = serviceResources[logGroupId];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(30);
      expect(logGroup.DeletionPolicy).toBe('Delete');
    });

    it('gets exactly the environment its topology entry implies', () => {
      const variables = props.Environment.Variables;
      const queuesSeen = [...new Set([...spec.sendsTo, ...(spec.inspectsQueues ?? [])])];
      // Settings: the fixed values, and the stage for those reading it (no CORS origins in this context).
      const settings = Object.entries(spec.settings ?? {});
      const expected: Record<string, unknown> = {
        POWERTOOLS_SERVICE_NAME: name,
        POWERTOOLS_METRICS_NAMESPACE: 'Aictive',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...Object.fromEntries(settings.filter(([, value]) => typeof value === 'string')),
        ...(settings.some(([setting]) => setting === 'STAGE') ? { STAGE: 'dev' } : {}),
      };
      for (const table of spec.tables) expected[tables[table].env] = expect.anything();
      for (const queue of queuesSeen) expected[queueEnvName(queue)] = expect.anything();
      for (const topic of spec.publishesTo ?? []) expected[topics[topic].env] = expect.anything();
      if (spec.secrets.includes('anthropicApiKey')) expected.ANTHROPIC_API_KEY_SECRET_ID = expect.anything();
      if (spec.secrets.includes('apiKeyPepper')) {
        expected.API_KEY_PEPPER_SECRET_ID = expect.anything();
        expected.API_KEY_PEPPER_SOURCE = 'secretsmanager';
      }
      if (spec.secrets.includes('responseLinkSigning')) {
        expected.RESPONSE_LINK_SECRET_ID = expect.anything();
        expected.RESPONSE_LINK_SECRET_SOURCE = 'secretsmanager';
      }
      if (spec.secrets.includes('webhookSigning')) {
        expected.WEBHOOK_SECRET_PREFIX = 'aictive/dev/webhook/';
        expected.WEBHOOK_SECRETS_SOURCE = 'secretsmanager';
      }
      if (spec.secrets.includes('rentvineApi')) {
        expected.RENTVINE_SECRET_PREFIX = 'aictive/dev/rentvine/';
        expected.RENTVINE_CREDENTIALS_SOURCE = 'secretsmanager';
      }
      expect(variables).toEqual(expected);
      for (const table of spec.tables) {
        expect(mentions(variables[tables[table].env], logicalId(stacks.stateful.tables[table]))).toBe(true);
      }
      for (const queue of queuesSeen) {
        expect(mentions(variables[queueEnvName(queue)], queueIds(queue).queue)).toBe(true);
      }
      for (const topic of spec.publishesTo ?? [])
        expect(mentions(variables[topics[topic].env], topicId(topic))).toBe(true);
      if (spec.secrets.includes('anthropicApiKey')) {
        expect(
          mentions(
            variables.ANTHROPIC_API_KEY_SECRET_ID,
            logicalId(stacks.stateful.secrets.anthropicApiKey as IConstruct),
          ),
        ).toBe(true);
      }
      if (spec.secrets.includes('apiKeyPepper')) {
        expect(
          mentions(
            variables.API_KEY_PEPPER_SECRET_ID,
            logicalId(stacks.stateful.secrets.apiKeyPepper as IConstruct),
          ),
        ).toBe(true);
      }
    });

    it('may touch only the tables, queues and secrets its topology entry names', () => {
      const statements = statementsOf(name);
      const tableIds = spec.tables.map((table) => logicalId(stacks.stateful.tables[table]));
      const otherTableIds = Object.values(stacks.stateful.tables)
        .map(logicalId)
        .filter((tableId) => !tableIds.includes(tableId));

      const readable = resourcesAllowing(statements, 'dynamodb:Query');
      for (const tableId of tableIds) expect(readable.some((r) => mentions(r, tableId))).toBe(true);
      for (const tableId of otherTableIds) expect(mentions(readable, tableId)).toBe(false);
      for (const index of spec.tables.includes('main') ? tables.main.indexes : []) {
        expect(readable.some((r) => mentions(r, `/index/${index.name}`))).toBe(true);
      }
      const writable = resourcesAllowing(statements, 'dynamodb:PutItem');
      expect(writable.length > 0).toBe(spec.tableAccess === 'readWrite' && spec.tables.length > 0);

      const sendable = resourcesAllowing(statements, 'sqs:SendMessage');
      expect(sendable).toHaveLength(spec.sendsTo.length);
      for (const queue of spec.sendsTo)
        expect(sendable.some((r) => mentions(r, queueIds(queue).queue))).toBe(true);

      // Publish only, on its own topics only: no other SNS action, on no other resource.
      const snsActions = statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('sns:'));
      expect(new Set(snsActions)).toEqual(
        new Set((spec.publishesTo ?? []).length > 0 ? ['sns:Publish'] : []),
      );
      const publishable = resourcesAllowing(statements, 'sns:Publish');
      expect(publishable).toHaveLength(spec.publishesTo?.length ?? 0);
      for (const topic of spec.publishesTo ?? [])
        expect(publishable.some((r) => mentions(r, topicId(topic)))).toBe(true);

      const receivable = resourcesAllowing(statements, 'sqs:ReceiveMessage');
      expect(receivable).toHaveLength(spec.consumes ? 1 : 0);
      if (spec.consumes) expect(mentions(receivable, queueIds(spec.consumes.queue).queue)).toBe(true);

      const inspectable = resourcesAllowing(statements, 'sqs:GetQueueAttributes');
      for (const queue of spec.inspectsQueues ?? []) {
        expect(inspectable.some((r) => mentions(r, queueIds(queue).queue))).toBe(true);
        expect(inspectable.some((r) => mentions(r, queueIds(queue).dlq))).toBe(true);
      }

      const secrets = resourcesAllowing(statements, 'secretsmanager:GetSecretValue');
      expect(secrets).toHaveLength(spec.secrets.length);
      if (spec.secrets.includes('anthropicApiKey')) {
        expect(mentions(secrets, logicalId(stacks.stateful.secrets.anthropicApiKey as IConstruct))).toBe(
          true,
        );
      }
      if (spec.secrets.includes('webhookSigning')) {
        // Read only below the part it writes, if any: the api sees integrations' secrets, no org's keys.
        const under = spec.writesSecrets?.find((w) => w.secret === 'webhookSigning')?.under ?? '';
        expect(mentions(secrets, `:secret:aictive/dev/webhook/${under}*`)).toBe(true);
        if (under) expect(mentions(secrets, ':secret:aictive/dev/webhook/*')).toBe(false);
      }
      // Which orgs have a Rentvine connection: the family's names, listed (ListSecrets takes no resource).
      const listsSecrets = spec.secrets.some((secret) => secret === 'rentvineApi');
      if (listsSecrets) expect(mentions(secrets, ':secret:aictive/dev/rentvine/*')).toBe(true);
      expect(resourcesAllowing(statements, 'secretsmanager:ListSecrets')).toEqual(listsSecrets ? ['*'] : []);
      if (spec.secrets.includes('apiKeyPepper')) {
        expect(mentions(secrets, logicalId(stacks.stateful.secrets.apiKeyPepper as IConstruct))).toBe(true);
      }
      // Writes only below the part of a family the topology names (the api: integrations' secrets).
      const written = resourcesAllowing(statements, 'secretsmanager:PutSecretValue');
      expect(written).toHaveLength(spec.writesSecrets?.length ?? 0);
      for (const { under } of spec.writesSecrets ?? [])
        expect(mentions(written, `:secret:aictive/dev/webhook/${under}*`)).toBe(true);

      // The only unscoped statements are X-Ray's and ListSecrets, which have no resource-level permissions.
      for (const statement of statements.filter((s) => s.Resource === '*')) {
        expect(
          [statement.Action]
            .flat()
            .every((action) => action.startsWith('xray:') || action === 'secretsmanager:ListSecrets'),
        ).toBe(true);
      }
      for (const statement of statements) expect([statement.Action].flat()).not.toContain('*');
      expect(mentions(resourcesAllowing(statements, 'kms:Decrypt'), dataKeyId)).toBe(
        spec.tables.length + spec.sendsTo.length + spec.secrets.length + (spec.consumes ? 1 : 0) > 0,
      );
    });
  });

  const consumers = specs.flatMap((spec) => (spec.consumes ? [[spec.name, spec.consumes] as const] : []));
  it.each(consumers)('%s consumes its queue with partial batch failures', (name, consumes) => {
    const mappings = Object.values(service.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => mapping.Properties.FunctionName.Ref === lambdaFor(name).id,
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      BatchSize: consumes.batchSize,
      MaximumBatchingWindowInSeconds: consumes.maxBatchingWindowSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(mentions(mappings[0]?.Properties.EventSourceArn, queueIds(consumes.queue).queue)).toBe(true);
  });

  const scheduled = specs.flatMap((spec) =>
    spec.schedule ? [[spec.name, spec.schedule.everyMinutes] as const] : [],
  );
  it.each(scheduled)('%s runs every %i minute(s)', (name, minutes) => {
    const { id } = lambdaFor(name);
    service.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${minutes} minute${minutes === 1 ? '' : 's'})`,
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } })],
    });
    service.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });

  it('has one event source mapping per queue consumer and the sweeper runs every minute', () => {
    service.resourceCountIs('AWS::Lambda::EventSourceMapping', specs.filter((spec) => spec.consumes).length);
    service.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [lambdaFor('sweeper').id, 'Arn'] } })],
    });
  });
});

describe('REST API', () => {
  const stages = Object.values(service.findResources('AWS::ApiGateway::Stage'));
  const methods = Object.values(service.findResources('AWS::ApiGateway::Method'));
  const authorizerId = Object.keys(service.findResources('AWS::ApiGateway::Authorizer'))[0];

  /** Full path of each API resource, rebuilt from its PathPart/ParentId chain. */
  function pathOf(resourceId: string): string {
    const resource = serviceResources[resourceId];
    const parent = resource.Properties.ParentId;
    const prefix = parent.Ref ? pathOf(parent.Ref) : '';
    return `${prefix}/${resource.Properties.PathPart}`;
  }

  /** A method on the API's root resource refers to it as the RestApi's RootResourceId: path `/`. */
  function methodPath(resourceId: { Ref?: string }): string {
    return resourceId.Ref ? pathOf(resourceId.Ref) : '/';
  }

  function methodFor(httpMethod: string, path: string) {
    const found = methods.filter(
      (m) => m.Properties.HttpMethod === httpMethod && methodPath(m.Properties.ResourceId) === path,
    );
    expect(found, `${httpMethod} ${path}`).toHaveLength(1);
    return found[0]?.Properties;
  }

  it('has one stage, named after the stage, traced, throttled, with metrics and JSON access logs', () => {
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties;
    expect(stage).toMatchObject({ StageName: 'dev', TracingEnabled: true });
    expect(stage.MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        MetricsEnabled: true,
        DataTraceEnabled: false,
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
      }),
    ]);
    expect(stage.MethodSettings[0].ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.MethodSettings[0].ThrottlingBurstLimit).toBeGreaterThan(0);
    const accessLogGroupId = logicalId(stacks.service.api.node.findChild('AccessLogs'));
    expect(mentions(stage.AccessLogSetting.DestinationArn, accessLogGroupId)).toBe(true);
    expect(serviceResources[accessLogGroupId].Properties.RetentionInDays).toBeGreaterThan(0);
    const format = JSON.parse(stage.AccessLogSetting.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
  });

  it('mounts every topology route, proxied to the function that serves it', () => {
    const routeCount = specs.reduce((count, spec) => count + routesOf(spec).length, 0);
    expect(methods.filter((m) => m.Properties.HttpMethod !== 'OPTIONS')).toHaveLength(routeCount);
    for (const spec of specs) {
      for (const route of routesOf(spec)) {
        const method = methodFor(route.method, route.path);
        expect(method.Integration.Type).toBe('AWS_PROXY');
        expect(mentions(method.Integration.Uri, lambdaFor(spec.name).id)).toBe(true);
        if (route.auth === 'apiKey') {
          expect(method).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
        } else {
          expect(method.AuthorizationType).toBe('NONE');
          expect(method.AuthorizerId).toBeUndefined();
        }
      }
    }
  });

  it('guards every apiKey route with the authorizer and leaves the public ones to their own checks', () => {
    const routes = specs.flatMap(routesOf);
    const under = (prefix: string) => routes.filter((route) => route.path.startsWith(prefix));
    expect(under('/v1/').length).toBeGreaterThan(0);
    for (const route of under('/v1/').filter((r) => r.auth === 'apiKey'))
      expect(methodFor(route.method, route.path).AuthorizerId).toEqual({ Ref: authorizerId });
    // Public by design: /v1/openapi.json (the document reveals no org's data).
    const open = [
      ...under('/webhooks/'),
      ...under('/health'),
      ...under('/v1/').filter((r) => r.auth === 'none'),
    ];
    for (const route of open) expect(methodFor(route.method, route.path).AuthorizationType).toBe('NONE');
  });

  it('has one REQUEST authorizer on the Authorization header, cached 300 s', () => {
    service.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    const authorizer = serviceResources[authorizerId as string].Properties;
    expect(authorizer).toMatchObject({
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
    const authorizerSpec = specs.find((spec) => spec.kind === 'authorizer') as FunctionSpec;
    expect(mentions(authorizer.AuthorizerUri, lambdaFor(authorizerSpec.name).id)).toBe(true);
  });

  it.each([
    ['UNAUTHORIZED', 401, 'unauthorized'],
    ['ACCESS_DENIED', 403, 'forbidden'],
    ['MISSING_AUTHENTICATION_TOKEN', 404, 'not-found'],
    ['RESOURCE_NOT_FOUND', 404, 'not-found'],
    ['THROTTLED', 429, 'throttled'],
    ['QUOTA_EXCEEDED', 429, 'throttled'],
    ['REQUEST_TOO_LARGE', 413, 'payload-too-large'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, 'unsupported-media-type'],
    ['INTEGRATION_TIMEOUT', 504, 'timeout'],
  ])('answers %s as an application/problem+json %i (%s)', (responseType, status, slug) => {
    const found = Object.values(service.findResources('AWS::ApiGateway::GatewayResponse')).filter(
      (response) => response.Properties.ResponseType === responseType,
    );
    expect(found).toHaveLength(1);
    const response = found[0]?.Properties;
    expect(response.StatusCode).toBe(String(status));
    expect(response.ResponseParameters).toEqual({
      'gatewayresponse.header.Content-Type': "'application/problem+json'",
      ...Object.fromEntries(
        Object.entries(SECURITY_HEADERS).map(([name, value]) => [
          `gatewayresponse.header.${name}`,
          `'${value}'`,
        ]),
      ),
    });
    expect(Object.keys(response.ResponseTemplates)).toContain('application/json');
    for (const template of Object.values<string>(response.ResponseTemplates)) {
      const detail = GATEWAY_PROBLEM_DETAILS[status];
      expect(JSON.parse(template)).toEqual({
        type: `urn:aictive:problem:${slug}`,
        title: expect.any(String),
        status,
        ...(detail ? { detail } : {}),
        instance: '$context.requestId',
      });
    }
  });

  it.each([
    ['DEFAULT_4XX', 'client-error'],
    ['DEFAULT_5XX', 'server-error'],
  ])("answers %s as problem+json keeping API Gateway's own status", (responseType, slug) => {
    const found = Object.values(service.findResources('AWS::ApiGateway::GatewayResponse')).filter(
      (response) => response.Properties.ResponseType === responseType,
    );
    expect(found).toHaveLength(1);
    const response = found[0]?.Properties;
    expect(response.StatusCode).toBeUndefined();
    for (const template of Object.values<string>(response.ResponseTemplates)) {
      expect(JSON.parse(template)).toEqual({
        type: `urn:aictive:problem:${slug}`,
        title: '$context.error.responseType',
        instance: '$context.requestId',
      });
    }
  });

  it('gives the workflow function the public API URL its answer links start with, only when given', () => {
    const variablesOf = (stack: typeof service) =>
      Object.values(stack.findResources('AWS::Lambda::Function')).map(
        (fn) => (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>,
      );
    expect(variablesOf(service).some((v) => 'PUBLIC_API_URL' in v)).toBe(false);
    const withUrl = synth({ publicApiUrl: 'https://api.example.com' });
    const given = variablesOf(withUrl.service).filter((v) => v.PUBLIC_API_URL === 'https://api.example.com');
    expect(given).toHaveLength(1);
    expect(given[0]?.POWERTOOLS_SERVICE_NAME).toBe('workflow');
  });

  it('answers CORS preflight only when allowedOrigins is given', () => {
    expect(methods.filter((m) => m.Properties.HttpMethod === 'OPTIONS')).toHaveLength(0);
    const withCors = synth({ allowedOrigins: 'https://app.example.com' });
    withCors.service.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      AuthorizationType: 'NONE',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
            }),
          }),
        ],
      }),
    });
  });
});

describe('alarms', () => {
  const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm')).map(
    (alarm) => alarm.Properties,
  );

  function alarmsOn(metricName: string, dimensionId: string) {
    return alarms.filter(
      (alarm) => alarm.MetricName === metricName && mentions(alarm.Dimensions, dimensionId),
    );
  }

  it('notify the one alarm topic on ALARM and OK, and treat missing data as healthy', () => {
    // Two per queue, one per function, and the platform ones (webhooks, outbox, rate limiter,
    // workflows: 7) and the API's (2).
    expect(alarms).toHaveLength(2 * queues.length + specs.length + PLATFORM_METRIC_ALARMS.length + 2);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toHaveLength(1);
      expect(mentions(alarm.AlarmActions, alarmTopicId)).toBe(true);
      expect(mentions(alarm.OKActions, alarmTopicId)).toBe(true);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
    }
  });

  it.each(queues.map((q): [QueueName, QueueSpec] => [q.name, q]))(
    'watch the %s DLQ for any message and the queue for old ones',
    (name, spec) => {
      const dead = alarmsOn('ApproximateNumberOfMessagesVisible', queueIds(name).dlq);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 0 });
      const age = alarmsOn('ApproximateAgeOfOldestMessage', queueIds(name).queue);
      expect(age).toHaveLength(1);
      expect(age[0]).toMatchObject({ Namespace: 'AWS/SQS', Threshold: spec.maxAgeAlarmSeconds });
    },
  );

  it.each(specs.filter((spec) => spec.kind !== 'authorizer').map((spec) => spec.name))(
    'watch the %s function for any error over 5 minutes',
    (name) => {
      const errors = alarms.filter(
        (alarm) => alarm.MetricName === 'Errors' && alarm.Dimensions[0]?.Value?.Ref === lambdaFor(name).id,
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
      });
    },
  );

  it('watch the authorizer for errors beyond the keys it refuses (a refusal is a thrown "Unauthorized")', () => {
    const name = (specs.find((spec) => spec.kind === 'authorizer') as FunctionSpec).name;
    const math = alarms.filter((alarm) =>
      (alarm.Metrics ?? []).some(
        (m: { MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: { Ref?: string } }[] } } }) =>
          m.MetricStat?.Metric.MetricName === 'Errors' &&
          m.MetricStat.Metric.Dimensions[0]?.Value?.Ref === lambdaFor(name).id,
      ),
    );
    expect(math).toHaveLength(1);
    expect(math[0].Threshold).toBe(0);
    expect(math[0].Metrics).toContainEqual(
      expect.objectContaining({ Expression: 'errors - FILL(rejected, 0)' }),
    );
    expect(math[0].Metrics).toContainEqual(
      expect.objectContaining({
        MetricStat: expect.objectContaining({
          Metric: {
            Namespace: 'Aictive',
            MetricName: 'ApiKeyRejected',
            Dimensions: [{ Name: 'service', Value: name }],
          },
        }),
      }),
    );
  });

  it('watch the API for 5XX answers and p95 latency', () => {
    const api = alarms.filter((alarm) => alarm.Namespace === 'AWS/ApiGateway');
    expect(api).toContainEqual(expect.objectContaining({ MetricName: '5XXError', Threshold: 0 }));
    expect(api).toContainEqual(
      expect.objectContaining({ MetricName: 'Latency', ExtendedStatistic: 'p95', Threshold: 2000 }),
    );
    for (const alarm of api) expect(alarm.Dimensions).toEqual([{ Name: 'ApiName', Value: 'aictive-dev' }]);
  });
});

describe('deployment context', () => {
  it('names stacks, secrets, the API and its stage after the stage', () => {
    const prod = synth({ stage: 'prod' });
    expect(prod.stacks.stateful.stackName).toBe('Aictive-prod-Stateful');
    expect(prod.stacks.service.stackName).toBe('Aictive-prod-Service');
    prod.stateful.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'aictive/prod/anthropic-api-key',
    });
    prod.service.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'aictive-prod' });
    prod.service.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod' });
  });

  it.each([
    [{ stage: 'Prod Stage' }, /stage/],
    [{ alarmEmail: 'not-an-email' }, /alarmEmail/],
    [{ allowedOrigins: 'app.example.com' }, /allowedOrigins/],
    [{ publicApiUrl: 'http://api.example.com' }, /publicApiUrl/],
  ])('rejects invalid context %j', (context, message) => {
    expect(() => synth(context)).toThrow(message);
  });
});
