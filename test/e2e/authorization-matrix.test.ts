import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { tableIntegrationSecrets } from '#adapters/secrets/integration-secrets.ts';
import { newPage } from '#domain/on-call/paging.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { type ApiOperation, apiRoutes, type RouteSpec } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { createTestOrg, environmentPepper, type TestOrg } from '#test/support/orgs.ts';
import { queuedItem } from '#test/support/queue-items.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { registerIntegration } from '#usecases/register-integration.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';
import { SCOPES, type Scope } from '#vocabulary/access.ts';

/**
 * Every route of the API × every kind of caller, through the local gateway (REQUEST authorizer,
 * no result cache: revocation is immediate here, within 300 s in AWS) and the api function.
 * The routes come from the topology and each operation must have a fixture (a Record typed by
 * the operations), so a new route cannot skip the matrix.
 */
const CALLERS = [
  'no key',
  'wrong key',
  'revoked',
  'expired',
  'missing scope',
  'other org',
  'right key',
] as const;
type Caller = (typeof CALLERS)[number];

interface World {
  readonly orgA: TestOrg;
  readonly emailId: string;
  /** Emails of org A with a reply draft awaiting a decision: one to approve, one to reject. */
  readonly approveTarget: string;
  readonly rejectTarget: string;
  readonly eventId: string;
  /** Keys of org A that the revoke and rotate routes act on. */
  readonly revokeTarget: string;
  readonly rotateTarget: string;
  /** Integrations of org A that the get, delete and rotate routes act on. */
  readonly integration: string;
  readonly deleteIntegrationTarget: string;
  /** A Rentvine property mirrored for org A, which no other org's listing may show. */
  readonly propertyId: string;
  /** A repair of org A waiting on its approval, and a genuine response link to its step. */
  readonly workflowId: string;
  readonly responseLink: string;
  /** A queued item of org A. */
  readonly queueItemId: string;
  /** An agent of org A that the agent routes act on and queue items are given to. */
  readonly agentId: string;
  /** Conversations of org A the classifier opened: one people act on, one to resolve. */
  readonly conversationId: string;
  readonly resolveTarget: string;
  /** A page of org A (to nobody yet): no matrix key is a person it went to. */
  readonly pageId: string;
}

interface Fixture {
  readonly request: (world: World) => { path: string; body?: unknown };
  /** The answer to a key of org A with the route's scope. */
  readonly ok: number;
  /** The answer to a key of another org with the same scope: its own (empty) view, or 404. */
  readonly otherOrg: number;
}

const FIXTURES: Record<ApiOperation, Fixture> = {
  links: { request: () => ({ path: '/' }), ok: 200, otherOrg: 200 },
  apiLinks: { request: () => ({ path: '/v1' }), ok: 200, otherOrg: 200 },
  health: { request: () => ({ path: '/health' }), ok: 200, otherOrg: 200 },
  ready: { request: () => ({ path: '/health/ready' }), ok: 200, otherOrg: 200 },
  openApi: { request: () => ({ path: '/v1/openapi.json' }), ok: 200, otherOrg: 200 },
  submitEmail: {
    request: () => ({
      path: '/v1/emails',
      body: {
        messageId: '<matrix-tap@example.com>',
        from: 'tenant@example.com',
        subject: 'Dripping tap',
        text: 'The kitchen tap drips.',
      },
    }),
    ok: 202,
    otherOrg: 202,
  },
  getEmail: { request: (w) => ({ path: `/v1/emails/${w.emailId}` }), ok: 200, otherOrg: 404 },
  listEmails: { request: () => ({ path: '/v1/emails' }), ok: 200, otherOrg: 200 },
  approveDraft: {
    request: (w) => ({ path: `/v1/emails/${w.approveTarget}/draft/approve`, body: {} }),
    ok: 200,
    otherOrg: 404,
  },
  rejectDraft: {
    request: (w) => ({ path: `/v1/emails/${w.rejectTarget}/draft/reject`, body: { reason: 'matrix' } }),
    ok: 200,
    otherOrg: 404,
  },
  listEvents: { request: () => ({ path: '/v1/events' }), ok: 200, otherOrg: 200 },
  getEvent: { request: (w) => ({ path: `/v1/events/${w.eventId}` }), ok: 200, otherOrg: 404 },
  createApiKey: {
    request: () => ({ path: '/v1/admin/api-keys', body: { name: 'matrix', scopes: ['events:read'] } }),
    ok: 201,
    otherOrg: 201,
  },
  listApiKeys: { request: () => ({ path: '/v1/admin/api-keys' }), ok: 200, otherOrg: 200 },
  revokeApiKey: {
    request: (w) => ({ path: `/v1/admin/api-keys/${w.revokeTarget}` }),
    ok: 204,
    otherOrg: 404,
  },
  rotateApiKey: {
    request: (w) => ({ path: `/v1/admin/api-keys/${w.rotateTarget}/rotate` }),
    ok: 200,
    otherOrg: 404,
  },
  getStats: { request: () => ({ path: '/v1/stats' }), ok: 200, otherOrg: 200 },
  getOrg: { request: () => ({ path: '/v1/org' }), ok: 200, otherOrg: 200 },
  updateOrgSettings: {
    request: () => ({ path: '/v1/org/settings', body: { timeZone: 'America/Chicago' } }),
    ok: 200,
    otherOrg: 200,
  },
  createIntegration: {
    // A fresh id per call: the other org's registration must not take the id the right key asks for.
    request: () => ({
      path: '/v1/admin/integrations',
      body: { integrationId: `matrix-${randomBytes(4).toString('hex')}`, name: 'matrix' },
    }),
    ok: 201,
    otherOrg: 201,
  },
  listIntegrations: { request: () => ({ path: '/v1/admin/integrations' }), ok: 200, otherOrg: 200 },
  getIntegration: {
    request: (w) => ({ path: `/v1/admin/integrations/${w.integration}` }),
    ok: 200,
    otherOrg: 404,
  },
  deleteIntegration: {
    request: (w) => ({ path: `/v1/admin/integrations/${w.deleteIntegrationTarget}` }),
    ok: 204,
    otherOrg: 404,
  },
  rotateIntegration: {
    request: (w) => ({ path: `/v1/admin/integrations/${w.integration}/rotate` }),
    ok: 200,
    otherOrg: 404,
  },
  listProperties: { request: () => ({ path: '/v1/properties' }), ok: 200, otherOrg: 200 },
  listUnits: { request: () => ({ path: '/v1/units' }), ok: 200, otherOrg: 200 },
  listLeases: { request: () => ({ path: '/v1/leases' }), ok: 200, otherOrg: 200 },
  listTenants: { request: () => ({ path: '/v1/tenants' }), ok: 200, otherOrg: 200 },
  listVendors: { request: () => ({ path: '/v1/vendors' }), ok: 200, otherOrg: 200 },
  listWorkOrders: { request: () => ({ path: '/v1/work-orders' }), ok: 200, otherOrg: 200 },
  listWorkflows: { request: () => ({ path: '/v1/workflows' }), ok: 200, otherOrg: 200 },
  getWorkflow: { request: (w) => ({ path: `/v1/workflows/${w.workflowId}` }), ok: 200, otherOrg: 404 },
  startWorkflow: {
    request: () => ({ path: '/v1/workflows', body: { type: 'triage', facts: { summary: 'matrix' } } }),
    ok: 201,
    otherOrg: 201,
  },
  listApprovals: { request: () => ({ path: '/v1/approvals' }), ok: 200, otherOrg: 200 },
  // Matrix keys hold no role: a step that is not waiting is refused before who may decide it.
  decideWorkflowStep: {
    request: (w) => ({
      path: `/v1/workflows/${w.workflowId}/approvals`,
      body: { stepId: 'nothing.1', decision: 'approve' },
    }),
    ok: 409,
    otherOrg: 404,
  },
  completeWorkflowTask: {
    request: (w) => ({
      path: `/v1/workflows/${w.workflowId}/tasks`,
      body: { stepId: 'nothing.1', outcome: 'done' },
    }),
    ok: 409,
    otherOrg: 404,
  },
  // A signal or an invoice is recorded by someone of the company: the role-less matrix key is
  // refused (403 not-your-step) once its org's workflow is found; another org's is not found.
  signalWorkflow: {
    request: (w) => ({ path: `/v1/workflows/${w.workflowId}/signals`, body: { signal: 'renewal_accepted' } }),
    ok: 403,
    otherOrg: 404,
  },
  recordInvoice: {
    request: (w) => ({
      path: `/v1/workflows/${w.workflowId}/invoices`,
      body: { invoiceId: 'matrix-1', amountUsd: 10 },
    }),
    ok: 403,
    otherOrg: 404,
  },
  listQueue: { request: () => ({ path: '/v1/queue' }), ok: 200, otherOrg: 200 },
  assignQueueItem: {
    request: (w) => ({ path: `/v1/queue/${w.queueItemId}/assign`, body: { agentId: w.agentId } }),
    ok: 200,
    otherOrg: 404,
  },
  transferQueueItem: {
    request: (w) => ({
      path: `/v1/queue/${w.queueItemId}/transfer`,
      body: { skill: 'leasing', note: 'matrix' },
    }),
    ok: 200,
    otherOrg: 404,
  },
  listConversations: { request: () => ({ path: '/v1/conversations' }), ok: 200, otherOrg: 200 },
  getConversation: {
    request: (w) => ({ path: `/v1/conversations/${w.conversationId}` }),
    ok: 200,
    otherOrg: 404,
  },
  // Matrix keys carry no agentId: a note (a reply needs a person).
  addConversationMessage: {
    request: (w) => ({
      path: `/v1/conversations/${w.conversationId}/messages`,
      body: { text: 'matrix note', internal: true },
    }),
    ok: 201,
    otherOrg: 404,
  },
  escalateConversation: {
    request: (w) => ({ path: `/v1/conversations/${w.conversationId}/escalate`, body: { reason: 'matrix' } }),
    ok: 200,
    otherOrg: 404,
  },
  resolveConversation: {
    request: (w) => ({ path: `/v1/conversations/${w.resolveTarget}/resolve` }),
    ok: 200,
    otherOrg: 404,
  },
  // The link is the credential: every caller gets the same answer, key or none.
  showResponseLink: { request: (w) => ({ path: `/v1/respond/${w.responseLink}` }), ok: 200, otherOrg: 200 },
  answerResponseLink: {
    request: () => ({ path: '/v1/respond/not-a-link', body: { decision: 'accept' } }),
    ok: 404,
    otherOrg: 404,
  },
  // The desk: agents and the audit trail.
  listAgents: { request: () => ({ path: '/v1/agents' }), ok: 200, otherOrg: 200 },
  createAgent: {
    request: () => ({
      path: '/v1/agents',
      body: {
        agentId: `matrix-${randomBytes(4).toString('hex')}`,
        name: 'Matrix',
        role: 'leasing_agent',
        skills: [],
      },
    }),
    ok: 201,
    otherOrg: 201,
  },
  updateAgent: {
    request: (w) => ({ path: `/v1/agents/${w.agentId}`, body: { name: 'Matrix Agent' } }),
    ok: 200,
    otherOrg: 404,
  },
  // `queue:write` is not enough: only the agent's own key (its agentId) or an admin sets the status.
  setAgentStatus: {
    request: (w) => ({ path: `/v1/agents/${w.agentId}/status`, body: { status: 'busy' } }),
    ok: 403,
    otherOrg: 403,
  },
  listAudit: { request: () => ({ path: '/v1/audit' }), ok: 200, otherOrg: 200 },
  listPages: { request: () => ({ path: '/v1/pages' }), ok: 200, otherOrg: 200 },
  // Only a person the page went to may acknowledge it: a matrix key carries no agentId (403 not-paged).
  acknowledgePage: { request: (w) => ({ path: `/v1/pages/${w.pageId}/ack` }), ok: 403, otherOrg: 404 },
};

let runtime: LocalRuntime;
let world: World;
let orgB: TestOrg;
const keys = new Map<string, string>();

const keyDeps = () => ({
  apiKeys: new DynamoApiKeyStore(runtime.resources.tables.main),
  pepper: environmentPepper(),
  clock: systemClock,
});

async function issue(orgId: string, scopes: Scope[], extra: { rateLimitPerMinute?: number } = {}) {
  return createApiKey(keyDeps(), {
    orgId,
    name: 'matrix caller',
    scopes,
    env: 'test',
    by: 'operator',
    ...extra,
  });
}

/** An integration of the org, registered as the API does it. */
async function registered(orgId: string): Promise<string> {
  const integrationId = `matrix-${randomBytes(4).toString('hex')}`;
  await registerIntegration(
    {
      integrations: new DynamoIntegrationStore(runtime.resources.tables.main),
      secrets: tableIntegrationSecrets(runtime.resources.tables.main),
      clock: systemClock,
    },
    { orgId, integrationId, name: 'matrix target' },
  );
  return integrationId;
}

async function call(route: Pick<RouteSpec, 'method'>, path: string, key?: string, body?: unknown) {
  return fetch(`${runtime.url}${path}`, {
    method: route.method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A key of org A for the route: the right scope, or one that is neither it nor admin. */
async function keyFor(caller: Caller, route: RouteSpec): Promise<string | undefined> {
  const scope = (route.scope ?? 'admin') as Scope;
  const other = SCOPES.find((s) => s !== scope && s !== 'admin') as Scope;
  const memo = `${caller}:${scope}`;
  const known = keys.get(memo);
  if (known) return known;
  const orgA = world.orgA.orgId;
  let key: string | undefined;
  switch (caller) {
    case 'no key':
      return undefined;
    case 'wrong key': {
      // A real key id of the org with another secret.
      const real = await issue(orgA, [scope]);
      key = `${real.key.slice(0, real.key.lastIndexOf('_'))}_${'x'.repeat(43)}`;
      break;
    }
    case 'revoked': {
      const revoked = await issue(orgA, [scope]);
      await revokeApiKey(keyDeps(), orgA, revoked.record.keyId);
      key = revoked.key;
      break;
    }
    case 'expired': {
      const expired = await issue(orgA, [scope]);
      await keyDeps().apiKeys.put({ ...expired.record, keyExpiresAt: '2026-01-01T00:00:00.000Z' });
      key = expired.key;
      break;
    }
    case 'missing scope':
      key = (await issue(orgA, [other])).key;
      break;
    case 'other org':
      key = (await issue(orgB.orgId, [scope])).key;
      break;
    case 'right key':
      key = (await issue(orgA, [scope])).key;
      break;
  }
  keys.set(memo, key);
  return key;
}

function expected(caller: Caller, route: RouteSpec): number {
  const fixture = FIXTURES[route.operation as ApiOperation];
  if (route.auth === 'none') return fixture.ok;
  switch (caller) {
    case 'no key':
    case 'wrong key':
    case 'revoked':
    case 'expired':
      return 401;
    case 'missing scope':
      return 403;
    case 'other org':
      return fixture.otherOrg;
    case 'right key':
      return fixture.ok;
  }
}

beforeAll(async () => {
  // In this process: the rate-limit test fakes its clock (Date) for the handlers.
  runtime = await startLocalRuntime({ schedules: false, isolated: false });
  const table = runtime.resources.tables.main;
  const orgA = await createTestOrg(table);
  orgB = await createTestOrg(table);

  const email = await call(
    { method: 'POST' },
    '/v1/emails',
    orgA.apiKey,
    FIXTURES.submitEmail.request({} as World).body,
  );
  const { emailId } = (await email.json()) as { emailId: string };
  const body = JSON.stringify(workOrderEvent({ workOrderID: '4711' }));
  const delivery = await fetch(`${runtime.url}/webhooks/rentvine/${orgA.orgId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signWebhook(orgA.webhookSecret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  const { eventId } = (await delivery.json()) as { eventId: string };
  const started = await call({ method: 'POST' }, '/v1/workflows', orgA.apiKey, {
    type: 'maintenance_routine',
    facts: { summary: 'Matrix repair', estimateUsd: 300 },
  });
  const { workflowId } = (await started.json()) as { workflowId: string };
  const responseLink = issueResponseLink(
    {
      purpose: 'owner_approval',
      orgId: orgA.orgId,
      workflowId,
      stepId: 'approve_dispatch.1',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    process.env.RESPONSE_LINK_SECRET ?? '',
  );
  const approveTarget = await drafted(orgA, '<matrix-approve@example.com>');
  const rejectTarget = await drafted(orgA, '<matrix-reject@example.com>');
  world = {
    orgA,
    emailId,
    approveTarget,
    rejectTarget,
    eventId,
    revokeTarget: (await issue(orgA.orgId, ['events:read'])).record.keyId,
    rotateTarget: (await issue(orgA.orgId, ['events:read'])).record.keyId,
    integration: await registered(orgA.orgId),
    deleteIntegrationTarget: await registered(orgA.orgId),
    propertyId: '987654321',
    workflowId,
    responseLink,
    queueItemId: await queued(orgA.orgId),
    agentId: 'matrix-agent',
    conversationId: await conversed(orgA, approveTarget),
    resolveTarget: await conversed(orgA, rejectTarget),
    pageId: await paged(table, orgA.orgId),
  };
  await new DynamoAgentDirectory(table).create(agentOf(orgA.orgId, world.agentId));
  await new DynamoSnapshotStore(table).put(
    orgA.orgId,
    { kind: 'property', id: world.propertyId, data: { propertyId: world.propertyId, name: 'Matrix Flats' } },
    new Date().toISOString(),
  );
}, 60_000);
afterAll(async () => runtime?.stop());

/** A queue item of the org, as a conversation's would be opened. */
async function queued(orgId: string): Promise<string> {
  const item = queuedItem(orgId, `cv_matrix_${randomBytes(4).toString('hex')}`, new Date().toISOString());
  await new DynamoQueueStore(runtime.resources.tables.main).create(item);
  return item.itemId;
}
/** A page of the org, stored as the emergency hook opens it. */
async function paged(table: string, orgId: string): Promise<string> {
  const page = newPage(
    {
      pageId: `pg_matrix_${randomBytes(4).toString('hex')}`,
      orgId,
      department: 'maintenance',
      subject: 'workflow:wf_matrix',
      reason: 'matrix',
      urgency: 'emergency',
    },
    { timeZone: 'UTC', propertyManagers: [] },
    new Date(),
  );
  await new DynamoPageStore(table).create(page);
  return page.pageId;
}

/** An email of the org, submitted and triaged by the runtime's classifier until its draft waits. */
async function drafted(org: TestOrg, messageId: string): Promise<string> {
  const submitted = await call({ method: 'POST' }, '/v1/emails', org.apiKey, {
    messageId,
    from: 'tenant@example.com',
    subject: 'Dripping tap',
    text: 'The bathroom tap drips all night.',
  });
  const { emailId } = (await submitted.json()) as { emailId: string };
  for (let round = 0; round < 100; round += 1) {
    const read = await call({ method: 'GET' }, `/v1/emails/${emailId}`, org.apiKey);
    const { status } = (await read.json()) as { status: string };
    if (status === 'awaiting_approval') return emailId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`email ${emailId} got no draft awaiting approval`);
}

/** The conversation the classifier opens for a triaged email (written just after its triage). */
async function conversed(org: TestOrg, emailId: string): Promise<string> {
  const conversationId = `cv_${emailId}`;
  for (let round = 0; round < 100; round += 1) {
    const read = await call({ method: 'GET' }, `/v1/conversations/${conversationId}`, org.apiKey);
    if (read.status === 200) return conversationId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`email ${emailId} opened no conversation`);
}

describe('the authorization matrix', () => {
  it('covers every route of the topology with a fixture', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(apiRoutes.map((route) => route.operation).sort());
  });

  it.each(apiRoutes.map((route) => [route.method, route.path, route] as const))(
    '%s %s answers each caller as its scope and org allow',
    async (_method, _path, route) => {
      const seen: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      // `right key` last: it is the one that may change state (revoke, rotate).
      for (const caller of CALLERS) {
        const { path, body } = FIXTURES[route.operation as ApiOperation].request(world);
        const response = await call(route, path, await keyFor(caller, route), body);
        seen[caller] = response.status;
        wanted[caller] = expected(caller, route);
        // Whoever answered (the gateway, the authorizer's refusal or the function).
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          if (name !== 'cache-control') expect(response.headers.get(name)).toBe(value);
        }
        if (route.auth === 'apiKey') expect(response.headers.get('cache-control')).toBe('no-store');
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        }
        if (caller === 'other org' && response.status === 200) {
          // Its own view: nothing of org A's in it.
          const text = await response.text();
          const ofOrgA = [world.emailId, world.eventId, world.revokeTarget, world.rotateTarget];
          for (const id of [...ofOrgA, world.integration, world.propertyId]) {
            expect(text).not.toContain(id);
          }
        }
      }
      expect(seen).toEqual(wanted);
    },
    30_000,
  );
});

describe('per-key rate limits and last use', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a burst past the limit 429 with Retry-After, and admits again in the next minute', async () => {
    // Only Date is faked: the gateway, the emulators and their sockets keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:05.000Z'));
    const { key } = await issue(world.orgA.orgId, ['events:read'], { rateLimitPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await call({ method: 'GET' }, '/v1/events', key));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[0]?.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[2]?.headers.get('ratelimit-remaining')).toBe('0');
    const refused = answers[3];
    expect(refused?.headers.get('retry-after')).toBe('55');
    expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused?.json()).toMatchObject({ type: 'urn:aictive:problem:rate-limited', status: 429 });

    vi.setSystemTime(new Date('2026-11-22T10:01:00.000Z'));
    const recovered = await call({ method: 'GET' }, '/v1/events', key);
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('ratelimit-remaining')).toBe('2');
  }, 30_000);

  it("records a key's last use, to the minute", async () => {
    const { key, record } = await issue(world.orgA.orgId, ['events:read']);
    expect((await call({ method: 'GET' }, '/v1/events', key)).status).toBe(200);
    const listed = await call({ method: 'GET' }, '/v1/admin/api-keys', world.orgA.apiKey);
    const { apiKeys } = (await listed.json()) as { apiKeys: { keyId: string; lastUsedAt?: string }[] };
    const lastUsedAt = apiKeys.find((k) => k.keyId === record.keyId)?.lastUsedAt;
    expect(Date.now() - Date.parse(lastUsedAt ?? '')).toBeLessThan(60_000);
  }, 30_000);
});
