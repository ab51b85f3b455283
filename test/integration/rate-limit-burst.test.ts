import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { keys } from '#adapters/dynamodb/keys.ts';
import { rateLimitWindow } from '#domain/access/rate-limit.ts';
import { systemClock } from '#platform/clock.ts';
import { authorized, authorizerContextFor } from '#test/support/gateway-authorizer.ts';
import {
  type ApiHandler,
  type AuthorizerHandler,
  apiEvent,
  lambdaContext,
  loadHandler,
} from '#test/support/lambda-events.ts';
import { environmentPepper } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { createApiKey } from '#usecases/create-api-key.ts';

/**
 * A burst from one key through the real api handler on the emulator: 300 requests at once on a
 * key allowed 5 a minute. The emulator slows to a crawl under it, as DynamoDB never would: that
 * slowness is the key's own doing and must not let the burst through unmetered.
 */

const BURST = 300;
const LIMIT = 5;
const ORG = 'burst-org';

let stack: TestStack;
let api: ApiHandler;
let context: Record<string, unknown>;
let keyId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  const authorizer = await loadHandler<AuthorizerHandler>('authorizer');
  const deps = {
    apiKeys: new DynamoApiKeyStore(stack.resources.tables.main),
    pepper: environmentPepper(),
    clock: systemClock,
  };
  const { key, record } = await createApiKey(deps, {
    orgId: ORG,
    name: 'greedy script',
    scopes: ['events:read'],
    rateLimitPerMinute: LIMIT,
    env: 'test',
    by: 'operator',
  });
  keyId = record.keyId;
  context = await authorizerContextFor(authorizer, key);
});
afterAll(async () => stack?.stop());

/** One request of the key, as API Gateway passes it on with the authorizer's (cached) context. */
function request(i: number) {
  const event = apiEvent({
    method: 'GET',
    resource: '/v1/events/{eventId}',
    path: `/v1/events/evt_burst${i}`,
    pathParameters: { eventId: `evt_burst${i}` },
  });
  return api(authorized(event, context), lambdaContext('api'));
}

describe(`a burst of ${BURST} concurrent requests on a key allowed ${LIMIT} a minute`, () => {
  let statuses: number[];
  let windowStart: number;

  beforeAll(async () => {
    // A window far from its end, so the whole burst falls in one.
    while (rateLimitWindow(new Date()).resetSeconds < 20) await new Promise((r) => setTimeout(r, 1000));
    windowStart = rateLimitWindow(new Date()).startSeconds;
    statuses = (await Promise.all(Array.from({ length: BURST }, (_, i) => request(i)))).map(
      (r) => r.statusCode,
    );
  }, 120_000);

  it('lets the limit through and not one request more', () => {
    const through = statuses.filter((status) => status !== 429 && status !== 503);
    // Exactly the limit, unless a count outran its time budget on a very busy machine (a 503).
    expect(through.length).toBeLessThanOrEqual(LIMIT);
    expect(through.length + statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(LIMIT);
    // Unknown events: the requests that got through reached the operation.
    expect(new Set(through)).toEqual(new Set([404]));
  });

  it('answers the rest 429 (or 503 where the count could not be taken in time), never a 5xx of another kind', () => {
    const refused = statuses.filter((status) => status === 429 || status === 503);
    expect(statuses.length - refused.length).toBeLessThanOrEqual(LIMIT);
    expect(refused.filter((status) => status === 429).length).toBeGreaterThan(0);
  });

  it('counted no more than the limit in the window', async () => {
    const { Item } = await stack.ddb.send(
      new GetCommand({
        TableName: stack.resources.tables.main,
        Key: keys.rateLimitWindow(keyId, windowStart),
      }),
    );
    expect(Item?.count).toBeLessThanOrEqual(LIMIT);
  });
});
