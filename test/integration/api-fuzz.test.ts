import type { APIGatewayProxyEvent } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#lib/topology.ts';
import { stableId } from '#platform/security/ids.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/*
 * Whatever a client puts in the query string or the path, the api function answers it: 2xx,
 * or a 4xx problem saying what is wrong, never a 5xx. Every route of the topology, the real
 * handler, real emulators behind it.
 */

let stack: TestStack;
let api: ApiHandler;
let org: TestOrg;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main, ['admin']);
  api = await loadHandler<ApiHandler>('api');
});
afterAll(async () => stack?.stop());

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** ISO-8601 dates and date-times across the whole four-digit range, with any zone offset. */
const isoLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.option(
      fc.tuple(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '-12:00', '+23:59', ''),
      ),
    ),
  )
  .map(([y, m, d, time]) => {
    const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    return time ? `${date}T${pad(time[0], 2)}:${pad(time[1], 2)}:00${time[2]}` : date;
  });
const value = fc.oneof(
  isoLike,
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e3',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    'null',
    'received',
    'maintenance::workOrder.created',
  ),
  fc.integer().map(String),
  fc
    .base64String({ maxLength: 200 })
    .map((b) => b.replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const name = fc.oneof(
  fc.constantFrom('from', 'to', 'since', 'limit', 'cursor', 'status', 'type'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
  fc.string({ maxLength: 12 }),
);
/** Bodies shaped like the requests (their members with odd values), and any JSON at all. */
const jsonBody = fc.oneof(
  fc.record(
    {
      name: fc.oneof(fc.string(), fc.constant('key')),
      scopes: fc.oneof(fc.array(fc.constantFrom('admin', 'stats:read', 'nope')), fc.anything()),
      role: fc.oneof(fc.constantFrom('property_manager', 'president'), fc.string()),
      agentId: fc.string(),
      expiresAt: fc.oneof(isoLike, fc.string()),
      rateLimitPerMinute: fc.oneof(fc.integer(), fc.double(), fc.constant(1e300)),
      graceSeconds: fc.oneof(fc.integer(), fc.double()),
      from: fc.string(),
      subject: fc.string(),
      text: fc.string(),
      html: fc.string(),
      to: fc.string(),
      receivedAt: fc.oneof(isoLike, fc.string()),
      propertyId: fc.string(),
      messageId: fc.string(),
      reason: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.json().map((text) => JSON.parse(text) as unknown),
);
/** Name–value pairs, a name sometimes given twice (API Gateway then lists both values). */
const queryPairs = fc.array(fc.tuple(name, value), { maxLength: 5 });

const idLike = (prefix: string) => fc.string().map((seed) => stableId(prefix, org.orgId, seed));
const pathValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[a-z0-9]{16}$/),
  fc.constant('').chain(() => idLike('em')),
  fc.constant('').chain(() => idLike('evt')),
);

/**
 * A 5xx the input caused. Readiness answers 503 when a dependency check fails (it may time out
 * on a loaded machine): the state of the world, documented as such, not an answer to the input.
 */
function fromInput(route: (typeof apiRoutes)[number], status: number): boolean {
  return status >= 500 && !(route.operation === 'ready' && status === 503);
}

function requestFor(
  route: (typeof apiRoutes)[number],
  pairs: readonly (readonly [string, string])[],
  pathValues: readonly string[],
): APIGatewayProxyEvent {
  const names = route.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? [];
  // Own properties whatever the name (`__proto__` included), as API Gateway's JSON parse makes them.
  const single: Record<string, string> = Object.create(null);
  const multi: Record<string, string[]> = Object.create(null);
  for (const [key, v] of pairs) {
    Object.defineProperty(single, key, { value: v, enumerable: true, configurable: true, writable: true });
    const values = Object.hasOwn(multi, key) ? [...(multi[key] as string[]), v] : [v];
    Object.defineProperty(multi, key, {
      value: values,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  const pathParameters = Object.fromEntries(names.map((n, i) => [n, pathValues[i] ?? '']));
  const event = apiEvent({
    method: route.method,
    resource: route.path,
    path: names.reduce(
      (p, n) => p.replace(`{${n}}`, encodeURIComponent(pathParameters[n] ?? '')),
      route.path,
    ),
    ...(names.length > 0 ? { pathParameters } : {}),
    principal: { orgId: org.orgId, keyId: 'fuzzkey000000000', scopes: ['admin'] },
  });
  // Its own high limit: the fuzz is to reach validation, not the per-key rate limit.
  const authorizer = { ...event.requestContext.authorizer, rateLimitPerMinute: '100000' };
  return {
    ...event,
    queryStringParameters: pairs.length > 0 ? single : null,
    multiValueQueryStringParameters: pairs.length > 0 ? multi : null,
    requestContext: { ...event.requestContext, authorizer },
  };
}

describe('no 5xx from any query string or path', () => {
  it.each(apiRoutes.map((route) => [route.method, route.path, route] as const))(
    '%s %s',
    async (_method, _path, route) => {
      await fc.assert(
        fc.asyncProperty(
          queryPairs,
          fc.array(pathValue, { minLength: 2, maxLength: 2 }),
          async (pairs, path) => {
            const response = await api(requestFor(route, pairs, path), lambdaContext('api'));
            if (fromInput(route, response.statusCode))
              throw new Error(`${response.statusCode}: ${response.body}`);
          },
        ),
        {
          numRuns: 40,
          examples: [
            [[['to', '9999-12-31']], ['', '']],
            [[['since', '9999-12-31T23:00:00-05:00']], ['', '']],
            [[['__proto__', 'x']], ['__proto__', 'constructor']],
          ],
        },
      );
    },
  );

  it.each(
    apiRoutes
      .filter((route) => route.method === 'POST')
      .map((route) => [route.method, route.path, route] as const),
  )('%s %s, any JSON body', async (_method, _path, route) => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.array(pathValue, { minLength: 2, maxLength: 2 }), async (body, path) => {
        const event = requestFor(route, [], path);
        const response = await api(
          { ...event, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
          lambdaContext('api'),
        );
        if (fromInput(route, response.statusCode))
          throw new Error(`${response.statusCode}: ${response.body}`);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a stats period past the year 9999 with a validation problem naming `to`', async () => {
    const route = apiRoutes.find((r) => r.operation === 'getStats');
    if (!route) throw new Error('no getStats route');
    const response = await api(requestFor(route, [['to', '9999-12-31']], []), lambdaContext('api'));

    expect(response.statusCode).toBe(422);
    const problem = JSON.parse(response.body);
    expect(problem.type).toBe('urn:aictive:problem:validation');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'to' })]);
  });
});
