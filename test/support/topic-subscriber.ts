import { randomBytes } from 'node:crypto';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { snsClient } from '#adapters/sns/workflow-notices.ts';
import type { TestStack } from './test-stack.ts';

/**
 * A queue of its own subscribed to a topic on fauxqs (raw delivery, an optional filter policy),
 * so a test reads exactly what a subscriber of the topic would receive.
 */
export async function subscribedQueue(
  stack: TestStack,
  topicArn: string,
  filterPolicy?: Record<string, unknown>,
): Promise<string> {
  const { QueueUrl } = await stack.sqs.send(
    new CreateQueueCommand({ QueueName: `subscriber-${randomBytes(4).toString('hex')}` }),
  );
  const { Attributes } = await stack.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await snsClient().send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: {
        RawMessageDelivery: 'true',
        ...(filterPolicy ? { FilterPolicy: JSON.stringify(filterPolicy) } : {}),
      },
    }),
  );
  return QueueUrl ?? '';
}

/**
 * Everything the queue holds now, taken off it (a later call sees only what came after). Bounded:
 * fauxqs delivers with the Publish, so two empty polls mean nothing more is coming.
 */
export async function takeAll(stack: TestStack, queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let empty = 0, round = 0; empty < 2 && round < 20; round += 1) {
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) empty += 1;
    else
      await stack.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle })),
        }),
      );
    messages.push(...Messages);
  }
  return messages;
}
