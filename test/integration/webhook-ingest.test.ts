import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { DynamoWebhookTokenLedger } from '#adapters/dynamodb/webhook-token-ledger.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { systemClock } from '#platform/clock.ts';
import { WEBHOOK_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { metrics } from '#platform/observability.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { sameGrace } from '#test/support/outbox-policy.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

let stack: TestStack;
let org: TestOrg;
let handler: ApiHandler;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main);
  handler = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => stack?.stop());

function delivery(body: string, headers: Record<string, string>, orgId = org.orgId) {
  return handler(
    apiEvent({
      method: 'POST',
      resource: '/webhooks/rentvine/{orgId}',
      path: `/webhooks/rentvine/${orgId}`,
      pathParameters: { orgId },
      headers,
      body,
    }),
    lambdaContext('webhook-ingest'),
  );
}

function signed(body: string, secret = org.webhookSecret, timestamp = Math.floor(Date.now() / 1000)) {
  return { 'Content-Type': 'application/json', ...signWebhook(secret, body, timestamp) };
}

describe('webhook-ingest', () => {
  it('stores a verified delivery, enqueues it once and answers 202', async () => {
    await stack.purge('events');
    const body = JSON.stringify(workOrderEvent({ workOrderID: '7001' }));
    const response = await delivery(body, signed(body));
    expect(response.statusCode).toBe(202);
    const { status, eventId } = JSON.parse(response.body) as { status: string; eventId: string };
    expect(status).toBe('accepted');
    expect(eventId).toMatch(/^evt_[0-9a-f]{32}$/);

    const stored = await new DynamoEventInbox(stack.resources.tables.main).get(org.orgId, eventId);
    expect(stored).toMatchObject({ status: 'received', rawBody: body, scheme: 'rentvine-header' });
    expect(JSON.stringify(stored?.headers)).not.toContain('sha256=');

    const messages = await stack.drain('events');
    expect(messages.map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId: org.orgId, eventId, attempt: 0 },
    ]);
  });

  it('answers a redelivery (new timestamp, same event) 200 duplicate without storing or enqueuing it again', async () => {
    await stack.purge('events');
    const body = JSON.stringify(workOrderEvent({ workOrderID: '7002' }));
    const first = await delivery(body, signed(body));
    expect(await stack.drain('events')).toHaveLength(1);
    // Still waiting in `received`, not yet processed: the redelivery must not queue it again.
    const { eventId } = JSON.parse(first.body) as { eventId: string };

    const again = await delivery(body, signed(body, org.webhookSecret, Math.floor(Date.now() / 1000) - 5));
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ status: 'duplicate', eventId });
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it.each([
    ['a wrong secret', (body: string) => signed(body, 'not-the-org-secret')],
    ['no signature', () => ({ 'Content-Type': 'application/json' })],
    [
      'a stale timestamp',
      (body: string) => signed(body, org.webhookSecret, Math.floor(Date.now() / 1000) - 301),
    ],
    [
      'a future timestamp',
      (body: string) => signed(body, org.webhookSecret, Math.floor(Date.now() / 1000) + 301),
    ],
    ['a tampered body', (body: string) => signed(`${body} `)],
  ])('refuses a delivery with %s: 401 problem+json, nothing stored or queued', async (_name, headersFor) => {
    await stack.purge('events');
    const body = JSON.stringify(workOrderEvent({ workOrderID: '7003' }));
    const response = await delivery(body, headersFor(body));
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({
      type: 'urn:aictive:problem:unauthorized',
      status: 401,
    });
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it('refuses an unknown org exactly like a bad signature', async () => {
    const body = JSON.stringify(workOrderEvent());
    // The counts the rejection alarm watches (lib/aws/alarms.ts).
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const response = await delivery(body, signed(body), 'no-such-org');
    expect(response.statusCode).toBe(401);
    expect(addMetric).toHaveBeenCalledWith('WebhookRejected', 'Count', 1);
    expect(addMetric).toHaveBeenCalledWith('WebhookRejected_unknown_sender', 'Count', 1);
    addMetric.mockRestore();
    expect(JSON.parse(response.body).detail).toBe(WEBHOOK_PROBLEM_DETAILS[401]);
  });

  it('answers 413 to a body over 256 KB', async () => {
    const body = JSON.stringify({ ...workOrderEvent(), padding: 'x'.repeat(256 * 1024) });
    const response = await delivery(body, signed(body));
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body).type).toBe('urn:aictive:problem:payload-too-large');
  });

  it('keeps an authentic but unparseable delivery as unrecognized, without enqueuing it', async () => {
    await stack.purge('events');
    const body = '{"event": not json';
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const response = await delivery(body, signed(body));
    expect(response.statusCode).toBe(202);
    // The count the unrecognized alarm watches (lib/aws/alarms.ts).
    expect(addMetric).toHaveBeenCalledWith('WebhookUnrecognized', 'Count', 1);
    addMetric.mockRestore();
    const { eventId } = JSON.parse(response.body) as { eventId: string };
    const stored = await new DynamoEventInbox(stack.resources.tables.main).get(org.orgId, eventId);
    expect(stored).toMatchObject({ status: 'unrecognized', reason: 'invalid_json', rawBody: body });
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it('reports stored-not-queued when the queue send fails; the retry is a duplicate and the sweeper sends it, once', async () => {
    const table = stack.resources.tables.main;
    const inbox = new DynamoEventInbox(table);
    const deps = {
      inbox,
      secrets: new TableWebhookSecrets(table),
      orgSettings: new DynamoOrgSettingsStore(table),
      tokens: new DynamoWebhookTokenLedger(table),
      quarantine: new DynamoDeliveryQuarantine(table),
      clock: systemClock,
    };
    const body = Buffer.from(JSON.stringify(workOrderEvent({ workOrderID: '7004' })));
    const headers = signed(body.toString());
    const read = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

    const broken = new SqsWorkQueue({ events: `${stack.resources.queues.events.url}-missing` });
    const failed = await ingestRentvineWebhook(
      { ...deps, queue: broken },
      { orgId: org.orgId, body, headers: read },
    );
    expect(failed.kind).toBe('unavailable');

    await stack.purge('events');
    const working = new SqsWorkQueue({ events: stack.resources.queues.events.url });
    const retried = await ingestRentvineWebhook(
      { ...deps, queue: working },
      { orgId: org.orgId, body, headers: read },
    );
    const { eventId } = failed as { eventId: string };
    expect(retried).toEqual({ kind: 'duplicate', eventId });
    expect(failed).toMatchObject({ kind: 'unavailable', eventId });
    expect(await stack.drain('events')).toHaveLength(0);
    expect(await inbox.get(org.orgId, eventId)).toMatchObject({ status: 'received' });

    const sweepLater = {
      pending: new DynamoPendingWork(table),
      queue: working,
      clock: { now: () => new Date(Date.now() + 60 * 60 * 1000) },
    };
    const swept = await resendPendingWork(sweepLater, sameGrace(30 * 60 * 1000, 3));
    expect(swept.resent).toBeGreaterThanOrEqual(1);
    const messages = (await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(messages.filter((m) => m.eventId === eventId)).toEqual([
      { orgId: org.orgId, eventId, attempt: 0 },
    ]);
  });
});

describe('webhook-ingest, header scheme without X-RentVine-Timestamp', () => {
  const bodyOnly = (body: string, secret = org.webhookSecret) => ({
    'Content-Type': 'application/json',
    'X-RentVine-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  });

  it('is refused (401) while the org has not allowed it', async () => {
    const body = JSON.stringify(workOrderEvent({ workOrderID: '7101' }));
    const response = await delivery(body, bodyOnly(body));
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).type).toBe('urn:aictive:problem:unauthorized');
  });

  it('is verified over the raw body alone once the org allows it; a wrong secret still is not', async () => {
    const allowing = await createTestOrg(stack.resources.tables.main);
    await new DynamoOrgSettingsStore(stack.resources.tables.main).put({
      orgId: allowing.orgId,
      allowTimestamplessSignature: true,
    });
    const body = JSON.stringify(workOrderEvent({ workOrderID: '7102' }));
    const accepted = await delivery(body, bodyOnly(body, allowing.webhookSecret), allowing.orgId);
    expect(accepted.statusCode).toBe(202);
    const { eventId } = JSON.parse(accepted.body) as { eventId: string };
    expect(
      await new DynamoEventInbox(stack.resources.tables.main).get(allowing.orgId, eventId),
    ).toMatchObject({
      scheme: 'rentvine-header',
      status: 'received',
    });

    const forged = await delivery(body, bodyOnly(body, 'not-the-org-secret'), allowing.orgId);
    expect(forged.statusCode).toBe(401);
    // The org's setting is its own: other orgs still need the timestamp.
    const elsewhere = await delivery(body, bodyOnly(body), org.orgId);
    expect(elsewhere.statusCode).toBe(401);
  });
});
