import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import { logger } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';

const config = readFunctionConfig('workflow');
const deps = {
  workflows: new DynamoWorkflowStore(config.TABLE_NAME),
  emails: new DynamoEmailStore(config.TABLE_NAME),
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  clock: systemClock,
};

export const handler = sqsConsumer(consumedMessage('workflow'), async (start) => {
  const { outcome, workflow } = await startWorkflow(deps, start);
  logger.info('workflow start', {
    outcome,
    workflowId: workflow?.workflowId,
    type: workflow?.type,
    orgId: start.orgId,
  });
});
