/**
 * The one description of the platform: functions, the routes they serve, the queues they
 * consume and feed, their schedules, and the tables. `lib/aws` turns it into CDK stacks and
 * `lib/local` runs it on one machine, so the two cannot drift. Pure data: no imports.
 */

export type QueueName = 'events' | 'classify' | 'workflow';
export type TableName = 'main' | 'idempotency';
export type SecretName = 'anthropicApiKey' | 'webhookSigning' | 'apiKeyPepper';
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
  readonly schedule?: { readonly everyMinutes: number };
  /** Queues whose attributes the function reads (readiness checks). */
  readonly inspectsQueues?: readonly QueueName[];
  /** Fixed configuration, passed as environment variables by both deployers. */
  readonly settings?: Readonly<Record<string, string>>;
}

const ALL_QUEUES = ['events', 'classify', 'workflow'] as const satisfies readonly QueueName[];

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
      {
        method: 'GET',
        path: '/v1/emails/{emailId}',
        auth: 'apiKey',
        scope: 'emails:read',
        operation: 'getEmail',
      },
      { method: 'GET', path: '/v1/events', auth: 'apiKey', scope: 'events:read', operation: 'listEvents' },
      {
        method: 'GET',
        path: '/v1/events/{eventId}',
        auth: 'apiKey',
        scope: 'events:read',
        operation: 'getEvent',
      },
    ],
    sendsTo: ['classify'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: ['apiKeyPepper', 'anthropicApiKey'],
    inspectsQueues: ALL_QUEUES,
  },
  {
    name: 'event-processor',
    description: 'Parses Rentvine events, upserts entity snapshots, raises domain triggers',
    entry: 'functions/event-processor/handler.ts',
    timeoutSeconds: 30,
    memoryMb: 512,
    kind: 'queue',
    consumes: { queue: 'events', batchSize: 10, maxBatchingWindowSeconds: 1 },
    sendsTo: ['workflow'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: [],
  },
  {
    name: 'classifier',
    description: 'Classifies inbound email with Claude (rules fallback) and starts its workflow',
    entry: 'functions/classifier/handler.ts',
    timeoutSeconds: 60,
    memoryMb: 512,
    kind: 'queue',
    consumes: { queue: 'classify', batchSize: 5, maxBatchingWindowSeconds: 1 },
    sendsTo: ['workflow'],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: ['anthropicApiKey'],
  },
  {
    name: 'workflow',
    description: 'Creates and advances workflow records',
    entry: 'functions/workflow/handler.ts',
    timeoutSeconds: 30,
    memoryMb: 512,
    kind: 'queue',
    consumes: { queue: 'workflow', batchSize: 10, maxBatchingWindowSeconds: 1 },
    sendsTo: [],
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: [],
  },
  {
    name: 'sweeper',
    description: 'Re-sends stored work that never reached its queue',
    entry: 'functions/sweeper/handler.ts',
    timeoutSeconds: 60,
    memoryMb: 256,
    kind: 'schedule',
    schedule: { everyMinutes: 1 },
    settings: { PENDING_RESEND_LIMIT: '3' },
    sendsTo: ALL_QUEUES,
    tables: ['main'],
    tableAccess: 'readWrite',
    secrets: [],
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof functions)[number]['name'];

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

export const tables = {
  /** Single-table design: every item is keyed by org first. */
  main: {
    partitionKey: 'PK',
    sortKey: 'SK',
    ttlAttribute: 'expiresAt',
    indexes: [
      /** Per-org listings (events by time, emails by time). */
      { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
      /** Sparse outbox: rows stored but not yet processed, for the sweeper. */
      { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    ],
  },
  /** The idempotency ledger of external side effects (Powertools idempotency records). */
  idempotency: { partitionKey: 'id', ttlAttribute: 'expiration' },
} as const;

/** Environment variable through which each resource reaches a function. */
export const envNames = {
  tables: { main: 'TABLE_NAME', idempotency: 'IDEMPOTENCY_TABLE_NAME' },
  queues: { events: 'EVENTS_QUEUE_URL', classify: 'CLASSIFY_QUEUE_URL', workflow: 'WORKFLOW_QUEUE_URL' },
  secrets: {
    anthropicApiKey: 'ANTHROPIC_API_KEY_SECRET_ID',
    webhookSigning: 'WEBHOOK_SECRET_PREFIX',
    apiKeyPepper: 'API_KEY_PEPPER_SECRET_ID',
  },
} as const satisfies {
  tables: Record<TableName, string>;
  queues: Record<QueueName, string>;
  secrets: Record<SecretName, string>;
};

/** SQS visibility must outlast every retry of a batch: 6 × the consumer's timeout (AWS guidance). */
export function visibilityTimeoutSeconds(queue: QueueName): number {
  const consumer = functions.find((f) => 'consumes' in f && f.consumes.queue === queue);
  if (!consumer) throw new Error(`queue ${queue} has no consumer in the topology`);
  return consumer.timeoutSeconds * 6;
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

type ApiFunction = Extract<(typeof functions)[number], { name: 'api' }>;
export type ApiOperation = ApiFunction['routes'][number]['operation'];

/** The routes of the API function, typed by operation so its implementations must cover them. */
export const apiRoutes: ApiFunction['routes'] = (functions.find((f) => f.name === 'api') as ApiFunction)
  .routes;
