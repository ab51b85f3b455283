import { createHmac, randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoWebhookTokenLedger } from '#adapters/dynamodb/webhook-token-ledger.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { systemClock } from '#platform/clock.ts';
import { WEBHOOK_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';

/** The Rentvine body scheme: `auth: {signature, token, timestamp}` in the payload, no signature header. */
let stack: TestStack;
let org: TestOrg;
let handler: ApiHandler;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main);
  handler = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => stack?.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newToken = () => `tok-${randomBytes(12).toString('hex')}`;

/** Signed independently of the code under test: hex HMAC-SHA256(key, timestamp + token). */
function withAuth(
  payload: object,
  opts: { token?: string; timestamp?: number | string; secret?: string } = {},
): string {
  const token = opts.token ?? newToken();
  const timestamp = opts.timestamp ?? nowSeconds();
  const signature = createHmac('sha256', opts.secret ?? org.webhookSecret)
    .update(`${timestamp}${token}`)
    .digest('hex');
  return JSON.stringify({ ...payload, auth: { signature, token, timestamp } });
}

function post(body: string, orgId = org.orgId) {
  return handler(
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

function expectUnauthorized(response: {
  statusCode: number;
  body: string;
  headers?: Record<string, unknown>;
}) {
  expect(response.statusCode).toBe(401);
  expect(response.headers?.['content-type']).toBe('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({
    type: 'urn:aictive:problem:unauthorized',
    detail: WEBHOOK_PROBLEM_DETAILS[401],
  });
}

describe('webhook-ingest, Rentvine body scheme', () => {
  it('accepts a genuine delivery: stored as rentvine-body, enqueued once', async () => {
    await stack.purge('events');
    const body = withAuth(workOrderEvent({ workOrderID: '8001' }));
    const response = await post(body);
    expect(response.statusCode).toBe(202);
    const { eventId } = JSON.parse(response.body) as { eventId: string };
    expect(await new DynamoEventInbox(stack.resources.tables.main).get(org.orgId, eventId)).toMatchObject({
      source: 'rentvine',
      scheme: 'rentvine-body',
      status: 'received',
      rawBody: body,
    });
    expect((await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId: org.orgId, eventId, attempt: 0 },
    ]);
  });

  it('accepts a millisecond timestamp', async () => {
    const body = withAuth(workOrderEvent({ workOrderID: '8002' }), { timestamp: Date.now() });
    expect((await post(body)).statusCode).toBe(202);
  });

  it('refuses a token seen before with another body; the same delivery again is a duplicate', async () => {
    const token = newToken();
    const first = withAuth(workOrderEvent({ workOrderID: '8003' }), { token });
    const accepted = await post(first);
    expect(accepted.statusCode).toBe(202);
    await stack.purge('events');
    // The sender's own retry: nothing new is kept or queued.
    const again = await post(first);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({
      status: 'duplicate',
      eventId: JSON.parse(accepted.body).eventId,
    });
    const forged = withAuth(workOrderEvent({ workOrderID: '8004', priorityID: '3' }), { token });
    expectUnauthorized(await post(forged));
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it('answers a redelivery of the same event with a fresh token 200 duplicate', async () => {
    const event = workOrderEvent({ workOrderID: '8005' });
    const first = await post(withAuth(event));
    const { eventId } = JSON.parse(first.body) as { eventId: string };
    const again = await post(withAuth(event));
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ status: 'duplicate', eventId });
  });

  it('does not let a refused delivery use up its token', async () => {
    const token = newToken();
    const event = workOrderEvent({ workOrderID: '8006' });
    expectUnauthorized(await post(withAuth(event, { token, secret: 'not-the-org-secret' })));
    expect((await post(withAuth(event, { token }))).statusCode).toBe(202);
  });

  it.each([
    ['a wrong secret', () => withAuth(workOrderEvent(), { secret: 'not-the-org-secret' })],
    ['a stale timestamp', () => withAuth(workOrderEvent(), { timestamp: nowSeconds() - 301 })],
    ['a future timestamp', () => withAuth(workOrderEvent(), { timestamp: nowSeconds() + 301 })],
    ['malformed auth', () => JSON.stringify({ ...workOrderEvent(), auth: { signature: 'x' } })],
    ['no auth and no header', () => JSON.stringify(workOrderEvent())],
  ])('refuses %s with 401 problem+json', async (_name, body) => {
    expectUnauthorized(await post(body()));
  });

  it('refuses an unknown org like a bad signature', async () => {
    expectUnauthorized(await post(withAuth(workOrderEvent()), 'no-such-org'));
  });

  function ingestDeps() {
    const table = stack.resources.tables.main;
    return {
      inbox: new DynamoEventInbox(table),
      queue: new SqsWorkQueue({ events: stack.resources.queues.events.url }),
      secrets: new TableWebhookSecrets(table),
      orgSettings: new DynamoOrgSettingsStore(table),
      tokens: new DynamoWebhookTokenLedger(table),
      quarantine: new DynamoDeliveryQuarantine(table),
      clock: systemClock,
    };
  }

  it('accepts the retry of a delivery whose event could not be stored', async () => {
    const deps = ingestDeps();
    const body = Buffer.from(withAuth(workOrderEvent({ workOrderID: '8007' })));
    const delivery = { orgId: org.orgId, body, headers: () => undefined };
    const failing = { ...deps, inbox: new DynamoEventInbox(`${stack.resources.tables.main}-missing`) };
    await expect(ingestRentvineWebhook(failing, delivery)).rejects.toThrow();

    const retried = await ingestRentvineWebhook(deps, delivery);
    expect(retried).toMatchObject({ kind: 'accepted', recognized: true });
    const { eventId } = retried as { eventId: string };
    expect(await ingestRentvineWebhook(deps, delivery)).toEqual({ kind: 'duplicate', eventId });
  });

  it('answers the retry of a delivery stored but not queued (503) duplicate, not replayed', async () => {
    const deps = ingestDeps();
    const body = withAuth(workOrderEvent({ workOrderID: '8009' }));
    const delivery = { orgId: org.orgId, body: Buffer.from(body), headers: () => undefined };
    const unqueued = {
      ...deps,
      queue: new SqsWorkQueue({ events: `${stack.resources.queues.events.url}-missing` }),
    };
    const first = await ingestRentvineWebhook(unqueued, delivery);
    expect(first).toMatchObject({ kind: 'unavailable' });
    const { eventId } = first as { eventId: string };

    const retry = await post(body);
    expect(retry.statusCode).toBe(200);
    expect(JSON.parse(retry.body)).toEqual({ status: 'duplicate', eventId });
  });

  it('records the token as a hash with an expiry a little past the window', async () => {
    const token = newToken();
    const timestamp = nowSeconds();
    expect(
      (await post(withAuth(workOrderEvent({ workOrderID: '8008' }), { token, timestamp }))).statusCode,
    ).toBe(202);
    const { Items = [] } = await stack.ddb.send(
      new QueryCommand({
        TableName: stack.resources.tables.main,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': `ORG#${org.orgId}`, ':sk': 'WEBHOOK_TOKEN#' },
      }),
    );
    expect(JSON.stringify(Items)).not.toContain(token);
    const expiries = Items.map((item) => item.expiresAt as number);
    expect(expiries).toContain(timestamp + 600);
  });
});
