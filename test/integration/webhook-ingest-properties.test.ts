import { createHmac, randomBytes } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { PROBLEM_TITLES, type ProblemSlug, problemType } from '#platform/http/problem.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * Generated attacks on the real webhook-ingest handler over the emulators. Runs per property
 * (2,150 refused requests in all, plus 60 positive pairs):
 *   header scheme on /webhooks/rentvine/{orgId} ........ 1,200
 *   body scheme (`auth` in the payload) ................   500
 *   Standard Webhooks on /webhooks/{integrationId} .....   450
 * Whatever the schemes' internals, a forged, stale, malformed or oversized request is refused
 * with a 4xx problem+json of a stable type, never 2xx, never 5xx, and the handler never throws.
 */

const MAX_BODY_BYTES = 256 * 1024;
const RUNS = { headerScheme: 1200, bodyScheme: 500, standardWebhooks: 450, signedPairs: 60 };
const STABLE_TYPES = new Set(Object.keys(PROBLEM_TITLES).map((slug) => problemType(slug as ProblemSlug)));
const RENTVINE_ROUTE = '/webhooks/rentvine/{orgId}';
const INTEGRATION_ROUTE = '/webhooks/{integrationId}';

let stack: TestStack;
let org: TestOrg;
let handler: ApiHandler;
const integrationId = `forms-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main);
  await new DynamoIntegrationStore(stack.resources.tables.main).put({
    integrationId,
    orgId: org.orgId,
    name: 'contact form',
  });
  handler = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => stack?.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const hmacHex = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

// ---- what a request is made of --------------------------------------------------------------

interface Attempt {
  readonly resource: string;
  readonly pathParameters: Record<string, string> | null;
  readonly headers: Record<string, string>;
  /** The body as sent (utf8 text), before any base64 wrapping. */
  readonly body: string | null;
  readonly base64: boolean;
}

type Casing = 'canonical' | 'lower' | 'upper' | 'alternating';
const casing = fc.constantFrom<Casing>('canonical', 'lower', 'upper', 'alternating');

function cased(headers: Record<string, string>, how: Casing): Record<string, string> {
  const rename = (name: string) => {
    if (how === 'lower') return name.toLowerCase();
    if (how === 'upper') return name.toUpperCase();
    if (how === 'alternating') return [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    return name;
  };
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [rename(name), value]));
}

function toEvent(attempt: Attempt): APIGatewayProxyEvent {
  const pathValue = Object.values(attempt.pathParameters ?? {})[0] ?? '';
  const event = apiEvent({
    method: 'POST',
    resource: attempt.resource,
    path: attempt.resource.replace(/\{[^}]+\}/, pathValue),
    headers: attempt.headers,
  });
  const wire =
    attempt.body === null
      ? null
      : attempt.base64
        ? Buffer.from(attempt.body, 'utf8').toString('base64')
        : attempt.body;
  return { ...event, pathParameters: attempt.pathParameters, body: wire, isBase64Encoded: attempt.base64 };
}

async function send(attempt: Attempt): Promise<APIGatewayProxyResult> {
  return handler(toEvent(attempt), lambdaContext('webhook-ingest'));
}

/** A refusal: 4xx (never 2xx, never 5xx), RFC 9457 problem+json with a stable type. */
function expectRefused(result: APIGatewayProxyResult): void {
  expect(result.statusCode, result.body).toBeGreaterThanOrEqual(400);
  expect(result.statusCode, result.body).toBeLessThan(500);
  const contentType = Object.entries(result.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type');
  expect(contentType?.[1]).toBe('application/problem+json');
  const problem = JSON.parse(result.body) as { type: string; status: number };
  expect(STABLE_TYPES.has(problem.type), problem.type).toBe(true);
  expect(problem.status).toBe(result.statusCode);
}

// ---- bodies ---------------------------------------------------------------------------------

const rentvineBody = fc
  .record({
    workOrderID: fc.stringMatching(/^[1-9][0-9]{0,6}$/),
    description: fc.string({ maxLength: 200 }),
    priorityID: fc.constantFrom('1', '2', '3'),
  })
  .map((fields) => workOrderEvent(fields));

const deeplyNested = fc
  .record({ depth: fc.integer({ min: 60, max: 20_000 }), kind: fc.constantFrom('array', 'object') })
  .map(({ depth, kind }) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Over 256 KB in bytes; the multi-byte variant stays under 256 K characters. */
const oversized = fc.oneof(
  fc
    .integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES + 64 * 1024 })
    .map((n) => JSON.stringify({ ...workOrderEvent(), padding: 'x'.repeat(n) })),
  fc.integer({ min: 1, max: 1024 }).map((extra) => 'é'.repeat(MAX_BODY_BYTES / 2 + extra)),
);

const anyBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: rentvineBody.map((payload) => JSON.stringify(payload)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: oversized },
  { weight: 1, arbitrary: fc.constant('') },
);

// ---- the header scheme ----------------------------------------------------------------------

const staleOffset = fc.oneof(
  fc.integer({ min: 301, max: 10_000_000 }),
  fc.integer({ min: -10_000_000, max: -301 }),
);

/** Headers for the header scheme, each way of getting it wrong. */
type HeaderAttack =
  | { kind: 'none' }
  | { kind: 'timestamp-only' }
  | { kind: 'timestampless-signature' }
  | { kind: 'random-hex'; hex: string }
  | { kind: 'garbled'; signature: string; timestamp: string }
  | { kind: 'wrong-secret'; secret: string }
  | { kind: 'tampered-body'; suffix: string }
  | { kind: 'stale'; offset: number }
  | { kind: 'shifted-timestamp'; shift: number }
  | { kind: 'truncated-or-flipped'; flip: number }
  | { kind: 'signed-base64-text' }
  | { kind: 'other-org' };

const headerAttack: fc.Arbitrary<HeaderAttack> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'timestamp-only' as const }),
  fc.constant({ kind: 'timestampless-signature' as const }),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => ({ kind: 'random-hex' as const, hex })),
  fc
    .record({ signature: fc.string({ maxLength: 120 }), timestamp: fc.string({ maxLength: 20 }) })
    .map((g) => ({ kind: 'garbled' as const, ...g })),
  fc.string({ minLength: 1, maxLength: 64 }).map((secret) => ({ kind: 'wrong-secret' as const, secret })),
  fc.string({ minLength: 1, maxLength: 8 }).map((suffix) => ({ kind: 'tampered-body' as const, suffix })),
  staleOffset.map((offset) => ({ kind: 'stale' as const, offset })),
  fc
    .integer({ min: -300, max: 300 })
    .filter((shift) => shift !== 0)
    .map((shift) => ({ kind: 'shifted-timestamp' as const, shift })),
  fc.integer({ min: -1, max: 63 }).map((flip) => ({ kind: 'truncated-or-flipped' as const, flip })),
  fc.constant({ kind: 'signed-base64-text' as const }),
  fc.constant({ kind: 'other-org' as const }),
);

const odd = {
  unknownOrg: fc.stringMatching(/^org-[0-9a-f]{8}$/),
  text: fc.string({ unit: 'binary', maxLength: 80 }),
  huge: fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'o'.repeat(n)),
  pathy: fc.constantFrom('../../admin', '%2e%2e%2f', 'ORG-UPPER', ' ', 'a/b', '\u0000', '-leading'),
};

function headerSchemeAttempt(
  orgId: string | null,
  body: string,
  base64: boolean,
  attack: HeaderAttack,
  how: Casing,
): Attempt {
  const secret = org.webhookSecret;
  const t = nowSeconds();
  const signed = (key: string, text: string, ts: number) => signWebhook(key, text, ts);
  let headers: Record<string, string> = {};
  let sendBody = body;
  let sendBase64 = base64;
  switch (attack.kind) {
    case 'none':
      break;
    case 'timestamp-only':
      headers = { 'X-RentVine-Timestamp': String(t) };
      break;
    case 'timestampless-signature':
      // The raw-body-only form, which the org has not opted into.
      headers = {
        'X-RentVine-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      };
      break;
    case 'random-hex':
      headers = { 'X-RentVine-Signature': `sha256=${attack.hex}`, 'X-RentVine-Timestamp': String(t) };
      break;
    case 'garbled':
      headers = { 'X-RentVine-Signature': attack.signature, 'X-RentVine-Timestamp': attack.timestamp };
      break;
    case 'wrong-secret':
      headers = signed(attack.secret === secret ? `${secret}x` : attack.secret, body, t);
      break;
    case 'tampered-body':
      headers = signed(secret, body, t);
      sendBody = `${body}${attack.suffix}`;
      break;
    case 'stale':
      headers = signed(secret, body, t + attack.offset);
      break;
    case 'shifted-timestamp': {
      const genuine = signed(secret, body, t);
      headers = { ...genuine, 'X-RentVine-Timestamp': String(t + attack.shift) };
      break;
    }
    case 'truncated-or-flipped': {
      const hex = signed(secret, body, t)['X-RentVine-Signature'].slice('sha256='.length);
      const forged =
        attack.flip < 0
          ? hex.slice(0, 63)
          : `${hex.slice(0, attack.flip)}${hex[attack.flip] === '0' ? '1' : '0'}${hex.slice(attack.flip + 1)}`;
      headers = { 'X-RentVine-Signature': `sha256=${forged}`, 'X-RentVine-Timestamp': String(t) };
      break;
    }
    case 'signed-base64-text':
      // Signed over the base64 text API Gateway hands over, not over the sender's bytes (an
      // empty body encodes to itself, so it is not a forgery: it gets a byte).
      sendBody = body === '' ? '{}' : body;
      headers = signed(secret, Buffer.from(sendBody, 'utf8').toString('base64'), t);
      sendBase64 = true;
      break;
    case 'other-org':
      // A genuine signature of this org's secret, delivered to another org's URL.
      headers = signed(secret, body, t);
      return {
        resource: RENTVINE_ROUTE,
        pathParameters: { orgId: `${org.orgId}-other` },
        headers: cased({ 'Content-Type': 'application/json', ...headers }, how),
        body,
        base64,
      };
  }
  return {
    resource: RENTVINE_ROUTE,
    pathParameters: orgId === null ? null : { orgId },
    headers: cased({ 'Content-Type': 'application/json', ...headers }, how),
    body: sendBody,
    base64: sendBase64,
  };
}

// ---- the body scheme ------------------------------------------------------------------------

/** `auth` blocks that do not authenticate: wrong key, stale, re-pointed, wrong shape. */
const forgedAuth: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .record({ signature: fc.stringMatching(/^[0-9a-f]{64}$/), token: fc.uuid() })
    .map(({ signature, token }) => ({ signature, token, timestamp: String(nowSeconds()) })),
  fc.record({ key: fc.string({ minLength: 1, maxLength: 40 }), token: fc.uuid() }).map(({ key, token }) => {
    const timestamp = String(nowSeconds());
    const wrongKey = key === org.webhookSecret ? `${key}x` : key;
    return { signature: hmacHex(wrongKey, `${timestamp}${token}`), token, timestamp };
  }),
  fc
    .record({ offset: staleOffset, token: fc.uuid(), millis: fc.boolean() })
    .map(({ offset, token, millis }) => {
      const seconds = nowSeconds() + offset;
      const timestamp = millis ? String(seconds * 1000) : String(seconds);
      return { signature: hmacHex(org.webhookSecret, `${timestamp}${token}`), token, timestamp };
    }),
  fc.record({ token: fc.uuid(), other: fc.uuid() }).map(({ token, other }) => {
    const timestamp = String(nowSeconds());
    // Signed for one token, presenting another.
    return { signature: hmacHex(org.webhookSecret, `${timestamp}${token}`), token: other, timestamp };
  }),
  fc.record({ token: fc.uuid(), shift: fc.integer({ min: 1, max: 300 }) }).map(({ token, shift }) => {
    const t = nowSeconds();
    return { signature: hmacHex(org.webhookSecret, `${t}${token}`), token, timestamp: String(t - shift) };
  }),
  fc.uuid().map((token) => {
    const timestamp = String(nowSeconds());
    // The right key and parts in the wrong order.
    return { signature: hmacHex(org.webhookSecret, `${token}${timestamp}`), token, timestamp };
  }),
  fc.record(
    { signature: fc.anything(), token: fc.anything(), timestamp: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
);

// ---- Standard Webhooks ----------------------------------------------------------------------

const wrongWhsec = fc
  .uint8Array({ minLength: 24, maxLength: 32 })
  .map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`);

type SwAttack =
  | { kind: 'wrong-secret'; secret: string }
  | { kind: 'random'; signatures: string[] }
  | { kind: 'stale-wrong-secret'; secret: string; offset: number }
  | { kind: 'missing'; drop: 'webhook-id' | 'webhook-timestamp' | 'webhook-signature' }
  | { kind: 'garbled'; value: string };

const swAttack: fc.Arbitrary<SwAttack> = fc.oneof(
  wrongWhsec.map((secret) => ({ kind: 'wrong-secret' as const, secret })),
  fc
    .array(
      fc
        .record({
          version: fc.constantFrom('v1', 'v1a', 'v2', ''),
          bytes: fc.uint8Array({ minLength: 0, maxLength: 40 }),
        })
        .map(({ version, bytes }) => `${version},${Buffer.from(bytes).toString('base64')}`),
      { minLength: 1, maxLength: 4 },
    )
    .map((signatures) => ({ kind: 'random' as const, signatures })),
  fc
    .record({ secret: wrongWhsec, offset: staleOffset })
    .map((s) => ({ kind: 'stale-wrong-secret' as const, ...s })),
  fc
    .constantFrom('webhook-id' as const, 'webhook-timestamp' as const, 'webhook-signature' as const)
    .map((drop) => ({ kind: 'missing' as const, drop })),
  fc.string({ maxLength: 200 }).map((value) => ({ kind: 'garbled' as const, value })),
);

function standardWebhooksAttempt(
  target: string | null,
  messageId: string,
  body: string,
  attack: SwAttack,
  how: Casing,
): Attempt {
  const t = nowSeconds();
  const sign = (secret: string, ts: number) => new Webhook(secret).sign(messageId, new Date(ts * 1000), body);
  const headers: Record<string, string> = {
    'webhook-id': messageId,
    'webhook-timestamp': String(t),
    'webhook-signature': '',
  };
  switch (attack.kind) {
    case 'wrong-secret':
      headers['webhook-signature'] = sign(attack.secret, t);
      break;
    case 'random':
      headers['webhook-signature'] = attack.signatures.join(' ');
      break;
    case 'stale-wrong-secret':
      headers['webhook-timestamp'] = String(t + attack.offset);
      headers['webhook-signature'] = sign(attack.secret, t + attack.offset);
      break;
    case 'missing':
      headers['webhook-signature'] = `v1,${randomBytes(32).toString('base64')}`;
      delete headers[attack.drop];
      break;
    case 'garbled':
      headers['webhook-signature'] = attack.value;
      break;
  }
  return {
    resource: INTEGRATION_ROUTE,
    pathParameters: target === null ? null : { integrationId: target },
    headers: cased({ 'Content-Type': 'application/json', ...headers }, how),
    body,
    base64: false,
  };
}

// ---- the properties -------------------------------------------------------------------------

async function expectNothingStoredOrQueued(): Promise<void> {
  const inbox = new DynamoEventInbox(stack.resources.tables.main);
  expect((await inbox.list(org.orgId, { limit: 10 })).events).toEqual([]);
  expect(await stack.drain('events')).toEqual([]);
}

describe('webhook-ingest refuses every generated forgery', () => {
  it(`header scheme: ${RUNS.headerScheme} malformed, forged, stale and oversized deliveries`, async () => {
    const target = fc.oneof(
      { weight: 8, arbitrary: fc.constant(org.orgId) },
      { weight: 1, arbitrary: odd.unknownOrg },
      { weight: 1, arbitrary: odd.text },
      { weight: 1, arbitrary: odd.huge },
      { weight: 1, arbitrary: odd.pathy },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    await fc.assert(
      fc.asyncProperty(
        target,
        anyBody,
        fc.boolean(),
        headerAttack,
        casing,
        async (orgId, body, base64, attack, how) => {
          expectRefused(await send(headerSchemeAttempt(orgId, body, base64, attack, how)));
        },
      ),
      { numRuns: RUNS.headerScheme },
    );
    await expectNothingStoredOrQueued();
  }, 180_000);

  it(`body scheme: ${RUNS.bodyScheme} payloads whose auth block does not authenticate`, async () => {
    const garbageHeader = fc.option(
      fc.record({ 'X-RentVine-Signature': fc.string({ maxLength: 80 }) }, { requiredKeys: [] }),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(
        rentvineBody,
        forgedAuth,
        garbageHeader,
        fc.boolean(),
        casing,
        async (payload, auth, extra, base64, how) => {
          const attempt: Attempt = {
            resource: RENTVINE_ROUTE,
            pathParameters: { orgId: org.orgId },
            headers: cased({ 'Content-Type': 'application/json', ...extra }, how),
            body: JSON.stringify({ ...payload, auth }),
            base64,
          };
          expectRefused(await send(attempt));
        },
      ),
      { numRuns: RUNS.bodyScheme },
    );
    await expectNothingStoredOrQueued();
  }, 180_000);

  it(`Standard Webhooks: ${RUNS.standardWebhooks} forged deliveries on the integration route`, async () => {
    const target = fc.oneof(
      { weight: 6, arbitrary: fc.constant(integrationId) },
      { weight: 1, arbitrary: odd.unknownOrg },
      { weight: 1, arbitrary: odd.text },
      { weight: 1, arbitrary: odd.huge },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const messageId = fc.oneof(
      fc.uuid().map((id) => `msg_${id}`),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(target, messageId, anyBody, swAttack, casing, async (id, msgId, body, attack, how) => {
        expectRefused(await send(standardWebhooksAttempt(id, msgId, body, attack, how)));
      }),
      { numRuns: RUNS.standardWebhooks },
    );
    await expectNothingStoredOrQueued();
  }, 180_000);
});

describe('webhook-ingest accepts every authentic delivery exactly once', () => {
  it(`${RUNS.signedPairs} correctly signed arbitrary JSON bodies: 202, then 200 duplicate, one queue message`, async () => {
    await stack.purge('events');
    const accepted: string[] = [];
    // Any JSON at all, except a top-level `auth` member (that selects the body scheme).
    const json = fc
      .jsonValue({ maxDepth: 5 })
      .filter((value) => !(value && typeof value === 'object' && !Array.isArray(value) && 'auth' in value));
    await fc.assert(
      fc.asyncProperty(json, fc.boolean(), casing, async (value, base64, how) => {
        // A fresh org each run: generated bodies may repeat, and the same event twice is a duplicate.
        const sender = await createTestOrg(stack.resources.tables.main);
        const body = JSON.stringify(value);
        const deliver = (timestamp: number) =>
          send({
            resource: RENTVINE_ROUTE,
            pathParameters: { orgId: sender.orgId },
            headers: cased(
              { 'Content-Type': 'application/json', ...signWebhook(sender.webhookSecret, body, timestamp) },
              how,
            ),
            body,
            base64,
          });
        const first = await deliver(nowSeconds());
        expect(first.statusCode, first.body).toBe(202);
        const { status, eventId } = JSON.parse(first.body) as { status: string; eventId: string };
        expect(status).toBe('accepted');
        // The sender retries with a fresh timestamp: same event, answered as a duplicate.
        const again = await deliver(nowSeconds() - 5);
        expect(again.statusCode, again.body).toBe(200);
        expect(JSON.parse(again.body)).toEqual({ status: 'duplicate', eventId });
        accepted.push(eventId);
      }),
      { numRuns: RUNS.signedPairs },
    );
    const queued = (await stack.drain('events')).map(
      (m) => (JSON.parse(m.Body ?? '{}') as { eventId: string }).eventId,
    );
    expect(queued.sort()).toEqual([...accepted].sort());
  }, 180_000);
});
