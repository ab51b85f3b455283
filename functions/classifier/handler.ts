import { emailClassifierFrom } from '#adapters/classification-engine.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import type { EmailClassifier } from '#domain/classification/taxonomy.ts';
import { ClassifyMessage } from '#domain/emails/email.ts';
import { systemClock } from '#platform/clock.ts';
import { AnthropicConfig, readConfig, TableConfig, WorkflowQueueConfig } from '#platform/config.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { classifyEmail } from '#usecases/classify-email.ts';

const config = readConfig(TableConfig.extend(WorkflowQueueConfig.shape).extend(AnthropicConfig.shape));
// Resolved once per instance on first use (the key may come from Secrets Manager); a failed
// resolution is retried on the next message rather than cached.
let classifier: Promise<EmailClassifier> | undefined;
function currentClassifier(): Promise<EmailClassifier> {
  classifier ??= emailClassifierFrom(config).catch((error: unknown) => {
    classifier = undefined;
    throw error;
  });
  return classifier;
}
const stores = {
  emails: new DynamoEmailStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
};

export const handler = sqsConsumer(ClassifyMessage, async (message) =>
  classifyEmail({ ...stores, classifier: await currentClassifier() }, message),
);
