import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ClassifyMessage } from '#domain/emails/email.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import type { OutboxEntry, WorkQueueName } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { WorkflowMessage } from '#domain/workflow/messages.ts';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';

let shared: SQSClient | undefined;

/**
 * One client per instance. The explicit endpoint is for the local emulator, whose queue URLs
 * name hosts like `sqs.<region>.localhost` that do not resolve; it is undefined in AWS.
 */
export function sqsClient(): SQSClient {
  shared ??= tracedAwsClient(new SQSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SQS }));
  return shared;
}

export type QueueUrls = Partial<Record<WorkQueueName, string>>;

/** Each function gets only the queue URLs it may send to; a missing one is a wiring bug. */
export class SqsWorkQueue implements WorkQueue {
  constructor(private readonly urls: QueueUrls) {}

  enqueueEvent(message: EventMessage) {
    return this.sendTo('events', message);
  }

  enqueueClassification(message: ClassifyMessage) {
    return this.sendTo('classify', message);
  }

  enqueueWorkflow(message: WorkflowMessage) {
    return this.sendTo('workflow', message);
  }

  send(entry: OutboxEntry) {
    return this.sendTo(entry.queue, entry.message);
  }

  private async sendTo(queue: WorkQueueName, message: object): Promise<void> {
    const url = this.urls[queue];
    if (!url) throw new Error(`this function has no ${queue} queue configured`);
    await sqsClient().send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(message) }));
  }
}
