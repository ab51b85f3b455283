import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localDynamoClient, localSqsClient } from '#lib/local/aws-clients.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { queues } from '#lib/topology.ts';
import { fixtureConsumer } from '#test/support/local-fixture-handlers/functions.ts';

interface Delivery {
  readonly receiveCount: number;
  readonly event: SQSEvent;
  readonly batch: readonly string[];
}

const VISIBILITY_SECONDS = 1;
const maxReceiveCount = queues.find((queue) => queue.name === 'events')?.maxReceiveCount ?? 0;

describe('local queue poller (event source mapping)', () => {
  let runtime: LocalRuntime;
  let sqs: SQSClient;
  let documents: DynamoDBDocumentClient;

  beforeAll(async () => {
    runtime = await startLocalRuntime({
      functions: [fixtureConsumer],
      schedules: false,
      visibilityTimeoutSeconds: VISIBILITY_SECONDS,
    });
    sqs = localSqsClient(runtime.emulators.sqsEndpoint);
    documents = DynamoDBDocumentClient.from(localDynamoClient(runtime.emulators.dynamoEndpoint));
  });

  afterAll(async () => {
    sqs?.destroy();
    documents?.destroy();
    await runtime?.stop();
  });

  /** What the fixture consumer recorded for one message, in receive order. */
  async function deliveries(id: string): Promise<Delivery[]> {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: runtime.resources.tables.main,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :id)',
        ExpressionAttributeValues: { ':pk': 'delivery', ':id': `${id}#` },
      }),
    );
    return Items.map((item) => ({
      receiveCount: Number(String(item.SK).split('#')[1]),
      ...(JSON.parse(String(item.payload)) as Omit<Delivery, 'receiveCount'>),
    })).sort((a, b) => a.receiveCount - b.receiveCount);
  }

  async function waitForReceiveCounts(id: string, counts: number[], timeout = 10_000): Promise<Delivery[]> {
    return vi.waitFor(
      async () => {
        const found = await deliveries(id);
        expect(found.map((delivery) => delivery.receiveCount)).toEqual(counts);
        return found;
      },
      { timeout, interval: 100 },
    );
  }

  async function messagesLeft(queueUrl: string): Promise<number> {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible)
    );
  }

  it('delivers a message as an SQSEvent and deletes it once handled', async () => {
    const queue = runtime.resources.queues.events;
    const id = randomUUID();
    const body = JSON.stringify({ id, outcome: 'ok' });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: body,
        MessageAttributes: {
          orgId: { DataType: 'String', StringValue: 'org-1' },
          signature: { DataType: 'Binary', BinaryValue: Buffer.from('sig') },
        },
      }),
    );

    const [delivery] = await waitForReceiveCounts(id, [1]);
    const event = delivery?.event as SQSEvent;
    expect(() => SqsSchema.parse(event)).not.toThrow();
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      body,
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        orgId: { dataType: 'String', stringValue: 'org-1' },
        signature: { dataType: 'Binary', binaryValue: Buffer.from('sig').toString('base64') },
      },
    });
    expect(Number(event.Records[0]?.attributes.SentTimestamp)).toBeGreaterThan(0);
    expect(Number(event.Records[0]?.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThan(0);

    await vi.waitFor(async () => expect(await messagesLeft(queue.url)).toBe(0), {
      timeout: 5_000,
      interval: 100,
    });
    await sleep(VISIBILITY_SECONDS * 1000 + 1000);
    expect((await deliveries(id)).map((d) => d.receiveCount)).toEqual([1]);
  });

  it('redelivers the whole batch when the handler throws, and logs the failure to stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const queue = runtime.resources.queues.events;
    const [throwing, innocent] = [randomUUID(), randomUUID()];
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: [
          { Id: 'throwing', MessageBody: JSON.stringify({ id: throwing, outcome: 'throw-once' }) },
          { Id: 'innocent', MessageBody: JSON.stringify({ id: innocent, outcome: 'ok' }) },
        ],
      }),
    );

    const [first] = await waitForReceiveCounts(innocent, [1, 2]);
    expect(first?.batch).toEqual(expect.arrayContaining([throwing, innocent]));
    await waitForReceiveCounts(throwing, [1, 2]);
    await vi.waitFor(async () => expect(await messagesLeft(queue.url)).toBe(0), {
      timeout: 5_000,
      interval: 100,
    });
    expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toContain('fixture batch failure');
    stderr.mockRestore();
  });

  it('redelivers only the reported batch item failure, then moves it to the DLQ after maxReceiveCount', async () => {
    // The failure lines are expected here: captured, and the last one checked.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const queue = runtime.resources.queues.events;
    const [failing, healthy] = [randomUUID(), randomUUID()];
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: [
          { Id: 'failing', MessageBody: JSON.stringify({ id: failing, outcome: 'fail' }) },
          { Id: 'healthy', MessageBody: JSON.stringify({ id: healthy, outcome: 'ok' }) },
        ],
      }),
    );

    const receives = Array.from({ length: maxReceiveCount }, (_, i) => i + 1);
    await waitForReceiveCounts(failing, receives, (maxReceiveCount + 3) * VISIBILITY_SECONDS * 1000);
    expect((await deliveries(healthy)).map((d) => d.receiveCount)).toEqual([1]);

    const dead = await vi.waitFor(
      async () => {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        );
        expect(Messages).toHaveLength(1);
        return Messages[0];
      },
      { timeout: 5_000, interval: 100 },
    );
    expect(JSON.parse(dead?.Body ?? '{}')).toEqual({ id: failing, outcome: 'fail' });
    expect(await messagesLeft(queue.url)).toBe(0);
    expect((await deliveries(failing)).length).toBe(maxReceiveCount);
    const logged = stderr.mock.calls.map(([line]) => String(line)).join('');
    stderr.mockRestore();
    expect(logged).toMatch(
      new RegExp(`fixture-consumer dead-lettered .*receive=${maxReceiveCount}/${maxReceiveCount}`),
    );
  }, 30_000);
});
