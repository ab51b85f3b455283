import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient, localSnsClient, localSqsClient } from '#lib/local/aws-clients.ts';
import { type Emulators, startEmulators } from '#lib/local/emulators.ts';
import { type LocalResources, localTopicName, provision, runtimeEnv } from '#lib/local/provision.ts';
import {
  queueEnvName,
  queues,
  type TopicName,
  tables,
  topics,
  visibilityTimeoutSeconds,
} from '#lib/topology.ts';

describe('local emulators and provisioning', () => {
  let emulators: Emulators;
  let dynamo: DynamoDBClient;
  let sqs: SQSClient;
  let sns: SNSClient;

  beforeAll(async () => {
    emulators = await startEmulators();
    dynamo = localDynamoClient(emulators.dynamoEndpoint);
    sqs = localSqsClient(emulators.sqsEndpoint);
    sns = localSnsClient(emulators.sqsEndpoint);
  });

  afterAll(async () => {
    dynamo?.destroy();
    sqs?.destroy();
    sns?.destroy();
    await emulators?.stop();
  });

  async function queueAttributes(url: string): Promise<Record<string, string>> {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    return Attributes;
  }

  it('listens on loopback, on two distinct random ports', () => {
    const dynamoUrl = new URL(emulators.dynamoEndpoint);
    const sqsUrl = new URL(emulators.sqsEndpoint);
    expect(dynamoUrl.hostname).toBe('127.0.0.1');
    expect(sqsUrl.hostname).toBe('127.0.0.1');
    expect(Number(dynamoUrl.port)).toBeGreaterThan(0);
    expect(dynamoUrl.port).not.toBe(sqsUrl.port);
  });

  it('is idempotent: a second run finds and returns the same resources', async () => {
    const first = await provision(emulators, { prefix: 'twice' });
    const second = await provision(emulators, { prefix: 'twice' });
    expect(second).toEqual(first);
    expect(first.tables).toEqual({ main: 'twice-main', idempotency: 'twice-idempotency' });
  });

  it('creates the topology tables with their keys and indexes, on demand, ACTIVE', async () => {
    const resources = await provision(emulators, { prefix: 'tables' });
    const { Table: main } = await dynamo.send(new DescribeTableCommand({ TableName: resources.tables.main }));
    expect(main?.TableStatus).toBe('ACTIVE');
    expect(main?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(main?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(main?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus]).sort()).toEqual(
      tables.main.indexes.map((index) => [index.name, 'ACTIVE']).sort(),
    );
    expect(
      main?.GlobalSecondaryIndexes?.find((index) => index.IndexName === 'GSI3')?.Projection?.ProjectionType,
    ).toBe('KEYS_ONLY');
    const { Table: idempotency } = await dynamo.send(
      new DescribeTableCommand({ TableName: resources.tables.idempotency }),
    );
    expect(idempotency?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    // dynalite cannot enable TTL; provisioning goes on without it.
    const { TimeToLiveDescription } = await dynamo.send(
      new DescribeTimeToLiveCommand({ TableName: resources.tables.main }),
    );
    expect(TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
  });

  it('creates each queue with its DLQ, redrive policy and the topology visibility timeout', async () => {
    const resources = await provision(emulators, { prefix: 'queues' });
    for (const spec of queues) {
      const queue = resources.queues[spec.name];
      expect(queue.arn).toBe(`arn:aws:sqs:us-east-1:000000000000:queues-${spec.name}`);
      expect(queue.dlqArn).toBe(`${queue.arn}-dlq`);
      const attributes = await queueAttributes(queue.url);
      expect(attributes.VisibilityTimeout).toBe(String(visibilityTimeoutSeconds(spec.name)));
      expect(JSON.parse(attributes.RedrivePolicy ?? '{}')).toEqual({
        deadLetterTargetArn: queue.dlqArn,
        maxReceiveCount: spec.maxReceiveCount,
      });
      expect((await queueAttributes(queue.dlqUrl)).QueueArn).toBe(queue.dlqArn);
    }
  });

  it('creates each topic with a queue of its name subscribed to it, delivering the raw message', async () => {
    const resources = await provision(emulators, { prefix: 'topics' });
    expect(Object.keys(resources.topics)).toEqual(Object.keys(topics));
    for (const name of Object.keys(topics) as TopicName[]) {
      const topic = resources.topics[name];
      // `topics-workflow-notices` for `workflowNotices`, `topics-pages` for `pages`.
      expect(topic.arn).toBe(`arn:aws:sns:us-east-1:000000000000:topics-${localTopicName(name)}`);
      expect(topic.queueArn).toBe(`arn:aws:sqs:us-east-1:000000000000:topics-${localTopicName(name)}`);
      expect(
        (await sns.send(new GetTopicAttributesCommand({ TopicArn: topic.arn }))).Attributes,
      ).toBeDefined();
      const { Subscriptions = [] } = await sns.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: topic.arn }),
      );
      expect(Subscriptions.map((s) => [s.Protocol, s.Endpoint])).toEqual([['sqs', topic.queueArn]]);
      const { Attributes } = await sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: Subscriptions[0]?.SubscriptionArn }),
      );
      expect(Attributes?.RawMessageDelivery).toBe('true');
      expect((await queueAttributes(topic.queueUrl)).QueueArn).toBe(topic.queueArn);
    }
    // Once per start: provisioning again subscribes nothing twice.
    await provision(emulators, { prefix: 'topics' });
    const { Subscriptions = [] } = await sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: resources.topics.workflowNotices.arn }),
    );
    expect(Subscriptions).toHaveLength(1);
  });

  it('converges an existing queue to a new visibility timeout', async () => {
    await provision(emulators, { prefix: 'converge' });
    const resources = await provision(emulators, { prefix: 'converge', visibilityTimeoutSeconds: 2 });
    expect((await queueAttributes(resources.queues.workflow.url)).VisibilityTimeout).toBe('2');
  });

  it('refuses a kept table from before one of its indexes, saying what to do', async () => {
    // The main table as a data directory kept it before the due index (GSI3) existed.
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'old-main',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK'].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await expect(provision(emulators, { prefix: 'old' })).rejects.toThrow(
      /old-main .* predates its index GSI2, GSI3: move the data directory aside/,
    );
  });

  it('gives handlers every resource under its topology env name, pointed at the emulators', async () => {
    const resources: LocalResources = await provision(emulators, { prefix: 'env' });
    const env = runtimeEnv(emulators, resources, 'test-pepper-not-real-0123456789abcdef');
    expect(env).toMatchObject({
      [tables.main.env]: 'env-main',
      [queueEnvName('events')]: resources.queues.events.url,
      [queueEnvName('classify')]: resources.queues.classify.url,
      [queueEnvName('workflow')]: resources.queues.workflow.url,
      AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
      AWS_ENDPOINT_URL_SQS: emulators.sqsEndpoint,
      // fauxqs serves SNS on its SQS port.
      AWS_ENDPOINT_URL_SNS: emulators.sqsEndpoint,
      [topics.workflowNotices.env]: resources.topics.workflowNotices.arn,
      [topics.pages.env]: resources.topics.pages.arn,
      AWS_REGION: 'us-east-1',
      WEBHOOK_SECRETS_SOURCE: 'table',
      STAGE: 'local',
    });
    // The workflow function keys its effects in the idempotency ledger: its table is provisioned and named.
    expect(env).toHaveProperty(tables.idempotency.env, resources.tables.idempotency);
    expect(env.AWS_ACCESS_KEY_ID).toBeTruthy();
    expect(env.AWS_SECRET_ACCESS_KEY).toBeTruthy();
  });
});

describe('local emulators with a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aictive-local-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps DynamoDB items across a restart', async () => {
    const write = async (emulators: Emulators) => {
      const resources = await provision(emulators);
      const documents = DynamoDBDocumentClient.from(localDynamoClient(emulators.dynamoEndpoint));
      return { resources, documents };
    };

    const before = await startEmulators({ dataDir });
    const first = await write(before);
    await first.documents.send(
      new PutCommand({
        TableName: first.resources.tables.main,
        Item: { PK: 'ORG#demo', SK: 'PROFILE', name: 'Demo PM' },
      }),
    );
    first.documents.destroy();
    await before.stop();

    const after = await startEmulators({ dataDir });
    const second = await write(after);
    const { Item } = await second.documents.send(
      new GetCommand({ TableName: second.resources.tables.main, Key: { PK: 'ORG#demo', SK: 'PROFILE' } }),
    );
    second.documents.destroy();
    await after.stop();
    expect(Item).toEqual({ PK: 'ORG#demo', SK: 'PROFILE', name: 'Demo PM' });
  });
});
