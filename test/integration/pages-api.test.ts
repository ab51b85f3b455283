import { randomBytes } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SnsPageNotices } from '#adapters/sns/page-notices.ts';
import { snsClient } from '#adapters/sns/workflow-notices.ts';
import type { PageNotice } from '#domain/on-call/ports.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { subscribedQueue, takeAll } from '#test/support/topic-subscriber.ts';
import { sweepPages } from '#usecases/sweep-pages.ts';

/**
 * On-call paging through the real functions on the emulators: the rotation set through the API,
 * an emergency workflow started through the API and run by the workflow function, which pages the
 * on-call agent on the pages topic; the sweep at moved clocks re-pages and escalates; the paged
 * agent's key acknowledges through the API (another's 403, twice 409), and the audit has it.
 */
let stack: TestStack;
let api: ApiHandler;
let pagesQueue: string;
const orgId = `org-pages-${randomBytes(3).toString('hex')}`;

type Principal = { orgId: string; keyId: string; scopes: string[]; role?: string; agentId?: string };
const admin: Principal = { orgId, keyId: 'key-admin', scopes: ['admin'] };
const keyOf = (agentId: string): Principal => ({
  orgId,
  keyId: `key-${agentId}`,
  scopes: ['queue:read', 'queue:write'],
  agentId,
});
const requester: Principal = {
  orgId,
  keyId: 'key-requester',
  scopes: ['workflows:read', 'workflows:write'],
  role: 'resident_services_rep',
  agentId: 'desk',
};

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) =>
  apiCaller(() => api, { headers: { 'User-Agent': 'pager-app/1.0' } })<Record<string, unknown>>(...args);

/** What the pages topic's subscriber has received since it last looked. */
async function pagesReceived(): Promise<PageNotice[]> {
  const received = (await takeAll(stack, pagesQueue)).map(
    (message) => JSON.parse(message.Body ?? '') as PageNotice,
  );
  return received.filter((notice) => notice.orgId === orgId);
}

const sent = (notices: readonly PageNotice[]) => notices.map((n) => `${n.agentId}@${n.level}`);

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  pagesQueue = await subscribedQueue(stack, stack.resources.topics.pages.arn);
  const agents = new DynamoAgentDirectory(stack.resources.tables.main);
  for (const agent of [
    agentOf(orgId, 'ana'),
    agentOf(orgId, 'ben'),
    agentOf(orgId, 'cy', { role: 'leasing_agent', skills: ['leasing'] }),
    agentOf(orgId, 'pm-1', { role: 'property_manager' }),
  ])
    await agents.create(agent);
});
afterAll(async () => {
  snsClient().destroy();
  await stack?.stop();
});

describe('an emergency pages the on-call agent until someone acknowledges', () => {
  let pageId = '';
  let openedAt = 0;
  const sweepDeps = () => ({
    pages: new DynamoPageStore(stack.resources.tables.main),
    notices: new SnsPageNotices(stack.resources.topics.pages.arn),
    orgSettings: new DynamoOrgSettingsStore(stack.resources.tables.main),
    agents: new DynamoAgentDirectory(stack.resources.tables.main),
    workflows: new DynamoWorkflowStore(stack.resources.tables.main),
  });
  const at = (minutes: number) => new Date(openedAt + minutes * 60_000);

  it('takes the rotation in the org settings and shows it on the org', async () => {
    // ana and ben in turn from a Monday long past; an override pins ana for today, whatever its week.
    const start = { date: '2026-01-05', time: '09:00' };
    const refused = await call(admin, 'PATCH', '/v1/org/settings', {
      body: { onCall: { maintenance: { agentIds: ['not an id'], start } } },
    });
    expect(refused.status).toBe(422);
    const rotation = {
      agentIds: ['ana', 'ben'],
      start,
      overrides: [
        {
          from: new Date(Date.now() - 86_400_000).toISOString(),
          to: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          agentId: 'ana',
        },
      ],
    };
    const patched = await call(admin, 'PATCH', '/v1/org/settings', {
      body: { timeZone: 'America/Chicago', onCall: { maintenance: rotation } },
    });
    expect(patched.status).toBe(200);
    const org = await call(admin, 'GET', '/v1/org');
    expect((org.body.settings as { onCall: unknown }).onCall).toEqual({ maintenance: rotation });
  });

  it('runs the emergency workflow: its step waits on maintenance, whose on-call agent is paged at once', async () => {
    const started = await call(requester, 'POST', '/v1/workflows', {
      body: {
        type: 'maintenance_emergency',
        facts: { summary: 'Water through the ceiling light', estimateUsd: 400 },
      },
    });
    expect(started.status).toBe(201);
    const workflowId = String(started.body.workflowId);
    const runner = await loadHandler<SqsHandler>('workflow');
    const owed = (await stack.drain('workflow')).filter((m) => (m.Body ?? '').includes(workflowId));
    expect(owed.length).toBeGreaterThan(0);
    await runner(sqsEventFromMessages(owed), lambdaContext('workflow'));

    const first = await pagesReceived();
    expect(sent(first)).toEqual(['ana@on_call']);
    expect(first[0]).toMatchObject({
      department: 'maintenance',
      urgency: 'emergency',
      subject: `workflow:${workflowId}`,
    });
    expect(JSON.stringify(first[0])).not.toContain('Water');
    pageId = first[0]?.pageId ?? '';

    const listed = await call(keyOf('ana'), 'GET', '/v1/pages', {
      query: { mine: 'true', status: 'paging' },
    });
    expect(listed.status).toBe(200);
    const [page] = listed.body.pages as { pageId: string; createdAt: string; targets: unknown[] }[];
    expect(page?.pageId).toBe(pageId);
    expect(page?.targets).toEqual([expect.objectContaining({ agentId: 'ana', level: 'on_call' })]);
    openedAt = Date.parse(page?.createdAt ?? '');
    expect((await call(keyOf('cy'), 'GET', '/v1/pages', { query: { mine: 'true' } })).body.pages).toEqual([]);
  });

  it('is paged again at 5 minutes, to the next in the rotation at 15 and the property manager at 30', async () => {
    const rounds: string[] = [];
    for (const minute of [1, 5, 10, 15, 20, 25, 30]) {
      await sweepPages(sweepDeps(), at(minute));
      rounds.push(...sent(await pagesReceived()).map((s) => `${minute}:${s}`));
    }
    expect(rounds).toEqual([
      '5:ana@on_call',
      '10:ana@on_call',
      '15:ben@next_on_call',
      '20:ben@next_on_call',
      '25:ben@next_on_call',
      '30:pm-1@property_manager',
    ]);
  });

  it('the sweeper function pages a due page first thing', async () => {
    // A page due long ago, as a sweeper that was down would find it: the deployed function re-pages it.
    const store = new DynamoPageStore(stack.resources.tables.main);
    const page = await store.get(orgId, pageId, at(31));
    if (!page) throw new Error('the page is gone');
    expect(
      await store.save({ ...page, nextAt: new Date(Date.now() - 60_000).toISOString() }, page.version),
    ).toBe('saved');
    const sweeper =
      await loadHandler<(event: ScheduledEvent, context: unknown) => Promise<{ pages: unknown }>>('sweeper');
    const result = await sweeper({} as ScheduledEvent, lambdaContext('sweeper'));
    expect(result.pages).toMatchObject({ sent: 1, failed: [] });
    expect(sent(await pagesReceived())).toEqual(['pm-1@property_manager']);
  });

  it('is acknowledged by a paged agent’s key once; another agent, an admin key and a second ack are refused', async () => {
    const ack = (principal: Principal) =>
      call(principal, 'POST', '/v1/pages/{pageId}/ack', { params: { pageId } });
    const stranger = await ack(keyOf('cy'));
    expect(stranger.status).toBe(403);
    expect(stranger.body.type).toBe('urn:aictive:problem:not-paged');
    expect((await ack(admin)).status).toBe(403);
    const done = await ack(keyOf('ben'));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ pageId, status: 'acknowledged', ackBy: 'ben' });
    expect(done.body).not.toHaveProperty('nextAt');
    const twice = await ack(keyOf('ana'));
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe('urn:aictive:problem:already-acknowledged');
    expect(
      (await call(keyOf('ana'), 'POST', '/v1/pages/{pageId}/ack', { params: { pageId: 'pg_nothing' } }))
        .status,
    ).toBe(404);

    // The paging has stopped: later sweeps page nobody.
    for (const minute of [45, 60]) await sweepPages(sweepDeps(), at(minute));
    expect(await pagesReceived()).toEqual([]);
    const acknowledged = await call(keyOf('ben'), 'GET', '/v1/pages', { query: { status: 'acknowledged' } });
    expect((acknowledged.body.pages as { pageId: string }[]).map((p) => p.pageId)).toEqual([pageId]);

    const audit = await new DynamoAuditTrail(stack.resources.tables.main).list(
      orgId,
      { action: 'page.acknowledged' },
      { limit: 10 },
      new Date(),
    );
    expect(audit.records).toEqual([
      expect.objectContaining({
        actor: { kind: 'key', keyId: 'key-ben', agentId: 'ben' },
        target: { kind: 'page', id: pageId },
        from: { ip: '127.0.0.1', userAgent: 'pager-app/1.0' },
      }),
    ]);
  });
});
