import type { APIGatewayProxyEvent } from 'aws-lambda';
import { claudeReachabilityCheck } from '#adapters/anthropic/claude-reachability.ts';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoOrgActivityReader } from '#adapters/dynamodb/org-activity-reader.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { DynamoResponseLinkLedger } from '#adapters/dynamodb/response-link-ledger.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import {
  apiKeyPepperCheck,
  claudeCircuitCheck,
  queueCheck,
  rentvineCheck,
  tableCheck,
} from '#adapters/health-checks.ts';
import { apiKeyPepperFrom } from '#adapters/secrets/api-key-pepper.ts';
import { integrationSecretsFrom } from '#adapters/secrets/integration-secrets.ts';
import { responseLinkSecretsFrom } from '#adapters/secrets/response-link-secrets.ts';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { dataKeyAlias } from '#lib/aws/names.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { type ApiOperation, apiRoutes, queueEnvName } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import type { ReadinessChecks } from '#platform/health.ts';
import { createRouter } from '#platform/http/router.ts';
import { instrumented } from '#platform/lambda.ts';
import { apiKeyEnvOf } from '#platform/security/api-key.ts';
import { apiKeyUseRecorder } from '#usecases/record-api-key-use.ts';
import { admission } from './admission.ts';
import { apiOperations } from './operations.ts';

const config = readFunctionConfig('api');
const emails = new DynamoEmailStore(config.TABLE_NAME);
const apiKeys = new DynamoApiKeyStore(config.TABLE_NAME);
const queue = new SqsWorkQueue({ classify: config.CLASSIFY_QUEUE_URL, workflow: config.WORKFLOW_QUEUE_URL });
const orgSettings = new DynamoOrgSettingsStore(config.TABLE_NAME);
const catalogue = new DynamoSnapshotCatalogue(config.TABLE_NAME);
const workflows = new DynamoWorkflowStore(config.TABLE_NAME);
const agentDirectory = new DynamoAgentDirectory(config.TABLE_NAME);
const auditTrail = new DynamoAuditTrail(config.TABLE_NAME);
const queueItems = new DynamoQueueStore(config.TABLE_NAME);
const conversations = new DynamoConversationStore(config.TABLE_NAME);
// The queue's deps: agents' changes, new and escalated conversations offer queued work at once.
const desk = {
  queue: queueItems,
  agents: agentDirectory,
  orgSettings,
  workflows,
  conversations,
  notices: new SnsWorkflowNotices(config.WORKFLOW_NOTICES_TOPIC_ARN),
  clock: systemClock,
};
// Readiness looks at every work queue, so a queue added to the topology is checked too.
const inspectedQueues = Object.fromEntries(WORK_QUEUES.map((queue) => [queue, config[queueEnvName(queue)]]));

const readinessChecks: ReadinessChecks = {
  table: tableCheck(config.TABLE_NAME),
  ...Object.fromEntries(
    Object.entries(inspectedQueues).map(([name, url]) => [`queue:${name}`, queueCheck(url)]),
  ),
  apiKeyPepper: apiKeyPepperCheck(config),
  claude: claudeReachabilityCheck(config),
  claudeCircuit: claudeCircuitCheck(config.TABLE_NAME),
  rentvine: rentvineCheck(config, config.TABLE_NAME),
};

const operations = apiOperations({
  emails,
  queue,
  clock: systemClock,
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  readinessChecks,
  apiKeys: {
    apiKeys,
    pepper: apiKeyPepperFrom(config),
    clock: systemClock,
    env: apiKeyEnvOf(config.STAGE),
    defaultRateLimitPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
  },
  stats: { activity: new DynamoOrgActivityReader(config.TABLE_NAME), clock: systemClock },
  org: {
    orgs: new DynamoOrgStore(config.TABLE_NAME),
    settings: orgSettings,
    agents: agentDirectory,
    clock: systemClock,
  },
  integrations: {
    integrations: new DynamoIntegrationStore(config.TABLE_NAME),
    // Created in Secrets Manager encrypted with the stage's data key, as operators create them.
    secrets: integrationSecretsFrom(config, config.TABLE_NAME, dataKeyAlias(config.STAGE)),
    clock: systemClock,
  },
  catalogue,
  // An approver's edit is reviewed by the rule tables: deterministic and within the request's
  // time (Claude's second review runs when the classifier drafts).
  compliance: rulesComplianceReviewer,
  workflows: {
    workflows,
    snapshots: new DynamoSnapshotStore(config.TABLE_NAME),
    catalogue,
    settings: new OrgWorkflowSettings(orgSettings),
    queue,
    clock: systemClock,
    desk: { queue: queueItems },
  },
  responseLinks: {
    ledger: new DynamoResponseLinkLedger(config.TABLE_NAME),
    linkSecrets: responseLinkSecretsFrom(config),
  },
  agents: desk,
  audit: { trail: auditTrail, clock: systemClock },
  desk: { ...desk, audit: auditTrail },
  conversations: { ...desk, audit: auditTrail },
  pages: {
    pages: new DynamoPageStore(config.TABLE_NAME),
    audit: auditTrail,
    clock: systemClock,
  },
});

const router = createRouter<ApiOperation>(apiRoutes, operations, {
  allowedOrigins: config.CORS_ALLOWED_ORIGINS,
  admit: admission({
    limiter: new DynamoRateLimiter(config.TABLE_NAME),
    recordUse: apiKeyUseRecorder({ apiKeys, clock: systemClock }),
    clock: systemClock,
    defaultLimitPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
  }),
});

export const handler = instrumented(async (event: APIGatewayProxyEvent) => router(event));
