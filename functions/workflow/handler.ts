import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { PowertoolsIdempotencyLedger } from '#adapters/dynamodb/idempotency-ledger.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SignedResponseLinks } from '#adapters/links/signed-response-links.ts';
import { DEFAULT_CALL_POLICY } from '#adapters/rentvine/accounts.ts';
import { rentvineAccountsFrom } from '#adapters/rentvine/accounts-source.ts';
import { responseLinkSecretsFrom } from '#adapters/secrets/response-link-secrets.ts';
import { SnsPageNotices } from '#adapters/sns/page-notices.ts';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import type { WorkflowMessage } from '#domain/workflow/messages.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { consumedMessage } from '#lib/queue-messages.ts';
import { systemClock } from '#platform/clock.ts';
import { count, logger } from '#platform/observability.ts';
import { sqsConsumer } from '#platform/sqs-batch.ts';
import { runWorkflowEffects } from '#usecases/run-workflow-effects.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';

const config = readFunctionConfig('workflow');
// Remembered a day: far longer than any redelivery of a workflow's run can come.
const ledger = new PowertoolsIdempotencyLedger(config.IDEMPOTENCY_TABLE_NAME, { rememberSeconds: 24 * 3600 });
const workflows = new DynamoWorkflowStore(config.TABLE_NAME);
const notices = new SnsWorkflowNotices(config.WORKFLOW_NOTICES_TOPIC_ARN);
const orgSettings = new DynamoOrgSettingsStore(config.TABLE_NAME);
const agents = new DynamoAgentDirectory(config.TABLE_NAME);
const deps = {
  workflows,
  emails: new DynamoEmailStore(config.TABLE_NAME),
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  settings: new OrgWorkflowSettings(orgSettings),
  snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
  catalogue: new DynamoSnapshotCatalogue(config.TABLE_NAME),
  queue: new SqsWorkQueue({ workflow: config.WORKFLOW_QUEUE_URL }),
  clock: systemClock,
  ledger,
  // Within the function's 30 s: a longer outage fails the message and SQS redelivers it.
  accounts: rentvineAccountsFrom(config, config.TABLE_NAME, ledger, {
    policy: { ...DEFAULT_CALL_POLICY, timeoutMs: 10_000, retries: 2 },
  }),
  notices,
  links: new SignedResponseLinks(responseLinkSecretsFrom(config).current, config.PUBLIC_API_URL),
  desk: {
    queue: new DynamoQueueStore(config.TABLE_NAME),
    agents,
    orgSettings,
    workflows,
    conversations: new DynamoConversationStore(config.TABLE_NAME),
    notices,
    clock: systemClock,
  },
  paging: {
    pages: new DynamoPageStore(config.TABLE_NAME),
    notices: new SnsPageNotices(config.PAGES_TOPIC_ARN),
    orgSettings,
    agents,
    workflows,
  },
};

/**
 * A message starts a workflow (a triaged email, a Rentvine event) or runs the effects a
 * workflow owes (a transition recorded them; the store keeps it in the outbox until done).
 */
async function handle(message: WorkflowMessage): Promise<void> {
  if (message.source === 'workflow') {
    const run = await runWorkflowEffects(deps, message);
    count('WorkflowEffectFailed', run.failed);
    count('WorkflowNoticePublished', run.notices);
    count('VendorOfferSent', run.offers);
    return;
  }
  const { outcome, ...rest } = await startWorkflow(deps, message);
  if (outcome === 'created') count('WorkflowStarted');
  const workflow = 'workflow' in rest ? rest.workflow : undefined;
  logger.info('workflow start', {
    outcome,
    workflowId: workflow?.workflowId,
    type: workflow?.type,
    orgId: message.orgId,
  });
}

// The ledger's in-progress locks end with the invocation that holds them, not only at expiry.
export const handler = sqsConsumer(consumedMessage('workflow'), handle, (context) =>
  ledger.registerLambdaContext(context),
);
