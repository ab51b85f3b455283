import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { metrics } from '#platform/observability.ts';
import { generateApiKey, hashApiKeySecret } from '#platform/security/api-key.ts';
import {
  type ApiHandler,
  type AuthorizerHandler,
  apiEvent,
  lambdaContext,
  loadHandler,
} from '#test/support/lambda-events.ts';
import { createTestOrg, environmentPepper, type TestOrg } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack;
let api: ApiHandler;
let authorizer: AuthorizerHandler;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main, ['emails:write', 'emails:read', 'events:read']);
  other = await createTestOrg(stack.resources.tables.main, ['emails:read']);
  api = await loadHandler<ApiHandler>('api');
  authorizer = await loadHandler<AuthorizerHandler>('authorizer');
});
afterAll(async () => stack?.stop());

const methodArn = 'arn:aws:execute-api:us-east-1:000000000000:api123/prod/GET/v1/emails/x';
const authorize = (authorization?: string) =>
  authorizer(
    { type: 'REQUEST', methodArn, headers: authorization ? { Authorization: authorization } : {} },
    lambdaContext('authorizer'),
  );

/** Authorizer then API, as API Gateway chains them. */
async function call(input: Parameters<typeof apiEvent>[0] & { apiKey: string }) {
  const result = await authorize(`Bearer ${input.apiKey}`);
  const context = result.context as { orgId: string; keyId: string; scopes: string };
  const response = await api(
    apiEvent({
      ...input,
      principal: { orgId: context.orgId, keyId: context.keyId, scopes: context.scopes.split(' ') },
    }),
    lambdaContext('api'),
  );
  return {
    status: response.statusCode,
    headers: response.headers ?? {},
    body: JSON.parse(response.body) as Record<string, unknown>,
  };
}

const postEmail = (apiKey: string, body: string, contentType = 'application/json') =>
  call({ apiKey, method: 'POST', resource: '/v1/emails', headers: { 'Content-Type': contentType }, body });

describe('authorizer', () => {
  it('resolves a valid key to its org and scopes, with a policy covering the whole API', async () => {
    const result = await authorize(`Bearer ${org.apiKey}`);
    expect(result.context).toMatchObject({
      orgId: org.orgId,
      scopes: 'emails:write emails:read events:read',
    });
    expect(result.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: 'arn:aws:execute-api:us-east-1:000000000000:api123/prod/*',
      },
    ]);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['an unknown key', `Bearer ${generateApiKey('test').key}`],
    ['a wrong secret for a known key id', 'wrong'],
  ])('answers Unauthorized to %s', async (_name, header) => {
    const value = header === 'wrong' ? `Bearer ${org.apiKey.slice(0, -4)}AAAA` : header;
    await expect(authorize(value)).rejects.toThrow('Unauthorized');
  });

  it('counts each refusal, so the errors alarm can tell refusals from failures', async () => {
    const addMetric = vi.spyOn(metrics, 'addMetric');
    await expect(authorize('Bearer nope')).rejects.toThrow('Unauthorized');
    expect(addMetric).toHaveBeenCalledWith('ApiKeyRejected', 'Count', 1);
    addMetric.mockRestore();
  });

  it('refuses revoked and expired keys', async () => {
    const store = new DynamoApiKeyStore(stack.resources.tables.main);
    for (const state of [{ revokedAt: '2026-01-01T00:00:00Z' }, { keyExpiresAt: '2026-01-01T00:00:00Z' }]) {
      const key = generateApiKey('test');
      await store.put({
        keyId: key.keyId,
        orgId: org.orgId,
        name: 'old',
        scopes: ['admin'],
        secretHash: hashApiKeySecret(await environmentPepper().pepper(), key.secret),
        createdAt: '2025-01-01T00:00:00Z',
        ...state,
      });
      await expect(authorize(`Bearer ${key.key}`)).rejects.toThrow('Unauthorized');
    }
  });
});

describe('api', () => {
  it('answers liveness and readiness without a key', async () => {
    const live = await api(apiEvent({ method: 'GET', resource: '/health' }), lambdaContext('api'));
    expect([live.statusCode, JSON.parse(live.body)]).toEqual([200, { status: 'ok' }]);
    const ready = await api(apiEvent({ method: 'GET', resource: '/health/ready' }), lambdaContext('api'));
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'ok',
      checks: {
        table: { status: 'ok' },
        'queue:events': { status: 'ok' },
        'queue:classify': { status: 'ok' },
        'queue:workflow': { status: 'ok' },
      },
    });
  });

  it('stores an email and reads it back, within the org only', async () => {
    const created = await postEmail(
      org.apiKey,
      JSON.stringify({
        messageId: '<sink@example.com>',
        from: 'tenant@example.com',
        subject: 'Hi',
        text: 'My sink is clogged',
      }),
    );
    expect(created.status).toBe(202);
    expect(created.headers['x-request-id']).toBeTruthy();
    const emailId = String(created.body.emailId);
    const read = (apiKey: string) =>
      call({
        apiKey,
        method: 'GET',
        resource: '/v1/emails/{emailId}',
        path: `/v1/emails/${emailId}`,
        pathParameters: { emailId },
      });
    expect(await read(org.apiKey)).toMatchObject({
      status: 200,
      body: { emailId, status: 'received', channel: 'email', text: 'My sink is clogged' },
    });
    // Another org's key sees nothing: not 403, which would reveal that the email exists.
    expect(await read(other.apiKey)).toMatchObject({
      status: 404,
      body: { type: 'urn:aictive:problem:not-found' },
    });
  });

  it('answers 403 problem+json when the key lacks the route scope', async () => {
    const response = await postEmail(
      other.apiKey,
      JSON.stringify({ messageId: '<m@example.com>', from: 'a@example.com', subject: 's', text: 't' }),
    );
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:aictive:problem:forbidden', status: 403 });
  });

  it('answers 401 when the authorizer context is missing on a protected route', async () => {
    const response = await api(
      apiEvent({ method: 'GET', resource: '/v1/emails/{emailId}', pathParameters: { emailId: 'x' } }),
      lambdaContext('api'),
    );
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['malformed JSON', '{"from":', 'application/json', 400, 'invalid-json'],
    ['a wrong content type', 'from=a', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
    ['missing fields', '{"subject":"s"}', 'application/json', 422, 'validation'],
    [
      'unknown fields',
      '{"messageId":"<m@example.com>","from":"a@example.com","subject":"s","text":"t","admin":true}',
      'application/json',
      422,
      'validation',
    ],
    [
      'a body over 256 KB',
      JSON.stringify({
        messageId: '<m@example.com>',
        from: 'a@example.com',
        subject: 's',
        text: 'x'.repeat(300_000),
      }),
      'application/json',
      413,
      'payload-too-large',
    ],
  ])('answers %s with a stable problem', async (_name, body, contentType, status, slug) => {
    const response = await postEmail(org.apiKey, body, contentType);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: `urn:aictive:problem:${slug}`, status });
  });

  it('names the invalid fields on 422', async () => {
    const response = await postEmail(org.apiKey, '{"subject":"s","text":5}');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'messageId' }),
        expect.objectContaining({ path: 'from' }),
        expect.objectContaining({ path: 'text' }),
      ]),
    );
  });

  it('answers 404, never 500, to ids no record could have (however long)', async () => {
    for (const [resource, name] of [
      ['/v1/emails/{emailId}', 'emailId'],
      ['/v1/events/{eventId}', 'eventId'],
    ] as const) {
      for (const id of ['x'.repeat(5000), 'evt_../../etc', '%00']) {
        const response = await call({
          apiKey: org.apiKey,
          method: 'GET',
          resource,
          path: resource,
          pathParameters: { [name]: id },
        });
        expect(response.status).toBe(404);
      }
    }
  });

  it('answers 404 for an unknown event and 405 for a wrong method', async () => {
    const missing = await call({
      apiKey: org.apiKey,
      method: 'GET',
      resource: '/v1/events/{eventId}',
      path: '/v1/events/evt_nope',
      pathParameters: { eventId: 'evt_nope' },
    });
    expect(missing.status).toBe(404);
    const wrongMethod = await call({ apiKey: org.apiKey, method: 'DELETE', resource: '/v1/emails' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST, GET');
  });
});
