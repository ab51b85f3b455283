import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoWebhookTokenLedger } from '#adapters/dynamodb/webhook-token-ledger.ts';
import { integrationSecretsFrom } from '#adapters/secrets/integration-secrets.ts';
import { webhookSecretsFrom } from '#adapters/secrets/webhook-secrets-source.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { functionSpec, type OperationOf } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { problem } from '#platform/http/problem.ts';
import { header, rawBody, requestId } from '#platform/http/request.ts';
import { instrumentedWithoutTracer } from '#platform/invocation.ts';
import { count, logger } from '#platform/observability.ts';
import { ingestIntegrationWebhook } from '#usecases/ingest-integration-webhook.ts';
import { type IngestOutcome, ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';
import { answer } from './answer.ts';

const config = readFunctionConfig('webhook-ingest');
const keep = {
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  queue: new SqsWorkQueue({ events: config.EVENTS_QUEUE_URL }),
  clock: systemClock,
};
const rentvine = {
  ...keep,
  secrets: webhookSecretsFrom(config, config.TABLE_NAME),
  orgSettings: new DynamoOrgSettingsStore(config.TABLE_NAME),
  tokens: new DynamoWebhookTokenLedger(config.TABLE_NAME),
  quarantine: new DynamoDeliveryQuarantine(config.TABLE_NAME),
};
const integration = {
  ...keep,
  secrets: integrationSecretsFrom(config, config.TABLE_NAME),
  integrations: new DynamoIntegrationStore(config.TABLE_NAME),
};

type Ingest = (event: APIGatewayProxyEvent) => Promise<IngestOutcome>;

/** The implementation of each operation this function's routes name in lib/topology.ts. */
const operations: Record<OperationOf<'webhook-ingest'>, Ingest> = {
  ingestRentvine: (event) =>
    ingestRentvineWebhook(rentvine, {
      orgId: event.pathParameters?.orgId ?? '',
      body: rawBody(event),
      headers: (name) => header(event, name),
    }),
  ingestIntegration: (event) =>
    ingestIntegrationWebhook(integration, {
      integrationId: event.pathParameters?.integrationId ?? '',
      body: rawBody(event),
      headers: (name) => header(event, name),
      sourceIp: event.requestContext?.identity?.sourceIp,
    }),
};

/** API Gateway resource → operation, as the topology mounts them (the API's router does the same). */
const routes = new Map<string, Ingest>(
  functionSpec('webhook-ingest').routes.map((route) => [route.path, operations[route.operation]]),
);

// The hot path: no X-Ray SDK (Lambda's active tracing still records the invocation, and the
// SDK passes its trace header on to SQS, so the trace continues into event-processor).
export const handler = instrumentedWithoutTracer(
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const id = requestId(event);
    const ingest = routes.get(event.resource);
    if (!ingest) return withRequestId(problem(404, 'not-found', { instance: id }), id);
    count('WebhookReceived');
    try {
      return withRequestId(answer(await ingest(event), id), id);
    } catch (error) {
      // Nothing was acknowledged: a 503 makes the sender retry.
      logger.error('webhook ingest failed', { error });
      return withRequestId(problem(503, 'unavailable', { detail: 'try again later', instance: id }), id);
    }
  },
);

function withRequestId(result: APIGatewayProxyResult, id: string | undefined): APIGatewayProxyResult {
  return id ? { ...result, headers: { ...result.headers, 'x-request-id': id } } : result;
}
