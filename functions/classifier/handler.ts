import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { CircuitJournal } from '#adapters/dynamodb/circuit-journal.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SnapshotGroundingSource } from '#adapters/grounding/snapshot-grounding-source.ts';
import { type InboxModels, inboxModelsFrom, RULES_ONLY } from '#adapters/inbox-models.ts';
import { ReplyTextPreparer } from '#adapters/message-text/prepared-text.ts';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import { logger } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { recordEmailConversation } from '#usecases/record-email-conversation.ts';
import { triageMessage } from '#usecases/triage-message.ts';

const config = readFunctionConfig('classifier');
// Resolved once per instance on first use (the key may come from Secrets Manager). If that
// fails, this message is handled by the rules, templates and rule tables, and the lookup is
// retried on the next one.
let models: Promise<InboxModels> | undefined;
async function currentModels(): Promise<InboxModels> {
  try {
    models ??= inboxModelsFrom(config, { circuitJournal: new CircuitJournal(config.TABLE_NAME) });
    return await models;
  } catch (error) {
    models = undefined;
    logger.warn('could not read the Anthropic key; triaging with the rules', { error });
    return RULES_ONLY;
  }
}
const orgSettings = new DynamoOrgSettingsStore(config.TABLE_NAME);
const stores = {
  emails: new DynamoEmailStore(config.TABLE_NAME),
  orgSettings,
  grounding: new SnapshotGroundingSource(
    new DynamoSnapshotStore(config.TABLE_NAME),
    new DynamoSnapshotCatalogue(config.TABLE_NAME),
  ),
  text: new ReplyTextPreparer(),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
};
// The queue's deps: a conversation's item is offered to an eligible agent the moment it is made.
const desk = {
  conversations: new DynamoConversationStore(config.TABLE_NAME),
  queue: new DynamoQueueStore(config.TABLE_NAME),
  agents: new DynamoAgentDirectory(config.TABLE_NAME),
  workflows: new DynamoWorkflowStore(config.TABLE_NAME),
  notices: new SnsWorkflowNotices(config.WORKFLOW_NOTICES_TOPIC_ARN),
};

/** Triage (and draft), then the email into its conversation; both are idempotent, so a redelivery is safe. */
export const handler = sqsConsumer(consumedMessage('classifier'), async (message) => {
  const triaged = await triageMessage({ ...stores, ...(await currentModels()) }, message);
  const conversation = await recordEmailConversation({ ...stores, ...desk }, message);
  return { ...triaged, conversation };
});
