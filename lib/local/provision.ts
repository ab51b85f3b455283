import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  functions,
  type QueueName,
  type QueueSpec,
  queues,
  type TableName,
  type TopicName,
  tables,
  topics,
  visibilityTimeoutSeconds,
} from '#lib/topology.ts';
import { localDynamoClient, localSnsClient, localSqsClient } from './aws-clients.ts';
import { allFunctionsEnv, localDeployment } from './local-deployment.ts';

export interface Endpoints {
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
}

export interface QueueResources {
  readonly url: string;
  readonly arn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
}

/** A topic on fauxqs and the queue subscribed to it, where anyone can read what was published. */
export interface TopicResources {
  readonly arn: string;
  /** `<prefix>-workflow-notices` for `workflowNotices`: the topic's own queue (raw delivery). */
  readonly queueUrl: string;
  readonly queueArn: string;
}

export interface LocalResources {
  readonly tables: Record<TableName, string>;
  readonly queues: Record<QueueName, QueueResources>;
  readonly topics: Record<TopicName, TopicResources>;
}

export interface ProvisionOptions {
  /** Prefix of every table and queue name. */
  readonly prefix?: string;
  /**
   * Visibility timeout of every work queue. Defaults to the topology's (6 × the consumer's
   * timeout), like AWS; a smaller value makes a failed message come back sooner locally.
   */
  readonly visibilityTimeoutSeconds?: number;
}

interface TableSpec {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly ttlAttribute?: string;
  readonly indexes?: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey?: string;
    readonly projection?: 'keys_only';
  }[];
}

const DEFAULT_PREFIX = 'aictive-local';
/** DLQs keep messages as long as SQS allows, so a failure can still be inspected days later. */
const DLQ_RETENTION_SECONDS = 14 * 24 * 60 * 60;
const ACTIVE_POLL_MS = 25;
const ACTIVE_TIMEOUT_MS = 30_000;

/** Creates what is missing and converges what exists, so it is safe on every start. */
export async function provision(endpoints: Endpoints, opts: ProvisionOptions = {}): Promise<LocalResources> {
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const dynamo = localDynamoClient(endpoints.dynamoEndpoint);
  const sqs = localSqsClient(endpoints.sqsEndpoint);
  // fauxqs serves SNS on the same endpoint as SQS.
  const sns = localSnsClient(endpoints.sqsEndpoint);
  try {
    const specs: Record<TableName, TableSpec> = tables;
    const tableNames = Object.keys(specs) as TableName[];
    const topicNames = Object.keys(topics) as TopicName[];
    const [createdTables, createdQueues, createdTopics] = await Promise.all([
      Promise.all(tableNames.map((name) => ensureTable(dynamo, `${prefix}-${name}`, specs[name]))),
      Promise.all(queues.map((spec) => ensureQueue(sqs, `${prefix}-${spec.name}`, spec, opts))),
      Promise.all(topicNames.map((name) => ensureTopic(sns, sqs, `${prefix}-${localTopicName(name)}`))),
    ]);
    return {
      tables: Object.fromEntries(tableNames.map((name, i) => [name, createdTables[i]])) as Record<
        TableName,
        string
      >,
      queues: Object.fromEntries(queues.map((spec, i) => [spec.name, createdQueues[i]])) as Record<
        QueueName,
        QueueResources
      >,
      topics: Object.fromEntries(topicNames.map((name, i) => [name, createdTopics[i]])) as Record<
        TopicName,
        TopicResources
      >,
    };
  } finally {
    dynamo.destroy();
    sqs.destroy();
    sns.destroy();
  }
}

/** A topic's local name (and its queue's): `workflow-notices` for `workflowNotices`. */
export function localTopicName(topic: TopicName): string {
  return topic.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The topic, and a queue of the same name subscribed to it with raw delivery, so a message read
 * from the queue is the published JSON itself and its attributes are SQS message attributes.
 * LOCAL-STACK: fauxqs delivers only to SQS subscriptions (no email or SMS), and confirms them at
 * once; CreateTopic and Subscribe return what exists when called again with the same attributes,
 * so this is safe on every start.
 */
async function ensureTopic(sns: SNSClient, sqs: SQSClient, name: string): Promise<TopicResources> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
  if (!TopicArn) throw new Error(`CreateTopic returned no ARN for ${name}`);
  const queue = await createQueue(sqs, name, {});
  await sns.send(
    new SubscribeCommand({
      TopicArn,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  return { arn: TopicArn, queueUrl: queue.url, queueArn: queue.arn };
}

/** What the local functions see, all at once: see allFunctionsEnv (local-deployment.ts). */
export function runtimeEnv(
  endpoints: Endpoints,
  resources: LocalResources,
  apiKeyPepper: string,
): Record<string, string> {
  return allFunctionsEnv(endpoints, localDeployment(resources, { apiKeyPepper }, process.env));
}

async function ensureTable(client: DynamoDBClient, tableName: string, spec: TableSpec): Promise<string> {
  const keyNames = new Set([spec.partitionKey, ...(spec.sortKey ? [spec.sortKey] : [])]);
  for (const index of spec.indexes ?? []) {
    keyNames.add(index.partitionKey);
    if (index.sortKey) keyNames.add(index.sortKey);
  }
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  }));
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: keySchema(spec.partitionKey, spec.sortKey),
        GlobalSecondaryIndexes: spec.indexes?.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: index.projection === 'keys_only' ? 'KEYS_ONLY' : 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await refuseOlderTable(client, tableName, spec);
  }
  await waitUntilActive(client, tableName);
  if (spec.ttlAttribute) await ensureTimeToLive(client, tableName, spec.ttlAttribute);
  return tableName;
}

function keySchema(partitionKey: string, sortKey: string | undefined) {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' as const },
    ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : []),
  ];
}

/** Bounded poll instead of the SDK waiter, whose one-second minimum delay would dominate start-up. */
/**
 * A table kept in a data directory from before an index was added: dynalite cannot add an index to
 * an existing table, and every query on the missing one would fail later, far from the cause.
 */
async function refuseOlderTable(client: DynamoDBClient, tableName: string, spec: TableSpec): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (spec.indexes ?? []).map((index) => index.name).filter((name) => !present.has(name));
  if (missing.length > 0)
    throw new Error(
      `table ${tableName} in the data directory predates its index ${missing.join(', ')}: move the data directory aside (or delete it) and start again`,
    );
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, ACTIVE_POLL_MS));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within ${ACTIVE_TIMEOUT_MS} ms`);
}

/**
 * TTL only tidies up (nothing relies on it for correctness), and dynalite has no UpdateTimeToLive:
 * there it is skipped. DynamoDB Local supports it, and rejects enabling it twice, hence the describe.
 */
async function ensureTimeToLive(client: DynamoDBClient, tableName: string, attribute: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UnknownOperationException')) throw error;
  }
}

/**
 * CreateQueue without attributes returns the existing queue whatever its attributes; the
 * attributes are then set separately, so a changed visibility timeout converges instead of failing.
 */
async function ensureQueue(
  client: SQSClient,
  queueName: string,
  spec: QueueSpec,
  opts: ProvisionOptions,
): Promise<QueueResources> {
  const dlq = await createQueue(client, `${queueName}-dlq`, {
    MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
  });
  const queue = await createQueue(client, queueName, {
    VisibilityTimeout: String(
      opts.visibilityTimeoutSeconds ?? visibilityTimeoutSeconds(spec.name, functions),
    ),
    MessageRetentionPeriod: String(spec.retentionDays * 24 * 60 * 60),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: spec.maxReceiveCount }),
  });
  return { url: queue.url, arn: queue.arn, dlqUrl: dlq.url, dlqArn: dlq.arn };
}

async function createQueue(
  client: SQSClient,
  queueName: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: queueName }));
  if (!QueueUrl) throw new Error(`CreateQueue returned no URL for ${queueName}`);
  if (Object.keys(attributes).length > 0)
    await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  if (!Attributes?.QueueArn) throw new Error(`GetQueueAttributes returned no ARN for ${queueName}`);
  return { url: QueueUrl, arn: Attributes.QueueArn };
}
