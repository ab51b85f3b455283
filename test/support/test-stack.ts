import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Message, PurgeQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localApiKeyPepper } from '#lib/local/api-key-pepper.ts';
import { type Emulators, startEmulators } from '#lib/local/emulators.ts';
import { type LocalResources, provision, runtimeEnv } from '#lib/local/provision.ts';
import type { QueueName } from '#lib/topology.ts';

/**
 * Real emulators on random loopback ports, provisioned from the topology, with process.env
 * pointing the handlers at them. Import handlers (dynamically) only after `startTestStack`.
 * When AICTIVE_TEST_DYNAMODB_ENDPOINT is set (CI), DynamoDB is AWS's DynamoDB Local instead.
 */
export interface TestStack {
  readonly resources: LocalResources;
  readonly env: Record<string, string>;
  readonly sqs: SQSClient;
  readonly ddb: DynamoDBDocumentClient;
  /** Takes every message currently visible on a queue (deleting none). */
  drain(queue: QueueName, opts?: { dlq?: boolean; waitSeconds?: number }): Promise<Message[]>;
  purge(queue: QueueName): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestStack(): Promise<TestStack> {
  const emulators: Emulators = await startEmulators();
  const endpoints = {
    dynamoEndpoint: process.env.AICTIVE_TEST_DYNAMODB_ENDPOINT ?? emulators.dynamoEndpoint,
    sqsEndpoint: emulators.sqsEndpoint,
  };
  const resources = await provision(endpoints, {
    prefix: `t${randomBytes(4).toString('hex')}`,
    visibilityTimeoutSeconds: 1,
  });
  // Every function's variables, their fixed settings included.
  const env: Record<string, string> = {
    ...runtimeEnv(endpoints, resources, await localApiKeyPepper(undefined)),
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  Object.assign(process.env, env);
  delete process.env.ANTHROPIC_API_KEY;

  const credentials = {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
  };
  const sqs = new SQSClient({ endpoint: endpoints.sqsEndpoint, region: env.AWS_REGION, credentials });
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: endpoints.dynamoEndpoint, region: env.AWS_REGION, credentials }),
  );

  return {
    resources,
    env,
    sqs,
    ddb,
    async drain(queue, opts = {}) {
      const url = opts.dlq ? resources.queues[queue].dlqUrl : resources.queues[queue].url;
      const messages: Message[] = [];
      // Bounded: a few empty polls end it.
      for (let emptyPolls = 0, round = 0; emptyPolls < 2 && round < 50; round += 1) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: opts.waitSeconds ?? 0,
            VisibilityTimeout: 30,
            AttributeNames: ['All'],
          }),
        );
        if (Messages.length === 0) emptyPolls += 1;
        messages.push(...Messages);
      }
      return messages;
    },
    async purge(queue) {
      await sqs.send(new PurgeQueueCommand({ QueueUrl: resources.queues[queue].url }));
    },
    async stop() {
      sqs.destroy();
      ddb.destroy();
      await emulators.stop();
    },
  };
}
