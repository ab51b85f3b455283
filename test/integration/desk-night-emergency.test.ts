import { randomBytes } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snsClient } from '#adapters/sns/workflow-notices.ts';
import { localTime } from '#domain/agents/shift.ts';
import { apiCaller, type CallerPrincipal } from '#test/support/api-caller.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The night: an emergency email at 02:00 on the org's clock becomes a workflow, queue
 * items and a page to the maintenance on-call agent; she acknowledges the page, takes the
 * conversation and replies in it; the supervisor decides the approval in the morning; the audit
 * shows each person's step, with who and from where. Everything through the real api, classifier,
 * workflow and sweeper functions on the emulators.
 */
let stack: TestStack;
let api: ApiHandler;
let classifier: SqsHandler;
let workflowFunction: SqsHandler;
let sweeper: (event: ScheduledEvent, context: unknown) => Promise<unknown>;
const call = apiCaller(() => api);
const orgId = `org-night-${randomBytes(3).toString('hex')}`;

const admin: CallerPrincipal = { orgId, keyId: 'key-admin', scopes: ['admin'] };
const intake: CallerPrincipal = { orgId, keyId: 'key-intake', scopes: ['emails:write', 'emails:read'] };
const personal = (agentId: string, role: string, scopes: string[] = []): CallerPrincipal => ({
  orgId,
  keyId: `key-${agentId}`,
  scopes: ['queue:read', 'queue:write', ...scopes],
  role,
  agentId,
});
const nina = personal('nina', 'maintenance_tech');
const sam = personal('sam', 'maintenance_supervisor', ['workflows:read', 'approvals:write']);

/**
 * A fixed-offset zone in which it is now between 02:00 and 02:59, so "at 02:00" holds whenever
 * the test runs (Etc/GMT names count the other way: Etc/GMT+9 is nine hours behind UTC).
 */
function zoneWhereItIsTwoAm(now: Date): string {
  let offset = (((2 - now.getUTCHours()) % 24) + 24) % 24;
  if (offset > 14) offset -= 24;
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function runWorkflowQueue(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const messages = await stack.drain('workflow');
    if (messages.length === 0) return;
    expect(await workflowFunction(sqsEventFromMessages(messages), lambdaContext('workflow'))).toEqual({
      batchItemFailures: [],
    });
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
  workflowFunction = await loadHandler<SqsHandler>('workflow');
  sweeper = await loadHandler<(event: ScheduledEvent, context: unknown) => Promise<unknown>>('sweeper');
}, 120_000);
afterAll(async () => {
  snsClient().destroy();
  await stack?.stop();
});

type Item = { itemId: string; source: { kind: string }; status: string; assignee?: string };
type Page = { pageId: string; status: string; targets: { agentId: string }[] };
type AuditLine = { action: string; actor: { agentId?: string; keyId: string }; from?: { ip?: string } };

describe('an emergency at 02:00 reaches the on-call person, who answers it', () => {
  let emailId = '';
  let workflowId = '';
  let pageId = '';

  it('sets up the desk: the clock, the people, their shifts and the maintenance rotation', async () => {
    const timeZone = zoneWhereItIsTwoAm(new Date());
    expect(localTime(new Date(), timeZone).minute).toBeLessThan(3 * 60);
    expect(localTime(new Date(), timeZone).minute).toBeGreaterThanOrEqual(2 * 60);
    const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const people = [
      // Nights: on shift now, and on call this week.
      {
        agentId: 'nina',
        name: 'Nina',
        role: 'maintenance_tech',
        skills: ['maintenance'],
        shift: { days: everyDay, start: '22:00', end: '06:00' },
      },
      // Days: asleep at 02:00.
      {
        agentId: 'sam',
        name: 'Sam',
        role: 'maintenance_supervisor',
        skills: ['maintenance'],
        shift: { days: everyDay, start: '08:00', end: '17:00' },
      },
      { agentId: 'pat', name: 'Pat', role: 'property_manager', skills: ['maintenance', 'leasing'] },
    ];
    for (const person of people)
      expect((await call(admin, 'POST', '/v1/agents', { body: person })).status).toBe(201);
    for (const who of [nina, sam])
      expect(
        (
          await call(who, 'PUT', '/v1/agents/{agentId}/status', {
            params: { agentId: String(who.agentId) },
            body: { status: 'available' },
          })
        ).status,
      ).toBe(200);
    const settings = await call(admin, 'PATCH', '/v1/org/settings', {
      body: {
        timeZone,
        onCall: {
          maintenance: {
            agentIds: ['nina', 'sam'],
            start: { date: '2026-01-05', time: '09:00' },
            overrides: [
              {
                from: new Date(Date.now() - 86_400_000).toISOString(),
                to: new Date(Date.now() + 86_400_000).toISOString(),
                agentId: 'nina',
              },
            ],
          },
        },
      },
    });
    expect(settings.status).toBe(200);
  });

  it('turns the email into a workflow, queue items and a page to the on-call agent', async () => {
    const submitted = await call(intake, 'POST', '/v1/emails', {
      body: {
        messageId: `<night-${orgId}@example.test>`,
        from: 'tenant@example.test',
        subject: 'Water pouring through the ceiling',
        text: 'Water is pouring through the kitchen ceiling onto the light fixture, please send someone now.',
      },
    });
    expect(submitted.status).toBe(202);
    emailId = String(submitted.body.emailId);
    const queued = await stack.drain('classify');
    expect(await classifier(sqsEventFromMessages(queued), lambdaContext('classifier'))).toEqual({
      batchItemFailures: [],
    });
    await runWorkflowQueue();

    const email = await call(intake, 'GET', '/v1/emails/{emailId}', { params: { emailId } });
    expect(email.body).toMatchObject({ triage: { urgency: 'emergency' } });
    workflowId = String(email.body.workflowId);
    expect(workflowId).toMatch(/^wf_/);

    // The sweeper gives waiting work to whoever may take it now.
    await sweeper({} as ScheduledEvent, lambdaContext('sweeper'));
    const queue = await call<{ items: Item[] }>(sam, 'GET', '/v1/queue');
    const kinds = queue.body.items.map((item) => item.source.kind).sort();
    expect(kinds).toEqual(['conversation', 'workflow_step']);
    // The approval waits on the supervisor's role; the conversation goes to the agent on shift.
    const conversationItem = queue.body.items.find((item) => item.source.kind === 'conversation');
    expect(conversationItem).toMatchObject({ status: 'assigned', assignee: 'nina' });
    const approvalItem = queue.body.items.find((item) => item.source.kind === 'workflow_step');
    expect(approvalItem?.assignee).not.toBe('nina');

    const pages = await call<{ pages: Page[] }>(nina, 'GET', '/v1/pages', { query: { mine: 'true' } });
    expect(pages.body.pages).toHaveLength(1);
    expect(pages.body.pages[0]).toMatchObject({ status: 'paging', targets: [{ agentId: 'nina' }] });
    pageId = String(pages.body.pages[0]?.pageId);
  });

  it('is acknowledged by the on-call agent, who replies in the conversation', async () => {
    const acked = await call(nina, 'POST', '/v1/pages/{pageId}/ack', { params: { pageId } });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', ackBy: 'nina' });

    const conversationId = `cv_${emailId}`;
    const reply = await call(nina, 'POST', '/v1/conversations/{conversationId}/messages', {
      params: { conversationId },
      body: { text: 'I am on my way. Please switch off the kitchen light at the breaker.' },
    });
    expect(reply.status).toBe(201);
    const thread = await call<{ assignee?: string; messages: { kind: string; author: { id?: string } }[] }>(
      nina,
      'GET',
      '/v1/conversations/{conversationId}',
      { params: { conversationId } },
    );
    expect(thread.body.assignee).toBe('nina');
    expect(thread.body.messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['inbound', 'reply']));
    expect(thread.body.messages.find((m) => m.kind === 'reply')?.author.id).toBe('nina');
  });

  it('keeps the approval for the supervisor, whose decision is audited with the rest', async () => {
    const workflow = await call<{ waiting?: { stepId: string; holder?: string } }>(
      sam,
      'GET',
      '/v1/workflows/{workflowId}',
      { params: { workflowId } },
    );
    expect(workflow.body.waiting?.holder).toBe('maintenance_supervisor');
    const decided = await call(sam, 'POST', '/v1/workflows/{workflowId}/approvals', {
      params: { workflowId },
      body: { stepId: workflow.body.waiting?.stepId, decision: 'approve', comment: 'go' },
    });
    expect(decided.status).toBe(200);

    const audit = await call<{ lines: AuditLine[] }>(admin, 'GET', '/v1/audit');
    const steps = audit.body.lines
      .map((line) => `${line.action} by ${line.actor.agentId ?? line.actor.keyId}`)
      .reverse();
    expect(steps).toEqual(
      expect.arrayContaining([
        'agent.created by key-admin',
        'agent.status_changed by nina',
        'settings.changed by key-admin',
        'page.acknowledged by nina',
        'conversation.replied by nina',
        'approval.decided by sam',
      ]),
    );
    const order = (action: string) => steps.findIndex((step) => step.startsWith(action));
    expect(order('page.acknowledged')).toBeLessThan(order('conversation.replied'));
    expect(order('conversation.replied')).toBeLessThan(order('approval.decided'));
    for (const line of audit.body.lines) expect(line.from?.ip).toBe('127.0.0.1');
  });
});
