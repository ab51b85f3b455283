import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { integrationSecretsFrom, tableIntegrationSecrets } from '#adapters/secrets/integration-secrets.ts';
import { DEV_INTEGRATION_ID, DEV_ORG_ID, seedDevOrg } from '#lib/local/dev-org.ts';
import { startFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** Standard Webhooks deliveries from generic integrations on POST /webhooks/{integrationId}. */
let stack: TestStack;
let handler: ApiHandler;

const whsec = (label: string) => `whsec_${Buffer.from(`${label}-test-key-not-real`).toString('base64')}`;
const SECRET = whsec('forms');
const OLD_SECRET = whsec('forms-previous');
const orgId = `org-${randomBytes(4).toString('hex')}`;
const FORMS = `forms-${randomBytes(4).toString('hex')}`;
const FENCED = `fenced-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  stack = await startTestStack();
  const table = stack.resources.tables.main;
  const integrations = new DynamoIntegrationStore(table);
  await integrations.put({ integrationId: FORMS, orgId, name: 'website contact form' });
  await integrations.put({
    integrationId: FENCED,
    orgId,
    name: 'answering service',
    allowedCidrs: ['203.0.113.0/24', '2001:db8::/32'],
  });
  await tableIntegrationSecrets(table).setSecrets(FORMS, [SECRET, OLD_SECRET]);
  await tableIntegrationSecrets(table).setSecrets(FENCED, [SECRET]);
  handler = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => stack?.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = () => `msg_${randomBytes(8).toString('hex')}`;
const formBody = (message = 'Is unit 4B still available?') =>
  JSON.stringify({ type: 'form.submitted', data: { name: 'Dana Ruiz', email: 'dana@example.com', message } });

function signed(body: string, opts: { id?: string; secret?: string; timestamp?: number } = {}) {
  const id = opts.id ?? newId();
  const timestamp = opts.timestamp ?? nowSeconds();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': new Webhook(opts.secret ?? SECRET).sign(id, new Date(timestamp * 1000), body),
  };
}

function post(integrationId: string, body: string, headers: Record<string, string>, sourceIp?: string) {
  const event = apiEvent({
    method: 'POST',
    resource: '/webhooks/{integrationId}',
    path: `/webhooks/${integrationId}`,
    pathParameters: { integrationId },
    headers,
    body,
  });
  if (sourceIp) event.requestContext.identity.sourceIp = sourceIp;
  return handler(event, lambdaContext('webhook-ingest'));
}

function expectProblem(
  response: { statusCode: number; body: string; headers?: Record<string, unknown> },
  status: number,
  slug: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers?.['content-type']).toBe('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({ type: `urn:aictive:problem:${slug}`, status });
}

describe('webhook-ingest, Standard Webhooks', () => {
  it('accepts a genuine delivery: stored in the integration org under swh:<integration>:<id>, enqueued', async () => {
    await stack.purge('events');
    const body = formBody();
    const headers = signed(body);
    const response = await post(FORMS, body, headers);
    expect(response.statusCode).toBe(202);
    const { eventId } = JSON.parse(response.body) as { eventId: string };
    expect(await new DynamoEventInbox(stack.resources.tables.main).get(orgId, eventId)).toMatchObject({
      orgId,
      source: 'integration',
      integrationId: FORMS,
      scheme: 'standard-webhooks',
      eventKey: `swh:${FORMS}:${headers['webhook-id']}`,
      status: 'received',
      rawBody: body,
      headers: { 'webhook-id': headers['webhook-id'] },
    });
    expect((await stack.drain('events')).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([
      { orgId, eventId, attempt: 0 },
    ]);
  });

  it('accepts a signature computed by hand over "{id}.{timestamp}.{body}" with the decoded key', async () => {
    const body = formBody('hand-signed');
    const id = newId();
    const timestamp = nowSeconds();
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const digest = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${digest}`,
    };
    expect((await post(FORMS, body, headers)).statusCode).toBe(202);
  });

  it('answers the same webhook-id again 200 duplicate, whatever its new timestamp, and queues nothing', async () => {
    const body = formBody('sent twice');
    const id = newId();
    const first = await post(FORMS, body, signed(body, { id }));
    const { eventId } = JSON.parse(first.body) as { eventId: string };
    await stack.purge('events');
    const again = await post(FORMS, body, signed(body, { id, timestamp: nowSeconds() - 30 }));
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ status: 'duplicate', eventId });
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it('accepts the previous secret during a rotation', async () => {
    const body = formBody('rotation');
    expect((await post(FORMS, body, signed(body, { secret: OLD_SECRET }))).statusCode).toBe(202);
  });

  it('keeps an authentic body that is not JSON as unrecognized, not queued', async () => {
    await stack.purge('events');
    const body = 'name=Dana&message=hello';
    const response = await post(FORMS, body, signed(body));
    expect(response.statusCode).toBe(202);
    const { eventId } = JSON.parse(response.body) as { eventId: string };
    expect(await new DynamoEventInbox(stack.resources.tables.main).get(orgId, eventId)).toMatchObject({
      status: 'unrecognized',
      reason: 'invalid_json',
    });
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it.each([
    ['a wrong secret', (b: string) => signed(b, { secret: whsec('intruder') })],
    ['a stale timestamp', (b: string) => signed(b, { timestamp: nowSeconds() - 301 })],
    ['a future timestamp', (b: string) => signed(b, { timestamp: nowSeconds() + 301 })],
    ['a tampered body', (b: string) => signed(`${b} `)],
    ['no signature', (b: string) => ({ ...signed(b), 'webhook-signature': '' })],
    ['no webhook-id', (b: string) => ({ ...signed(b), 'webhook-id': '' })],
    ['a malformed signature', (b: string) => ({ ...signed(b), 'webhook-signature': 'v1' })],
  ])('refuses %s: 401 problem+json, nothing stored or queued', async (_name, headersFor) => {
    await stack.purge('events');
    const body = formBody('refused');
    expectProblem(await post(FORMS, body, headersFor(body)), 401, 'unauthorized');
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it('refuses an unknown or invalid integration exactly like a bad signature', async () => {
    const body = formBody();
    const known = await post(FORMS, body, signed(body, { secret: whsec('intruder') }));
    for (const unknown of ['no-such-integration', 'Bad..Id']) {
      const response = await post(unknown, body, signed(body));
      expectProblem(response, 401, 'unauthorized');
      expect(JSON.parse(response.body).detail).toBe(JSON.parse(known.body).detail);
    }
  });

  it('answers 413 to a body over 256 KB', async () => {
    const body = formBody('x'.repeat(256 * 1024));
    expectProblem(await post(FORMS, body, signed(body)), 413, 'payload-too-large');
  });

  describe('with an allowlist', () => {
    it('accepts deliveries from inside the allowed networks, IPv4 and IPv6', async () => {
      for (const ip of ['203.0.113.77', '2001:db8:1::9']) {
        const body = formBody(`from ${ip}`);
        expect((await post(FENCED, body, signed(body), ip)).statusCode).toBe(202);
      }
    });

    it('refuses an authentic delivery from elsewhere with 403, whatever X-Forwarded-For says', async () => {
      await stack.purge('events');
      const body = formBody('outside');
      const headers = { ...signed(body), 'X-Forwarded-For': '203.0.113.77' };
      const response = await post(FENCED, body, headers, '198.51.100.1');
      expectProblem(response, 403, 'forbidden');
      expect(await stack.drain('events')).toHaveLength(0);
    });

    it('answers a forged delivery from elsewhere 401, telling it nothing about the allowlist', async () => {
      const body = formBody('forged outside');
      expectProblem(
        await post(FENCED, body, signed(body, { secret: whsec('intruder') }), '198.51.100.1'),
        401,
        'unauthorized',
      );
    });
  });
});

describe('the local demo integration', () => {
  it('is seeded from AICTIVE_DEV_INTEGRATION_SECRET and accepts deliveries signed with it', async () => {
    const secret = whsec('demo-forms');
    const org = await seedDevOrg({
      tableName: stack.resources.tables.main,
      pepper: environmentPepper(),
      integrationSecret: secret,
    });
    expect(org).toMatchObject({ orgId: DEV_ORG_ID, integrationId: DEV_INTEGRATION_ID });
    const body = formBody('from the demo site');
    const response = await post(DEV_INTEGRATION_ID, body, signed(body, { secret }));
    expect(response.statusCode).toBe(202);
    const { eventId } = JSON.parse(response.body) as { eventId: string };
    expect(await new DynamoEventInbox(stack.resources.tables.main).get(DEV_ORG_ID, eventId)).toMatchObject({
      integrationId: DEV_INTEGRATION_ID,
    });
  });

  it('is not seeded without the variable', async () => {
    const org = await seedDevOrg({ tableName: stack.resources.tables.main, pepper: environmentPepper() });
    expect(org.integrationId).toBeUndefined();
  });
});

describe('integration secrets in AWS', () => {
  it('come from Secrets Manager at <prefix>integration/<integrationId>, rotation lists included, cached', async () => {
    const fake = await startFakeSecretsManager();
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = fake.endpoint;
    try {
      fake.put('aictive/test/webhook/integration/forms', JSON.stringify({ secrets: [SECRET, OLD_SECRET] }));
      const secrets = integrationSecretsFrom(
        { WEBHOOK_SECRETS_SOURCE: 'secretsmanager', WEBHOOK_SECRET_PREFIX: 'aictive/test/webhook/' },
        stack.resources.tables.main,
      );
      expect(await secrets.secretsFor('forms')).toEqual([SECRET, OLD_SECRET]);
      expect(await secrets.secretsFor('forms')).toEqual([SECRET, OLD_SECRET]);
      expect(fake.requests).toEqual(['aictive/test/webhook/integration/forms']);
      expect(await secrets.secretsFor('unknown')).toEqual([]);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
      await fake.close();
    }
  });
});
