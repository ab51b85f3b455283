import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { sweepWorkflows } from '#usecases/sweep-workflows.ts';

/**
 * The workflow engine end to end on the emulators, with the Rentvine simulator as the account:
 * an emergency email through the api, the classifier and the workflow function; the approval by
 * the role that holds it; exactly one work order however often the run is delivered; the vendor
 * offers and their signed links (an ignored offer passing to the next vendor at its deadline, a
 * used or stale link refused); the reject path; an overdue approval escalating at a moved clock;
 * and two consumers racing on one workflow.
 */
const orgId = 'demo';
let sim: RentvineSimulator;
let stack: TestStack;
let api: ApiHandler;
let classifier: SqsHandler;
let workflowFunction: SqsHandler;
let store: DynamoWorkflowStore;
let propertyId: string;
let vendors: string[];

type Principal = { orgId: string; keyId: string; scopes: string[]; role?: string; agentId?: string };
const admin: Principal = { orgId, keyId: 'key-admin', scopes: ['admin'] };
const intake: Principal = { orgId, keyId: 'key-intake', scopes: ['emails:write', 'emails:read'] };
const supervisor: Principal = {
  orgId,
  keyId: 'key-sam',
  scopes: ['workflows:read', 'approvals:write'],
  role: 'maintenance_supervisor',
  agentId: 'sam',
};
const otherSupervisor: Principal = { ...supervisor, keyId: 'key-sue', agentId: 'sue' };

beforeAll(async () => {
  sim = await startRentvineSimulator({ properties: 2, units: 6, seed: 11 });
  process.env.RENTVINE_BASE_URL = sim.baseUrl;
  process.env.RENTVINE_ACCESS_KEY = sim.credentials.accessKey;
  process.env.RENTVINE_SECRET = sim.credentials.secret;
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
  workflowFunction = await loadHandler<SqsHandler>('workflow');
  store = new DynamoWorkflowStore(stack.resources.tables.main);
  // The synced records the workflows read: properties, vendors.
  const sync =
    await loadHandler<(event: ScheduledEvent, context: unknown) => Promise<unknown>>('rentvine-sync');
  await sync({} as ScheduledEvent, lambdaContext('rentvine-sync', 120_000));
  propertyId = String(sim.portfolio.properties[0]?.propertyID);
  vendors = sim.portfolio
    .contacts('vendor')
    .slice(0, 2)
    .map((v) => String(v.contactID));
  const patched = await call(admin, 'PATCH', '/v1/org/settings', {
    body: { vendorRanking: { byTrade: { plumbing: vendors } } },
  });
  expect(patched.status).toBe(200);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await sim?.close();
  for (const name of ['RENTVINE_BASE_URL', 'RENTVINE_ACCESS_KEY', 'RENTVINE_SECRET'])
    delete process.env[name];
});

const call = apiCaller(() => api);

/** Runs the workflow function over what its queue holds, as SQS would hand it a batch. */
async function runWorkflowQueue(): Promise<number> {
  const messages = await stack.drain('workflow');
  if (messages.length > 0)
    expect(await workflowFunction(sqsEventFromMessages(messages), lambdaContext('workflow'))).toEqual({
      batchItemFailures: [],
    });
  return messages.length;
}

/**
 * Hands the same messages to `consumers` instances of the workflow function at once (each its own
 * module instance, as Lambda runs one invocation per instance), as duplicate deliveries: a copy
 * finding an effect in progress fails and SQS would hand it back later; one must succeed.
 */
async function deliverConcurrently(messages: readonly { Body?: string }[], consumers: number): Promise<void> {
  const instances: SqsHandler[] = [];
  for (let i = 0; i < consumers; i += 1) {
    vi.resetModules();
    instances.push(await loadHandler<SqsHandler>('workflow'));
  }
  // A batch whose every record failed throws (SQS then redelivers it whole).
  const runs = await Promise.allSettled(
    instances.map((instance) => instance(sqsEventFromMessages(messages), lambdaContext('workflow'))),
  );
  const clean = runs.filter(
    (run) =>
      run.status === 'fulfilled' &&
      (run.value as { batchItemFailures: unknown[] }).batchItemFailures.length === 0,
  );
  expect(clean.length).toBeGreaterThanOrEqual(1);
}

/** Runs the workflow function until its queue is empty (bounded). */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) if ((await runWorkflowQueue()) === 0) return;
}

async function emergency(messageId: string): Promise<Workflow> {
  const submitted = await call(intake, 'POST', '/v1/emails', {
    body: {
      messageId,
      from: 'tenant@example.test',
      subject: 'Water pouring through the ceiling',
      text: 'Water is pouring through the kitchen ceiling onto the light fixture, please send someone now.',
      propertyId,
    },
  });
  expect(submitted.status).toBe(202);
  const queued = await stack.drain('classify');
  expect(await classifier(sqsEventFromMessages(queued), lambdaContext('classifier'))).toEqual({
    batchItemFailures: [],
  });
  await settle();
  const email = await call(intake, 'GET', '/v1/emails/{emailId}', {
    params: { emailId: String(submitted.body.emailId) },
  });
  const workflowId = String(email.body.workflowId);
  return stored(workflowId);
}

async function stored(workflowId: string): Promise<Workflow> {
  const workflow = await store.get(orgId, workflowId);
  if (!workflow) throw new Error(`workflow ${workflowId} is not stored`);
  return workflow;
}

function decide(principal: Principal, workflow: Workflow, decision: 'approve' | 'reject') {
  return call(principal, 'POST', '/v1/workflows/{workflowId}/approvals', {
    params: { workflowId: workflow.workflowId },
    body: { stepId: workflow.waiting?.stepId, decision, comment: 'seen' },
  });
}

/** The notices published so far (the topic's local queue), read and removed. */
async function notices(): Promise<{ kind: string; to: string; link?: string }[]> {
  const { queueUrl } = stack.resources.topics.workflowNotices;
  const found: { kind: string; to: string; link?: string }[] = [];
  for (let round = 0; round < 20; round += 1) {
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) {
      found.push(JSON.parse(message.Body ?? '{}'));
      await stack.sqs.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    }
  }
  return found;
}

function answerLink(link: string | undefined, body: object) {
  const token = String(link?.split('/v1/respond/')[1]);
  return call(undefined, 'POST', '/v1/respond/{token}', {
    params: { token },
    body,
  });
}

const workOrderCreates = () =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/maintenance/work-orders').length;

describe('an emergency email through approval to one Rentvine work order and the vendor who takes it', () => {
  it('runs the whole loop', async () => {
    await notices();
    const workflow = await emergency('<flood-1@example.test>');
    expect(workflow).toMatchObject({
      type: 'maintenance_emergency',
      state: 'approve_dispatch',
      facts: { propertyId, vendorCandidates: vendors },
      waiting: { kind: 'approval', holder: 'maintenance_supervisor' },
    });
    expect(await notices()).toContainEqual(
      expect.objectContaining({ kind: 'approval_waiting', to: 'maintenance_supervisor' }),
    );
    const waiting = await call(supervisor, 'GET', '/v1/approvals');
    expect(JSON.stringify(waiting.body)).toContain(workflow.workflowId);

    const before = workOrderCreates();
    expect((await decide(supervisor, workflow, 'approve')).status).toBe(200);
    // The run message delivered to three consumers at once, then again to one after them.
    const runs = await stack.drain('workflow');
    expect(runs).toHaveLength(1);
    await deliverConcurrently(runs, 3);
    expect(await workflowFunction(sqsEventFromMessages(runs), lambdaContext('workflow'))).toEqual({
      batchItemFailures: [],
    });
    await settle();
    expect(workOrderCreates() - before).toBe(1);
    const offered = await stored(workflow.workflowId);
    expect(offered.facts.workOrderId).toBeDefined();
    expect(sim.portfolio.vendorNotification(String(offered.facts.workOrderId))).toBe(false);
    expect(offered).toMatchObject({ state: 'offer_vendor', waiting: { offer: { vendorId: vendors[0] } } });
    const first = (await notices()).find((n) => n.kind === 'offer_vendor');
    expect(first?.to).toBe(`vendor:${vendors[0]}`);

    // The first vendor ignores the offer: at its deadline (15 minutes) the next one gets it.
    const sweep = await sweepWorkflows(
      {
        workflows: store,
        settings: new OrgWorkflowSettings(new DynamoOrgSettingsStore(stack.resources.tables.main)),
        queue: new SqsWorkQueue({ workflow: stack.resources.queues.workflow.url }),
        clock: { now: () => new Date() },
      },
      new Date(Date.now() + 16 * 60_000),
    );
    expect(sweep.advanced).toBeGreaterThanOrEqual(1);
    await settle();
    expect((await stored(workflow.workflowId)).waiting?.offer?.vendorId).toBe(vendors[1]);
    const second = (await notices()).find((n) => n.kind === 'offer_vendor');
    expect(second?.to).toBe(`vendor:${vendors[1]}`);

    // The first vendor's link no longer answers anything; the second vendor accepts once.
    expect((await answerLink(first?.link, { decision: 'accept' })).status).toBeGreaterThanOrEqual(400);
    const accepted = await answerLink(second?.link, {
      decision: 'accept',
      proposedTime: '2026-12-01T15:00:00Z',
    });
    expect(accepted.status).toBe(200);
    expect((await answerLink(second?.link, { decision: 'decline' })).status).toBe(409);
    await settle();
    const assigned = await stored(workflow.workflowId);
    expect(assigned).toMatchObject({ state: 'in_progress', facts: { vendorId: vendors[1] } });
    const workOrder = sim.portfolio.workOrder(String(assigned.facts.workOrderId));
    expect(String(workOrder?.vendorContactID)).toBe(vendors[1]);
    // The approved dispatch's assignment is the one write that lets Rentvine tell the vendor.
    expect(sim.portfolio.vendorNotification(String(assigned.facts.workOrderId))).toBe(true);
    expect(workOrderCreates() - before).toBe(1);
  });
});

describe('the reject path, a moved clock and races', () => {
  it('a rejected emergency dispatch goes to a person and writes nothing to Rentvine', async () => {
    const workflow = await emergency('<flood-2@example.test>');
    const before = workOrderCreates();
    expect((await decide(supervisor, workflow, 'reject')).status).toBe(200);
    await settle();
    expect(await stored(workflow.workflowId)).toMatchObject({
      state: 'handle_by_phone',
      waiting: { kind: 'human_task', holder: 'maintenance_supervisor' },
    });
    expect(workOrderCreates()).toBe(before);
  });

  it('an approval nobody answers escalates when the clock passes its due time', async () => {
    const workflow = await emergency('<flood-3@example.test>');
    const deps = {
      workflows: store,
      settings: new OrgWorkflowSettings(new DynamoOrgSettingsStore(stack.resources.tables.main)),
      queue: new SqsWorkQueue({ workflow: stack.resources.queues.workflow.url }),
      clock: { now: () => new Date() },
    };
    const dueAt = Date.parse(String(workflow.waiting?.dueAt));
    expect(await sweepWorkflows(deps, new Date(dueAt - 1000))).toMatchObject({ advanced: 0 });
    const sweep = await sweepWorkflows(deps, new Date(dueAt + 1000));
    expect(sweep.escalations).toBeGreaterThanOrEqual(1);
    expect((await stored(workflow.workflowId)).waiting?.holder).toBe('property_manager');
    await settle();
  });

  it('two people approving one step at once: one decision counts, the other is told it is decided', async () => {
    const workflow = await emergency('<flood-4@example.test>');
    const answers = await Promise.all([
      decide(supervisor, workflow, 'approve'),
      decide(otherSupervisor, workflow, 'approve'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const after = await stored(workflow.workflowId);
    expect(after.history.filter((h) => h.reason.startsWith('approved by'))).toHaveLength(1);
    await settle();
  });

  it('two consumers starting from the same message make one workflow', async () => {
    const submitted = await call(intake, 'POST', '/v1/emails', {
      body: {
        messageId: '<flood-5@example.test>',
        from: 'tenant@example.test',
        subject: 'Gas smell in the hallway',
        text: 'There is a strong smell of gas in the hallway outside our door right now.',
        propertyId,
      },
    });
    const queued = await stack.drain('classify');
    await classifier(sqsEventFromMessages(queued), lambdaContext('classifier'));
    const starts = await stack.drain('workflow');
    expect(starts).toHaveLength(1);
    await deliverConcurrently(starts, 2);
    await settle();
    const listed = await call(supervisor, 'GET', '/v1/workflows');
    const ids = (listed.body.workflows as { workflowId: string; source?: { emailId?: string } }[]).filter(
      (w) => w.source?.emailId === submitted.body.emailId,
    );
    expect(ids).toHaveLength(1);
  });
});
