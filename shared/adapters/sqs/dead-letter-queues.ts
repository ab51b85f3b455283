import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import type { DeadLetterQueue, MoveBack } from '#domain/messaging/ports.ts';

/** A work queue and its DLQ, each by URL (for calls) and ARN (for move tasks). */
export interface QueuePair {
  readonly url: string;
  readonly arn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
}

/** A queue found by its name (deployed stages) or given by its URL (explicit on the command line). */
export type QueueLocator = { readonly name: string } | { readonly url: string };

/** One-by-one moves stop after this many receives (10 messages each); run again for more. */
export const MAX_MOVE_ROUNDS = 1000;
/** Long enough for one batch's send and delete; a message whose send failed reappears after it. */
const MOVE_VISIBILITY_SECONDS = 60;

export async function locateQueuePair(
  client: SQSClient,
  locators: { readonly queue: QueueLocator; readonly deadLetter: QueueLocator },
): Promise<QueuePair> {
  const [queue, dlq] = await Promise.all([
    locate(client, locators.queue),
    locate(client, locators.deadLetter),
  ]);
  return { url: queue.url, arn: queue.arn, dlqUrl: dlq.url, dlqArn: dlq.arn };
}

async function locate(client: SQSClient, locator: QueueLocator): Promise<{ url: string; arn: string }> {
  const url = 'url' in locator ? locator.url : await urlOf(client, locator.name);
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  if (!Attributes?.QueueArn) throw new Error(`no ARN for queue ${url}`);
  return { url, arn: Attributes.QueueArn };
}

async function urlOf(client: SQSClient, name: string): Promise<string> {
  try {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: name }));
    if (QueueUrl) return QueueUrl;
  } catch (error) {
    if (!(error instanceof QueueDoesNotExist)) throw error;
  }
  // The usual cause is a wrong stage (or region): say which name was looked for.
  throw new Error(`queue ${name} does not exist in this account and region`);
}

/**
 * A DLQ on SQS. Redrive is SQS's own message move task; a service without it (fauxqs, the local
 * emulator, answers InvalidAction) gets the same effect here: receive from the DLQ, send to the
 * queue, delete from the DLQ only after the send succeeded, so a failure leaves the message where
 * it was rather than losing it.
 */
export class SqsDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly pair: QueuePair,
  ) {}

  async waiting(): Promise<number> {
    const { Attributes } = await this.client.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.pair.dlqUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
  }

  async moveBack(): Promise<MoveBack> {
    try {
      const { TaskHandle } = await this.client.send(
        new StartMessageMoveTaskCommand({ SourceArn: this.pair.dlqArn, DestinationArn: this.pair.arn }),
      );
      if (!TaskHandle) throw new Error('StartMessageMoveTask returned no task handle');
      return { method: 'move-task', taskHandle: TaskHandle };
    } catch (error) {
      if (!(error instanceof Error && error.name === 'InvalidAction')) throw error;
      return this.moveOneByOne();
    }
  }

  private async moveOneByOne(): Promise<MoveBack> {
    let moved = 0;
    let failed = 0;
    for (let round = 0; round < MAX_MOVE_ROUNDS; round += 1) {
      const { Messages = [] } = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.pair.dlqUrl,
          MaxNumberOfMessages: 10,
          // Long polling asks every SQS server, so an empty answer means an empty queue.
          WaitTimeSeconds: 1,
          VisibilityTimeout: MOVE_VISIBILITY_SECONDS,
          MessageAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) break;
      const sent = await this.sendToQueue(Messages);
      const undeleted = await this.deleteFromDeadLetters(sent);
      moved += sent.length - undeleted;
      failed += Messages.length - sent.length + undeleted;
    }
    return { method: 'one-by-one', moved, failed };
  }

  /** The messages the queue accepted. */
  private async sendToQueue(messages: readonly Message[]): Promise<Message[]> {
    const { Successful = [] } = await this.client.send(
      new SendMessageBatchCommand({
        QueueUrl: this.pair.url,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          MessageBody: message.Body ?? '',
          ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
        })),
      }),
    );
    return Successful.flatMap(({ Id }) => messages[Number(Id)] ?? []);
  }

  /**
   * How many could not be deleted: those are back on the queue and still in the DLQ too (they
   * reappear there after the visibility timeout). Consumers are idempotent, so the copy is
   * harmless, but such a message counts as failed, not moved: the DLQ is not empty of it.
   */
  private async deleteFromDeadLetters(messages: readonly Message[]): Promise<number> {
    if (messages.length === 0) return 0;
    const { Failed = [] } = await this.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: this.pair.dlqUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
    return Failed.length;
  }
}
