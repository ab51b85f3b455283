import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { stableId } from '#platform/security/ids.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import type { EventStatus } from '#vocabulary/events.ts';

let stack: TestStack;
let api: ApiHandler;
const orgA = 'org-events-a';
const orgB = 'org-events-b';

/** Org A's events, one second apart, oldest first. */
const A_EVENTS: { type: string; status: EventStatus }[] = [
  { type: 'maintenance::workOrder.created', status: 'processed' },
  { type: 'lease.updated', status: 'processed' },
  { type: 'maintenance::workOrder.updated', status: 'unrecognized' },
  { type: 'maintenance::workOrder.created', status: 'echo' },
  { type: 'lease::charge.created', status: 'processed' },
  { type: 'maintenance::workOrder.created', status: 'processed' },
  { type: 'tenant.updated', status: 'received' },
];
const receivedAt = (i: number) => new Date(Date.UTC(2026, 10, 21, 10, 0, i)).toISOString();
const idsOfA: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  const inbox = new DynamoEventInbox(stack.resources.tables.main);
  const store = (orgId: string, i: number, type: string, status: EventStatus) => {
    const eventId = stableId('evt', orgId, `list-${i}`);
    return inbox
      .store({
        orgId,
        eventId,
        eventKey: `list:${i}`,
        source: 'rentvine',
        scheme: 'rentvine-body',
        receivedAt: receivedAt(i),
        rawBody: JSON.stringify({
          event: { eventType: type },
          data: {
            contactID: String(i),
            name: 'Dana',
            birthDate: '1990-01-01',
            bankAccountNumber: '****6789',
          },
          auth: { signature: 'sig-not-real', token: 'token-not-real', timestamp: 1 },
        }),
        headers: { 'user-agent': 'Rentvine' },
        status,
        eventType: type,
      })
      .then(() => eventId);
  };
  for (const [i, { type, status }] of A_EVENTS.entries()) idsOfA.push(await store(orgA, i, type, status));
  await store(orgB, 3, 'maintenance::workOrder.created', 'processed');
});
afterAll(async () => stack?.stop());

async function list(query: Record<string, string>, principal = { orgId: orgA, scopes: ['events:read'] }) {
  const response = await api(
    {
      ...apiEvent({
        method: 'GET',
        resource: '/v1/events',
        principal: { ...principal, keyId: 'key-test' },
      }),
      queryStringParameters: query,
      multiValueQueryStringParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    },
    lambdaContext('api'),
  );
  return {
    status: response.statusCode,
    contentType: response.headers?.['content-type'],
    body: JSON.parse(response.body) as {
      events: { eventId: string; eventType?: string; status: string; payload: unknown }[];
      nextCursor?: string;
      type?: string;
      errors?: { path: string; message: string }[];
    },
  };
}

/** Follows nextCursor to the end (bounded), returning every page. */
async function allPages(query: Record<string, string>) {
  const pages: Awaited<ReturnType<typeof list>>['body'][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i += 1) {
    const { status, body } = await list({ ...query, ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return pages;
}

describe('GET /v1/events', () => {
  it("lists the caller's own events, oldest first, without signatures, headers or personal data", async () => {
    const { status, body } = await list({});
    expect(status).toBe(200);
    expect(body.events.map((e) => e.eventId)).toEqual(idsOfA);
    expect(body.nextCursor).toBeUndefined();
    expect(body.events[0]).toMatchObject({
      eventId: idsOfA[0],
      status: 'processed',
      eventType: 'maintenance::workOrder.created',
      receivedAt: receivedAt(0),
      attempt: 0,
      payload: {
        event: { eventType: 'maintenance::workOrder.created' },
        data: { contactID: '0', name: 'Dana' },
      },
    });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/not-real|1990-01-01|6789|user-agent|birthDate/);
  });

  it('filters by status, type and since, together', async () => {
    const byStatus = await list({ status: 'processed' });
    expect(byStatus.body.events.map((e) => e.eventId)).toEqual([idsOfA[0], idsOfA[1], idsOfA[4], idsOfA[5]]);
    const byType = await list({ type: 'maintenance::workOrder.created' });
    expect(byType.body.events.map((e) => e.eventId)).toEqual([idsOfA[0], idsOfA[3], idsOfA[5]]);
    // Any ISO-8601 spelling of the instant (here UTC+1) selects the same events.
    const since = await list({ since: '2026-11-21T11:00:03+01:00' });
    expect(since.body.events.map((e) => e.eventId)).toEqual(idsOfA.slice(3));
    const together = await list({
      status: 'processed',
      type: 'maintenance::workOrder.created',
      since: receivedAt(1),
    });
    expect(together.body.events.map((e) => e.eventId)).toEqual([idsOfA[5]]);
    expect((await list({ since: '2026-11-22' })).body.events).toEqual([]);
  });

  it('pages with an opaque cursor, each event exactly once', async () => {
    const pages = await allPages({ limit: '2' });
    expect(pages.map((p) => p.events.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.events.map((e) => e.eventId))).toEqual(idsOfA);
    const filtered = await allPages({ limit: '2', type: 'maintenance::workOrder.created' });
    expect(filtered.flatMap((p) => p.events.map((e) => e.eventId))).toEqual([
      idsOfA[0],
      idsOfA[3],
      idsOfA[5],
    ]);
  });

  it("refuses another org's cursor, a forged one, and one from outside the query's range", async () => {
    const { body } = await list({ limit: '2' });
    const cursor = body.nextCursor ?? '';
    expect(cursor).not.toBe('');
    const foreign = await list({ cursor }, { orgId: orgB, scopes: ['events:read'] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    expect(JSON.stringify(foreign.body)).not.toContain(idsOfA[2]);

    const forged = Buffer.from(JSON.stringify({ PK: `ORG#${orgA}`, SK: 'EVENT#x' }), 'utf8').toString(
      'base64url',
    );
    for (const bad of ['bm90LWpzb24', forged]) {
      expect((await list({ cursor: bad })).status).toBe(422);
    }
    expect((await list({ cursor, since: receivedAt(5) })).status).toBe(422);
  });

  it.each([
    [{ status: 'done' }, 'status'],
    [{ type: 'Work Order Created' }, 'type'],
    [{ since: 'yesterday' }, 'since'],
    [{ since: '2026-11-21T10:00:00' }, 'since'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: 'not a cursor!' }, 'cursor'],
    [{ statuz: 'processed' }, 'statuz'],
  ])('answers %j with 422 problem+json naming %s', async (query, path) => {
    const { status, contentType, body } = await list(query);
    expect(status).toBe(422);
    expect(contentType).toBe('application/problem+json');
    expect(body.type).toBe('urn:aictive:problem:validation');
    expect(body.errors?.map((e) => e.path)).toEqual([path]);
  });

  it('refuses a repeated parameter rather than keeping one of its values', async () => {
    const response = await api(
      {
        ...apiEvent({
          method: 'GET',
          resource: '/v1/events',
          principal: { orgId: orgA, keyId: 'key-test', scopes: ['events:read'] },
        }),
        queryStringParameters: { status: 'echo' },
        multiValueQueryStringParameters: { status: ['processed', 'echo'] },
      },
      lambdaContext('api'),
    );
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body).errors).toEqual([{ path: 'status', message: 'given more than once' }]);
  });

  it('needs the events:read scope', async () => {
    const { status, body } = await list({}, { orgId: orgA, scopes: ['emails:read'] });
    expect(status).toBe(403);
    expect(body.type).toBe('urn:aictive:problem:forbidden');
  });
});
