import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { webhookSecretsFrom } from '#adapters/secrets/webhook-secrets-source.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { systemClock } from '#platform/clock.ts';
import { EventsQueueConfig, readConfig, TableConfig, WebhookSecretsConfig } from '#platform/config.ts';
import { problem } from '#platform/http/problem.ts';
import { header, rawBody, requestId } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { instrumented } from '#platform/lambda.ts';
import { logger, metrics } from '#platform/observability.ts';
import { type IngestOutcome, ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';

const config = readConfig(z.intersection(TableConfig.extend(EventsQueueConfig.shape), WebhookSecretsConfig));
const deps = {
  inbox: new DynamoEventInbox(config.TABLE_NAME),
  queue: new SqsWorkQueue({ events: config.EVENTS_QUEUE_URL }),
  secrets: webhookSecretsFrom(config, config.TABLE_NAME),
  clock: systemClock,
};

export const handler = instrumented(async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const id = requestId(event);
  metrics.addMetric('WebhookReceived', MetricUnit.Count, 1);
  let outcome: IngestOutcome;
  try {
    outcome = await ingestRentvineWebhook(deps, {
      orgId: event.pathParameters?.orgId ?? '',
      body: rawBody(event),
      headers: (name) => header(event, name),
    });
  } catch (error) {
    // Nothing was acknowledged: a 503 makes the sender retry.
    logger.error('webhook ingest failed', { error });
    return withRequestId(problem(503, 'unavailable', { detail: 'try again later', instance: id }), id);
  }
  return withRequestId(answer(outcome, id), id);
});

function answer(outcome: IngestOutcome, id: string | undefined): APIGatewayProxyResult {
  switch (outcome.kind) {
    case 'accepted':
      metrics.addMetric('WebhookAccepted', MetricUnit.Count, 1);
      return jsonResponse(202, { status: 'accepted', eventId: outcome.eventId });
    case 'duplicate':
      metrics.addMetric('WebhookDuplicate', MetricUnit.Count, 1);
      return jsonResponse(200, { status: 'duplicate', eventId: outcome.eventId });
    case 'too_large':
      metrics.addMetric('WebhookRejected', MetricUnit.Count, 1);
      return problem(413, 'payload-too-large', { instance: id });
    case 'rejected':
      metrics.addMetric('WebhookRejected', MetricUnit.Count, 1);
      logger.warn('webhook rejected', { reason: outcome.reason });
      // Never a hint of which check failed.
      return problem(401, 'unauthorized', {
        detail: 'the delivery could not be authenticated',
        instance: id,
      });
    case 'unavailable':
      metrics.addMetric('WebhookEnqueueFailed', MetricUnit.Count, 1);
      return problem(503, 'unavailable', {
        detail: 'stored, not yet queued: retry the delivery',
        instance: id,
      });
  }
}

function withRequestId(result: APIGatewayProxyResult, id: string | undefined): APIGatewayProxyResult {
  return id ? { ...result, headers: { ...result.headers, 'x-request-id': id } } : result;
}
