import { emailClassifierFrom } from '#adapters/classification-engine.ts';
import { CircuitJournal } from '#adapters/dynamodb/circuit-journal.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
import type { EmailClassifier } from '#domain/classification/taxonomy.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import { logger } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { classifyEmail } from '#usecases/classify-email.ts';

const config = readFunctionConfig('classifier');
// Resolved once per instance on first use (the key may come from Secrets Manager). If that
// fails, this message is classified by the rules and the lookup is retried on the next one.
let classifier: Promise<EmailClassifier> | undefined;
async function currentClassifier(): Promise<EmailClassifier> {
  try {
    classifier ??= emailClassifierFrom(config, { circuitJournal: new CircuitJournal(config.TABLE_NAME) });
    return await classifier;
  } catch (error) {
    classifier = undefined;
    logger.warn('could not read the Anthropic key; classifying with the rules', { error });
    return rulesClassifier;
  }
}
const stores = {
  emails: new DynamoEmailStore(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
};

export const handler = sqsConsumer(consumedMessage('classifier'), async (message) =>
  classifyEmail({ ...stores, classifier: await currentClassifier() }, message),
);
