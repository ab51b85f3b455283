import type { APIGatewayProxyResult } from 'aws-lambda';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { type ApiHandler, apiEvent, lambdaContext } from './lambda-events.ts';
import type { TestOrg } from './orgs.ts';
import { workOrderEvent } from './rentvine-payloads.ts';

/** Sends an emergency work order, signed for the org, through the real webhook-ingest handler. */
export function deliverEmergency(
  ingest: ApiHandler,
  org: TestOrg,
  workOrderID: string,
  description = 'Burst pipe',
): Promise<APIGatewayProxyResult> {
  const body = JSON.stringify(workOrderEvent({ workOrderID, priorityID: '3', description }));
  return ingest(
    apiEvent({
      method: 'POST',
      resource: '/webhooks/rentvine/{orgId}',
      pathParameters: { orgId: org.orgId },
      headers: signWebhook(org.webhookSecret, body, Math.floor(Date.now() / 1000)),
      body,
    }),
    lambdaContext('webhook-ingest'),
  );
}

/** The event id a queue message (events or workflow queue) points at. */
export const eventIdOf = (message: { Body?: string }): string =>
  (JSON.parse(message.Body ?? '{}') as { eventId: string }).eventId;

/** How often each id occurs: compare these to prove "exactly once". */
export function countBy(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}
