/**
 * The one description of the platform, and its one registry: functions, the routes they serve,
 * the queues they consume and feed, their schedules, the tables and the secrets, each declared
 * once. `lib/aws` turns it into CDK stacks and `lib/local` runs it on one machine, both through
 * the same derivations (lib/function-environment.ts, lib/function-config.ts), so they cannot
 * drift. Pure data: it imports only the domain's list of work queues (a module with no imports)
 * and types (the settings catalogue of #platform/config.ts).
 */
import { WORK_QUEUES, type WorkQueueName } from '#domain/messaging/outbox.ts';
import type { SecretVariables, SettingName } from '#platform/config.ts';

/**
 * The work queues are the domain's (its outbox covers each stage): a queue is named there once,
 * with its message schema, and declared below with its consumer and limits.
 */
export type QueueName = WorkQueueName;
export type TableName = 'main' | 'idempotency';
export type SecretName = keyof typeof secrets;
export type TopicName = keyof typeof topics;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway resource path, `{name}` for path parameters. */
  readonly path: string;
  /** `none`: public or self-authenticating (webhook signatures); `apiKey`: the REQUEST authorizer. */
  readonly auth: 'none' | 'apiKey';
  /** Scope the route handler demands of the caller's key (checked in the function). */
  readonly scope?: string;
  /** Name of the implementation inside the function that serves the route. */
  readonly operation: string;
}

export interface QueueConsumer {
  readonly queue: QueueName;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /**
   * Batches processed at once at most: the SQS event source's ScalingConfig.MaximumConcurrency in
   * AWS (2 to 1000), as many pollers locally. Bounds what a burst does to the stores and APIs behind.
   */
  readonly maxConcurrency: number;
}

export interface FunctionSpec {
  readonly name: string;
  readonly description: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly kind: 'http' | 'authorizer' | 'queue' | 'schedule';
  readonly routes?: readonly RouteSpec[];
  readonly consumes?: QueueConsumer;
  readonly sendsTo: readonly QueueName[];
  readonly tables: readonly TableName[];
  readonly tableAccess: 'read' | 'readWrite';
  readonly secrets: readonly SecretName[];
  /**
   * Per-org secret families the function also writes (creates and puts values), below a part of
   * the family: `under` (e.g. `integration/`) keeps it out of the rest, for reads as for writes.
   * Each must be in `secrets`.
   */
  readonly writesSecrets?: readonly { readonly secret: SecretName; readonly under: string }[];
  readonly schedule?: { readonly everyMinutes: number };
  /** Queues whose attributes the function reads (readiness checks). */
  readonly inspectsQueues?: readonly QueueName[];
  /** Topics the function publishes to (and only publishes: `sns:Publish` on each, nothing else). */
  readonly publishesTo?: readonly TopicName[];
  /**
   * The settings (#platform/config.ts) the function reads: a value fixed here, or `null` for one
   * the deployment gives (CDK context in AWS, the environment of `npm start` locally); a
   * deployment's value overrides a fixed one.
   */
  readonly settings?: Readonly<Partial<Record<SettingName, string | null>>>;
  /**
   * A function a deployment runs only when asked (it costs money): absent unless the CDK context
   * `context` is true in AWS, or the variable `env` is `true` for `npm start`.
   */
  readonly optIn?: { readonly context: string; readonly env: string };
  /** Runs of the function at once at most (Lambda reserved concurrency); unbounded when absent. */
  readonly reservedConcurrency?: number;
  /** Lambda's retries of a failed asynchronous (scheduled) run; Lambda's default (2) when absent. */
  readonly asyncRetries?: number;
}

const ALL_QUEUES: readonly QueueName[] = WORK_QUEUES;

export const functions = [
  {
    name: 'webhook-ingest',
    description: 'Verifies Rentvine webhook signatures, stores the delivery, enqueues it',
    entry: 'functions/webhook-ingest/handler.ts',
    timeoutSeconds: 10,
    memoryMb: 512,
    kind: 'http',
    routes: [
      { method: 'POST', path: '/webhooks/rentvine/{orgId}', auth: 'none', operation: 'ingestRentvine' },
      { method: 'POST', path: '/webhooks/{integrationId}', auth: 'none', operation: 'ingestIntegration' },
    ],
    sendsTo: ['events'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: ['webhookSigning'],
  },
  {
    name: 'authorizer',
    description: 'Resolves a Bearer API key to its org, key id and scopes',
    entry: 'functions/authorizer/handler.ts',
    timeoutSeconds: 5,
    memoryMb: 256,
    kind: 'authorizer',
    sendsTo: [],
    tables: ['main'],
    tableAccess: 'read',
    secrets: ['apiKeyPepper'],
  },
  {
    name: 'api',
    description: 'The /v1 REST API and health checks',
    entry: 'functions/api/handler.ts',
    timeoutSeconds: 10,
    memoryMb: 512,
    kind: 'http',
    routes: [
      { method: 'GET', path: '/', auth: 'none', operation: 'links' },
      { method: 'GET', path: '/v1', auth: 'none', operation: 'apiLinks' },
      { method: 'GET', path: '/health', auth: 'none', operation: 'health' },
      { method: 'GET', path: '/health/ready', auth: 'none', operation: 'ready' },
      { method: 'GET', path: '/v1/openapi.json', auth: 'none', operation: 'openApi' },
      { method: 'GET', path: '/v1/stats', auth: 'apiKey', scope: 'stats:read', operation: 'getStats' },
      {
        method: 'POST',
        path: '/v1/admin/api-keys',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'createApiKey',
      },
      { method: 'GET', path: '/v1/admin/api-keys', auth: 'apiKey', scope: 'admin', operation: 'listApiKeys' },
      {
        method: 'DELETE',
        path: '/v1/admin/api-keys/{keyId}',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'revokeApiKey',
      },
      {
        method: 'POST',
        path: '/v1/admin/api-keys/{keyId}/rotate',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'rotateApiKey',
      },
      { method: 'POST', path: '/v1/emails', auth: 'apiKey', scope: 'emails:write', operation: 'submitEmail' },
      { method: 'GET', path: '/v1/emails', auth: 'apiKey', scope: 'emails:read', operation: 'listEmails' },
      {
        method: 'GET',
        path: '/v1/emails/{emailId}',
        auth: 'apiKey',
        scope: 'emails:read',
        operation: 'getEmail',
      },
      {
        method: 'POST',
        path: '/v1/emails/{emailId}/draft/approve',
        auth: 'apiKey',
        scope: 'approvals:write',
        operation: 'approveDraft',
      },
      {
        method: 'POST',
        path: '/v1/emails/{emailId}/draft/reject',
        auth: 'apiKey',
        scope: 'approvals:write',
        operation: 'rejectDraft',
      },
      { method: 'GET', path: '/v1/events', auth: 'apiKey', scope: 'events:read', operation: 'listEvents' },
      {
        method: 'GET',
        path: '/v1/events/{eventId}',
        auth: 'apiKey',
        scope: 'events:read',
        operation: 'getEvent',
      },
      {
        method: 'GET',
        path: '/v1/workflows',
        auth: 'apiKey',
        scope: 'workflows:read',
        operation: 'listWorkflows',
      },
      {
        method: 'POST',
        path: '/v1/workflows',
        auth: 'apiKey',
        scope: 'workflows:write',
        operation: 'startWorkflow',
      },
      {
        method: 'GET',
        path: '/v1/workflows/{workflowId}',
        auth: 'apiKey',
        scope: 'workflows:read',
        operation: 'getWorkflow',
      },
      {
        method: 'POST',
        path: '/v1/workflows/{workflowId}/approvals',
        auth: 'apiKey',
        scope: 'approvals:write',
        operation: 'decideWorkflowStep',
      },
      {
        method: 'POST',
        path: '/v1/workflows/{workflowId}/tasks',
        auth: 'apiKey',
        scope: 'workflows:write',
        operation: 'completeWorkflowTask',
      },
      {
        method: 'POST',
        path: '/v1/workflows/{workflowId}/signals',
        auth: 'apiKey',
        scope: 'workflows:write',
        operation: 'signalWorkflow',
      },
      {
        method: 'POST',
        path: '/v1/workflows/{workflowId}/invoices',
        auth: 'apiKey',
        scope: 'workflows:write',
        operation: 'recordInvoice',
      },
      {
        method: 'GET',
        path: '/v1/approvals',
        auth: 'apiKey',
        scope: 'workflows:read',
        operation: 'listApprovals',
      },
      // The desk: agents (people) and the audit trail.
      { method: 'GET', path: '/v1/agents', auth: 'apiKey', scope: 'queue:read', operation: 'listAgents' },
      { method: 'POST', path: '/v1/agents', auth: 'apiKey', scope: 'admin', operation: 'createAgent' },
      {
        method: 'PATCH',
        path: '/v1/agents/{agentId}',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'updateAgent',
      },
      {
        method: 'PUT',
        path: '/v1/agents/{agentId}/status',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'setAgentStatus',
      },
      { method: 'GET', path: '/v1/audit', auth: 'apiKey', scope: 'admin', operation: 'listAudit' },
      // The desk's queue: open work in priority order; a person assigns or transfers an item.
      { method: 'GET', path: '/v1/queue', auth: 'apiKey', scope: 'queue:read', operation: 'listQueue' },
      {
        method: 'POST',
        path: '/v1/queue/{itemId}/assign',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'assignQueueItem',
      },
      {
        method: 'POST',
        path: '/v1/queue/{itemId}/transfer',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'transferQueueItem',
      },
      // The desk's conversations (issue 12): read with queue:read, act with queue:write.
      {
        method: 'GET',
        path: '/v1/conversations',
        auth: 'apiKey',
        scope: 'queue:read',
        operation: 'listConversations',
      },
      {
        method: 'GET',
        path: '/v1/conversations/{conversationId}',
        auth: 'apiKey',
        scope: 'queue:read',
        operation: 'getConversation',
      },
      {
        method: 'POST',
        path: '/v1/conversations/{conversationId}/messages',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'addConversationMessage',
      },
      {
        method: 'POST',
        path: '/v1/conversations/{conversationId}/escalate',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'escalateConversation',
      },
      {
        method: 'POST',
        path: '/v1/conversations/{conversationId}/resolve',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'resolveConversation',
      },
      // On call (issue 12): the pages, and the paged person's acknowledgment.
      { method: 'GET', path: '/v1/pages', auth: 'apiKey', scope: 'queue:read', operation: 'listPages' },
      {
        method: 'POST',
        path: '/v1/pages/{pageId}/ack',
        auth: 'apiKey',
        scope: 'queue:write',
        operation: 'acknowledgePage',
      },
      // Vendors and owners answer without a login: the signed, expiring, single-use token is the credential.
      { method: 'GET', path: '/v1/respond/{token}', auth: 'none', operation: 'showResponseLink' },
      { method: 'POST', path: '/v1/respond/{token}', auth: 'none', operation: 'answerResponseLink' },
      { method: 'GET', path: '/v1/org', auth: 'apiKey', scope: 'org:read', operation: 'getOrg' },
      {
        method: 'PATCH',
        path: '/v1/org/settings',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'updateOrgSettings',
      },
      {
        method: 'POST',
        path: '/v1/admin/integrations',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'createIntegration',
      },
      {
        method: 'GET',
        path: '/v1/admin/integrations',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'listIntegrations',
      },
      {
        method: 'GET',
        path: '/v1/admin/integrations/{integrationId}',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'getIntegration',
      },
      {
        method: 'DELETE',
        path: '/v1/admin/integrations/{integrationId}',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'deleteIntegration',
      },
      {
        method: 'POST',
        path: '/v1/admin/integrations/{integrationId}/rotate',
        auth: 'apiKey',
        scope: 'admin',
        operation: 'rotateIntegration',
      },
      {
        method: 'GET',
        path: '/v1/properties',
        auth: 'apiKey',
        scope: 'properties:read',
        operation: 'listProperties',
      },
      { method: 'GET', path: '/v1/units', auth: 'apiKey', scope: 'properties:read', operation: 'listUnits' },
      {
        method: 'GET',
        path: '/v1/leases',
        auth: 'apiKey',
        scope: 'properties:read',
        operation: 'listLeases',
      },
      {
        method: 'GET',
        path: '/v1/tenants',
        auth: 'apiKey',
        scope: 'properties:read',
        operation: 'listTenants',
      },
      {
        method: 'GET',
        path: '/v1/vendors',
        auth: 'apiKey',
        scope: 'properties:read',
        operation: 'listVendors',
      },
      {
        method: 'GET',
        path: '/v1/work-orders',
        auth: 'apiKey',
        scope: 'properties:read',
        operation: 'listWorkOrders',
      },
    ],
    // workflow: a workflow started or advanced through the API owes its runner a message.
    sendsTo: ['classify', 'workflow'],
    // The desk's queue tells an agent given an item by hand (queue_assigned).
    publishesTo: ['workflowNotices'],
    tables: ['main'],
    tableAccess: 'readWrite',
    // webhookSigning: the integrations it registers get their secrets where webhook-ingest reads them;
    // rentvineApi: readiness probes each connected org; responseLinkSigning: /v1/respond reads links.
    secrets: ['apiKeyPepper', 'anthropicApiKey', 'webhookSigning', 'rentvineApi', 'responseLinkSigning'],
    writesSecrets: [{ secret: 'webhookSigning', under: 'integration/' }],
    inspectsQueues: ALL_QUEUES,
    settings: {
      STAGE: null,
      CORS_ALLOWED_ORIGINS: null,
      API_RATE_LIMIT_PER_MINUTE: null,
      ANTHROPIC_MODEL: null,
      ANTHROPIC_BASE_URL: null,
      // Readiness probes each connected org's Rentvine account.
      RENTVINE_BASE_URL: null,
      RENTVINE_ACCESS_KEY: null,
      RENTVINE_SECRET: null,
    },
  },
  {
    name: 'event-processor',
    description:
      "Parses Rentvine events, upserts entity snapshots, raises domain triggers; turns integrations' deliveries into inbox messages",
    entry: 'functions/event-processor/handler.ts',
    timeoutSeconds: 30,
    memoryMb: 512,
    kind: 'queue',
    consumes: { queue: 'events', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 5 },
    // classify: integrations' messages enter the inbox pipeline here.
    sendsTo: ['workflow', 'classify'],
    tables: ['main'],
    tableAccess: 'readWrite',
    // Enrichment reads work orders and properties from the org's Rentvine account.
    secrets: ['rentvineApi'],
    settings: { RENTVINE_BASE_URL: null, RENTVINE_ACCESS_KEY: null, RENTVINE_SECRET: null },
  },
  {
    name: 'classifier',
    description:
      'Triages inbound messages (rules first, Claude when configured), drafts a reply for approval and starts the workflow',
    entry: 'functions/classifier/handler.ts',
    timeoutSeconds: 60,
    memoryMb: 512,
    kind: 'queue',
    // Two at most (the least SQS allows): Claude calls stay within Anthropic's rate limits.
    consumes: { queue: 'classify', batchSize: 5, maxBatchingWindowSeconds: 1, maxConcurrency: 2 },
    sendsTo: ['workflow'],
    // A conversation's queue item is assigned the moment it is made: its agent is told.
    publishesTo: ['workflowNotices'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: ['anthropicApiKey'],
    settings: { ANTHROPIC_MODEL: null, ANTHROPIC_BASE_URL: null, ANTHROPIC_REVIEW_TIMEOUT_MS: null },
  },
  {
    name: 'workflow',
    description:
      'Starts workflows and does what their transitions owe: Rentvine writes, vendor offers, notices to people',
    entry: 'functions/workflow/handler.ts',
    // Short, like the event processor's: the queue's message lifetime (the outbox's grace before a
    // lost emergency start is re-sent) is 5 × 6 × this. Rentvine calls get 10 s and 2 retries.
    timeoutSeconds: 30,
    memoryMb: 512,
    kind: 'queue',
    consumes: { queue: 'workflow', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 5 },
    // A transition that records effects hands the workflow its own run message.
    sendsTo: ['workflow'],
    // Its effects tell people what a workflow needs of them; an emergency waiting on people pages on-call.
    publishesTo: ['workflowNotices', 'pages'],
    tables: ['main', 'idempotency'],
    tableAccess: 'readWrite',
    secrets: ['rentvineApi', 'responseLinkSigning'],
    settings: {
      PUBLIC_API_URL: null,
      RENTVINE_BASE_URL: null,
      RENTVINE_ACCESS_KEY: null,
      RENTVINE_SECRET: null,
    },
  },
  {
    name: 'rentvine-sync',
    description: "Brings every connected org's Rentvine snapshots up to date; counts what webhooks missed",
    entry: 'functions/rentvine-sync/handler.ts',
    // Each org gets a share of the run; a huge org resumes from its watermarks on the next one.
    timeoutSeconds: 600,
    memoryMb: 512,
    kind: 'schedule',
    // Also once at npm start: the local scheduler's first run comes a second after start.
    schedule: { everyMinutes: 15 },
    // Missed changes that call for work are stored as events for the event processor; leases'
    // balances start and move delinquency workflows, whose effects the workflow function does.
    sendsTo: ['events', 'workflow'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: ['rentvineApi'],
    settings: { RENTVINE_BASE_URL: null, RENTVINE_ACCESS_KEY: null, RENTVINE_SECRET: null },
  },
  {
    name: 'sweeper',
    description:
      'Re-pages unanswered emergency pages, advances due workflow steps (escalations, timeouts, vendor offers) and re-sends stored work that never reached its queue',
    entry: 'functions/sweeper/handler.ts',
    timeoutSeconds: 60,
    memoryMb: 256,
    kind: 'schedule',
    schedule: { everyMinutes: 1 },
    settings: { PENDING_RESEND_LIMIT: '3', PENDING_GRACE_SECONDS: null },
    // The outbox covers every stage: the sweep re-sends to any queue. A due step it advances owes
    // effects (an escalation's notices, the next vendor's offer): the workflow function does them.
    sendsTo: ALL_QUEUES,
    // The queue sweep tells agents of the items it assigns and roles of the ones it escalates;
    // unanswered emergency pages are paged again and moved up the on-call ladder.
    publishesTo: ['workflowNotices', 'pages'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: [],
  },
  {
    name: 'triage-evaluation',
    description: 'Nightly: triages the labelled tune set with Claude and emits the quality figures',
    entry: 'functions/triage-evaluation/handler.ts',
    // One message at a time (Anthropic rate limits, bounded spend): the cap below fits in 15 minutes.
    timeoutSeconds: 900,
    memoryMb: 512,
    kind: 'schedule',
    schedule: { everyMinutes: 24 * 60 },
    optIn: { context: 'nightlyTriageEvaluation', env: 'AICTIVE_NIGHTLY_TRIAGE_EVALUATION' },
    // One run at a time, never retried: a run's spend is at most its message cap.
    reservedConcurrency: 1,
    asyncRetries: 0,
    sendsTo: [],
    tables: [],
    tableAccess: 'read',
    secrets: ['anthropicApiKey'],
    // The platform's floors, one per deployment (CDK context overrides each): the alarms compare
    // the figures with the same values the function reports against.
    settings: {
      ANTHROPIC_MODEL: null,
      ANTHROPIC_BASE_URL: null,
      TRIAGE_EVALUATION_MAX_MESSAGES: '150',
      TRIAGE_FLOOR_CATEGORY_ACCURACY: '0.85',
      TRIAGE_FLOOR_EMERGENCY_RECALL: '1',
      TRIAGE_CEILING_FALSE_EMERGENCIES: '0.05',
      TRIAGE_FLOOR_INJECTIONS_TO_HUMAN: '1',
    },
  },
] as const satisfies readonly FunctionSpec[];

/**
 * The functions a deployment runs: every one, but an opt-in function only when its deployer says
 * it is enabled (CDK context, or the environment of `npm start`).
 */
export function deployedFunctions(
  enabled: (optIn: NonNullable<FunctionSpec['optIn']>) => boolean,
  specs: readonly FunctionSpec[],
): readonly FunctionSpec[] {
  return specs.filter((spec) => spec.optIn === undefined || enabled(spec.optIn));
}

export type FunctionName = (typeof functions)[number]['name'];

/** A work queue; the message it carries is declared in lib/queue-messages.ts, under the same name. */
export interface QueueSpec {
  readonly name: QueueName;
  /** Receives after which a message moves to the queue's DLQ. */
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  /** Alarm when the oldest message is older than this. */
  readonly maxAgeAlarmSeconds: number;
}

export const queues: readonly QueueSpec[] = [
  { name: 'events', maxReceiveCount: 5, retentionDays: 4, maxAgeAlarmSeconds: 300 },
  { name: 'classify', maxReceiveCount: 5, retentionDays: 4, maxAgeAlarmSeconds: 600 },
  { name: 'workflow', maxReceiveCount: 5, retentionDays: 4, maxAgeAlarmSeconds: 600 },
];

export interface TableSpec {
  /** The variable through which the table's name reaches a function. */
  readonly env: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly ttlAttribute: string;
  readonly indexes?: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey: string;
    /** What the index copies of an item: all of it (the default), or only the table's and its own keys. */
    readonly projection?: 'keys_only';
  }[];
}

export const tables = {
  /** Single-table design: every item is keyed by org first. */
  main: {
    env: 'TABLE_NAME',
    partitionKey: 'PK',
    sortKey: 'SK',
    ttlAttribute: 'expiresAt',
    indexes: [
      /** Per-org listings (events by time, emails by time). */
      { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
      /** Sparse outbox: rows stored but not yet processed, for the sweeper. */
      { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
      /**
       * Sparse due index: open workflows whose waiting step has a due time, across orgs, for the
       * sweep. Its sort key says all a sweep needs, so only keys are copied: reads stay small,
       * and a workflow's writes that leave its due time alone do not write the index.
       */
      { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'keys_only' },
    ],
  },
  /** The idempotency ledger of external side effects (Powertools idempotency records). */
  idempotency: { env: 'IDEMPOTENCY_TABLE_NAME', partitionKey: 'id', ttlAttribute: 'expiration' },
} as const satisfies Record<TableName, TableSpec>;

export interface SecretSpec {
  readonly description: string;
  /**
   * Its Secrets Manager name below `aictive/<stage>/`. Ending in `/`, it names a family: one
   * secret per org, created by operators after deploy, and the function gets the prefix.
   */
  readonly name: string;
  /** How the deployment creates it: a generated random value, or a placeholder an operator replaces. */
  readonly creation?: { readonly generated: true } | { readonly placeholder: string };
  /** Why it is not rotated by Secrets Manager (cdk-nag asks). */
  readonly notRotatedBecause?: string;
  /** The variables through which a function finds it (#platform/config.ts secretConfig). */
  readonly variables: SecretVariables;
  /**
   * A family whose secret names its functions may list: which orgs have one (the names only;
   * ListSecrets cannot be scoped to a prefix in IAM, and returns no values).
   */
  readonly listable?: boolean;
}

/** Every secret, declared once: where it lives, how it is created and how a function reaches it. */
export const secrets = {
  anthropicApiKey: {
    description: 'Anthropic API key for the classifier (placeholder until an operator puts the real key)',
    name: 'anthropic-api-key',
    // Not a secret: the marker the classifier takes for "no Anthropic key yet"; the operator
    // stores the real key with `aws secretsmanager put-secret-value`, so it never passes through
    // CloudFormation or this repository.
    creation: { placeholder: 'unset' },
    notRotatedBecause:
      'Third-party API key: it is rotated in the Anthropic console and put here by an operator.',
    variables: { id: 'ANTHROPIC_API_KEY_SECRET_ID', value: 'ANTHROPIC_API_KEY' },
  },
  apiKeyPepper: {
    description: 'Pepper for API-key hashes (HMAC-SHA256 key); changing it invalidates every API key',
    name: 'api-key-pepper',
    // Generated at deploy, never seen by anyone: API-key hashes are keyed with it, so a copy of
    // the table alone cannot be used to test guesses.
    creation: { generated: true },
    notRotatedBecause:
      'Rotating the pepper would invalidate every API key at once; keys themselves rotate through the admin API with a grace period.',
    variables: {
      source: 'API_KEY_PEPPER_SOURCE',
      id: 'API_KEY_PEPPER_SECRET_ID',
      value: 'API_KEY_PEPPER',
      minLength: 32,
    },
  },
  responseLinkSigning: {
    description: 'HMAC-SHA256 key of the response links vendors and owners answer through',
    name: 'response-link-signing',
    // Generated at deploy, never seen by anyone: only the platform issues links.
    creation: { generated: true },
    notRotatedBecause:
      'Response links expire within days; rotation is by adding a new secret while the old one still verifies until its links have expired.',
    variables: {
      source: 'RESPONSE_LINK_SECRET_SOURCE',
      id: 'RESPONSE_LINK_SECRET_ID',
      value: 'RESPONSE_LINK_SECRET',
      minLength: 32,
    },
  },
  webhookSigning: {
    description: 'Per-org webhook signing secrets (Rentvine, integrations)',
    name: 'webhook/',
    variables: { source: 'WEBHOOK_SECRETS_SOURCE', id: 'WEBHOOK_SECRET_PREFIX' },
  },
  /**
   * Each org's Rentvine API connection, `aictive/<stage>/rentvine/<orgId>`, a JSON object
   * `{"account": "<subdomain>", "accessKey": "…", "secret": "…"}` (or `baseUrl` instead of
   * `account`; with neither, the org's `rentvineAccount` setting names the account). Locally the
   * table holds them (and RENTVINE_* give org `demo`'s).
   */
  rentvineApi: {
    description: 'Per-org Rentvine API connections (account, access key, secret)',
    name: 'rentvine/',
    listable: true,
    variables: { source: 'RENTVINE_CREDENTIALS_SOURCE', id: 'RENTVINE_SECRET_PREFIX' },
  },
} as const satisfies Record<string, SecretSpec>;

export interface TopicSpec {
  readonly description: string;
  /** The variable through which the topic's ARN reaches a function that publishes to it. */
  readonly env: string;
}

/**
 * Every topic, declared once: SNS in AWS (encrypted, SSL only; operators subscribe people's
 * email or SMS themselves), fauxqs locally, where a queue of the same name is subscribed to it
 * and the local runtime logs each message.
 */
export const topics = {
  /**
   * What a person must act on: a step waiting on their role, an escalation, a job offered to a
   * vendor, an owner asked to agree (shared/domain/workflow/ports.ts `WorkflowNotice`). Ids and
   * links only, never a message's text; attributes orgId, kind, to and urgency for filter policies.
   */
  workflowNotices: {
    description:
      'What the workflows need of people: waiting steps, escalations, vendor offers, owner approvals',
    env: 'WORKFLOW_NOTICES_TOPIC_ARN',
  },
  /**
   * Emergency pages (shared/domain/on-call/ports.ts `PageNotice`): the person paged, the page's
   * id, department and urgency, never a message's text. `-c pageSubscriptions=sms:+1…,email:…`
   * subscribes on-call phones and mailboxes at deploy.
   */
  pages: {
    description:
      'Emergency pages: the on-call person, then the next in the rotation, then the property managers, until someone acknowledges',
    env: 'PAGES_TOPIC_ARN',
  },
} as const satisfies Record<string, TopicSpec>;

/** The topics a function publishes to. */
export function topicsOf(spec: FunctionSpec): readonly TopicName[] {
  return spec.publishesTo ?? [];
}

/** The variable through which a queue's URL reaches a function: EVENTS_QUEUE_URL for `events`. */
export function queueEnvName<Q extends string>(queue: Q): QueueEnvName<Q> {
  return `${queue.toUpperCase().replaceAll('-', '_')}_QUEUE_URL` as QueueEnvName<Q>;
}
export type QueueEnvName<Q extends string> = `${Uppercase<Q>}_QUEUE_URL`;

/** Every queue a function reaches by URL: those it sends to and those it inspects. */
export function queuesSeenBy(spec: FunctionSpec): readonly QueueName[] {
  return [...new Set([...spec.sendsTo, ...(spec.inspectsQueues ?? [])])];
}

/** The function consuming a queue, from the functions given (a deployment's, by default the topology's). */
export function consumerOf(queue: string, specs: readonly FunctionSpec[] = functions): FunctionSpec {
  const consumer = specs.find((f) => f.consumes?.queue === queue);
  if (!consumer) throw new Error(`queue ${queue} has no consumer in the topology`);
  return consumer;
}

/** SQS visibility must outlast every retry of a batch: 6 × the consumer's timeout (AWS guidance). */
export function visibilityTimeoutSeconds(queue: string, specs: readonly FunctionSpec[] = functions): number {
  return consumerOf(queue, specs).timeoutSeconds * 6;
}

/**
 * How long a message can live in its queue before it is processed or dead-lettered
 * (maxReceiveCount × visibility): the outbox grace of that queue, after which a row still waiting
 * on it was never queued and the sweeper re-sends it without doubling a live message.
 */
export function messageLifetimeSeconds(queue: QueueName): number {
  const spec = queues.find((q) => q.name === queue);
  if (!spec) throw new Error(`queue ${queue} is not in the topology`);
  return spec.maxReceiveCount * visibilityTimeoutSeconds(queue);
}

export function routesOf(spec: FunctionSpec): readonly RouteSpec[] {
  return spec.routes ?? [];
}

type FunctionOf<N extends FunctionName> = Extract<(typeof functions)[number], { name: N }>;
/** The operations a function's routes name, so its implementations must cover them. */
export type OperationOf<N extends FunctionName> =
  FunctionOf<N> extends { routes: readonly (infer R)[] }
    ? R extends { operation: infer O }
      ? O
      : never
    : never;
export type ApiOperation = OperationOf<'api'>;

/** A function of the topology by name, typed as declared. */
export function functionSpec<N extends FunctionName>(name: N): FunctionOf<N> {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`no function ${name} in the topology`);
  return spec as FunctionOf<N>;
}

/** The routes of the API function, typed by operation so its implementations must cover them. */
export const apiRoutes = functionSpec('api').routes;
