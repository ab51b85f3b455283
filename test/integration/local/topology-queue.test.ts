import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localDynamoClient, localSqsClient } from '#lib/local/aws-clients.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { type FunctionSpec, functions } from '#lib/topology.ts';

// A queue added to the topology and nowhere else: `npm start` must provision it with its DLQ,
// bind it to the functions that name it and poll it for its consumer.
vi.mock('#lib/topology.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#lib/topology.ts')>();
  const { fixtureConsumer } = await import('#test/support/local-fixture-handlers/functions.ts');
  const statementsConsumer = {
    ...fixtureConsumer,
    name: 'statements-consumer',
    consumes: { queue: 'statements', batchSize: 5, maxBatchingWindowSeconds: 1, maxConcurrency: 2 },
    sendsTo: ['statements'],
  };
  return {
    ...real,
    functions: [...real.functions, statementsConsumer],
    queues: [
      ...real.queues,
      { name: 'statements', maxReceiveCount: 3, retentionDays: 2, maxAgeAlarmSeconds: 900 },
    ],
  };
});

const statementsConsumer = (functions as readonly FunctionSpec[]).find(
  (spec) => spec.name === 'statements-consumer',
) as FunctionSpec;

describe('a queue added only to the topology, run locally', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await startLocalRuntime({ functions: [statementsConsumer], schedules: false, prefix: 'added' });
  });
  afterAll(async () => runtime?.stop());

  it('is provisioned with a dead-letter queue after its maxReceiveCount', async () => {
    const statements = (runtime.resources.queues as Record<string, { url: string; dlqArn: string }>)
      .statements;
    expect(statements?.url).toMatch(/added-statements$/);
    const sqs = localSqsClient(runtime.emulators.sqsEndpoint);
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: statements?.url, AttributeNames: ['RedrivePolicy'] }),
    );
    sqs.destroy();
    expect(JSON.parse(Attributes.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: statements?.dlqArn,
      maxReceiveCount: 3,
    });
  });

  it('reaches the functions bound to it, and is polled for its consumer', async () => {
    const url = (runtime.resources.queues as Record<string, { url: string }>).statements?.url;
    expect(runtime.environments['statements-consumer']?.STATEMENTS_QUEUE_URL).toBe(url);

    const sqs = localSqsClient(runtime.emulators.sqsEndpoint);
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: JSON.stringify({ id: 'statement-1', outcome: 'ok' }),
      }),
    );
    sqs.destroy();
    const documents = DynamoDBDocumentClient.from(localDynamoClient(runtime.emulators.dynamoEndpoint));
    try {
      await vi.waitFor(
        async () => {
          const { Items = [] } = await documents.send(
            new QueryCommand({
              TableName: runtime.resources.tables.main,
              KeyConditionExpression: 'PK = :pk AND begins_with(SK, :id)',
              ExpressionAttributeValues: { ':pk': 'delivery', ':id': 'statement-1#' },
            }),
          );
          expect(Items).toHaveLength(1);
        },
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      documents.destroy();
    }
  });
});
