import type { APIGatewayProxyResult } from 'aws-lambda';
import { problem } from '#platform/http/problem.ts';
import { WEBHOOK_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { webhookRejectedFor } from '#platform/metric-catalogue.ts';
import { count, logger } from '#platform/observability.ts';
import type { RejectionReason } from '#platform/security/verification.ts';
import type { IngestOutcome } from '#usecases/ingest-rentvine-webhook.ts';

/**
 * The HTTP answer to an ingest outcome, and its metrics. Rejections are counted in total (for the
 * alarm) and per reason as `WebhookRejected_<reason>`; the reasons are a closed set, so the number
 * of metric names stays bounded. The caller never learns the reason.
 */
export function answer(outcome: IngestOutcome, instance: string | undefined): APIGatewayProxyResult {
  if (outcome.kind === 'rejected') {
    if (outcome.quarantined) count('QuarantinedDeliveries');
    return refusal(outcome.reason, instance);
  }
  count('WebhookVerified');
  switch (outcome.kind) {
    case 'accepted':
      count(outcome.recognized ? 'WebhookEnqueued' : 'WebhookUnrecognized');
      return jsonResponse(202, { status: 'accepted', eventId: outcome.eventId });
    case 'duplicate':
      count('WebhookDuplicate');
      return jsonResponse(200, { status: 'duplicate', eventId: outcome.eventId });
    case 'unavailable':
      // Stored is accepted, as for emails: the row is in the outbox and the sweeper queues it.
      count('WebhookEnqueueFailed');
      return jsonResponse(202, { status: 'accepted', eventId: outcome.eventId });
  }
}

function refusal(reason: RejectionReason, instance: string | undefined): APIGatewayProxyResult {
  count('WebhookRejected');
  count(webhookRejectedFor(reason));
  logger.warn('webhook rejected', { reason });
  switch (reason) {
    case 'too_large':
      return problem(413, 'payload-too-large', { detail: WEBHOOK_PROBLEM_DETAILS[413], instance });
    case 'forbidden_source':
      return problem(403, 'forbidden', { detail: 'deliveries are not accepted from this network', instance });
    default:
      // One answer for every reason, an unknown org included: it says what to do, never which check failed.
      return problem(401, 'unauthorized', { detail: WEBHOOK_PROBLEM_DETAILS[401], instance });
  }
}
