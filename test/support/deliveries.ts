import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  type BodySignatureAlgorithm,
  DEFAULT_BODY_SIGNATURE_ALGORITHM,
  signedBody,
} from '#platform/security/rentvine-body-signature.ts';
import { type ApiHandler, apiEvent, lambdaContext } from './lambda-events.ts';
import type { TestOrg } from './orgs.ts';
import { workOrderEvent } from './rentvine-payloads.ts';

/**
 * A payload delivered the way Rentvine delivers it: `auth: {signature, token, timestamp}` in the
 * body (a fresh token, unix seconds), signed under `algorithm` (the default reading unless said).
 */
export function rentvineDelivery(
  payload: object,
  signingKey: string,
  opts: { algorithm?: BodySignatureAlgorithm; timestamp?: number | string; token?: string } = {},
): string {
  return signedBody(
    signingKey,
    opts.algorithm ?? DEFAULT_BODY_SIGNATURE_ALGORITHM,
    { ...payload },
    {
      timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000),
      token: opts.token ?? randomBytes(16).toString('hex'),
    },
  );
}

/** POSTs a body to the real webhook-ingest handler for an org, with no signature header. */
export function postRentvine(
  ingest: ApiHandler,
  orgId: string,
  body: string,
): Promise<APIGatewayProxyResult> {
  return ingest(
    apiEvent({
      method: 'POST',
      resource: '/webhooks/rentvine/{orgId}',
      path: `/webhooks/rentvine/${orgId}`,
      pathParameters: { orgId },
      headers: { 'Content-Type': 'application/json' },
      body,
    }),
    lambdaContext('webhook-ingest'),
  );
}

/** Sends an emergency work order, signed for the org as Rentvine signs, through the real webhook-ingest handler. */
export function deliverEmergency(
  ingest: ApiHandler,
  org: TestOrg,
  workOrderID: string,
  description = 'Burst pipe',
): Promise<APIGatewayProxyResult> {
  const payload = workOrderEvent({ workOrderID, priorityID: '3', description });
  return postRentvine(ingest, org.orgId, rentvineDelivery(payload, org.webhookSecret));
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
