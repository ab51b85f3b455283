import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { systemClock } from '#platform/clock.ts';
import { stableId } from '#platform/security/ids.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import { runAictive } from '#test/support/cli-process.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { advanceWorkflow } from '#usecases/advance-workflow.ts';
import { WORKFLOW_ID } from '#vocabulary/workflows.ts';

/**
 * The workflow routes through the api function on the emulators: a manual start, what waits on
 * whom, approvals with every refusal, the listing's filters and cursor, a task, a signal, an
 * invoice, the response links vendors answer through, and `aictive sweep --at` moving time.
 */
let stack: TestStack;
let api: ApiHandler;
let store: DynamoWorkflowStore;
const orgId = 'org-workflows-api';

type Principal = { orgId: string; keyId: string; scopes: string[]; role?: string; agentId?: string };
const requester: Principal = {
  orgId,
  keyId: 'key-requester',
  scopes: ['workflows:read', 'workflows:write'],
  role: 'property_manager',
  agentId: 'ana@example.com',
};
const lead: Principal = {
  orgId,
  keyId: 'key-lead',
  scopes: ['workflows:read', 'approvals:write'],
  role: 'maintenance_tech_lead',
  agentId: 'tom@example.com',
};
/** Ana again, through a second key that holds the tech lead's role: still the requester. */
const requesterAsLead: Principal = { ...lead, keyId: 'key-ana-lead', agentId: 'ana@example.com' };
const tech: Principal = { ...lead, keyId: 'key-tech', role: 'maintenance_tech', agentId: 'max@example.com' };
const leadWithoutApprovals: Principal = { ...lead, keyId: 'key-lead-ro', scopes: ['workflows:read'] };
const manager: Principal = {
  orgId,
  keyId: 'key-manager',
  scopes: ['workflows:read', 'workflows:write'],
  role: 'assistant_manager',
  agentId: 'meg@example.com',
};
const stranger: Principal = {
  orgId: 'org-workflows-other',
  keyId: 'key-other',
  scopes: ['admin'],
  role: 'maintenance_tech_lead',
};

interface Answer {
  readonly [member: string]: unknown;
  readonly workflowId: string;
  readonly state: string;
  readonly status: string;
  readonly type: string;
  readonly waiting?: { stepId: string; holder?: string; offer?: { vendorId: string; expiresAt: string } };
  readonly workflows: readonly { workflowId: string }[];
  readonly approvals: readonly { workflowId: string }[];
  readonly nextCursor?: string;
  readonly history: readonly { from: string; to: string; actor: unknown }[];
  readonly pendingEffects: readonly { effectId: string; kind: string; workflowType?: string }[];
}

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  store = new DynamoWorkflowStore(stack.resources.tables.main);
  // The vendors the repairs are offered to, as the sync keeps them (only active, synced vendors are offered a job).
  const snapshots = new DynamoSnapshotStore(stack.resources.tables.main);
  for (const id of ['11', '12'])
    await snapshots.put(
      orgId,
      { kind: 'contact', id, data: { contactId: id, role: 'vendor' } },
      new Date().toISOString(),
    );
});
afterAll(async () => stack?.stop());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(() => api)<Answer>(...args);

const repair = (facts: Record<string, unknown> = {}, type = 'maintenance_routine') => ({
  type,
  facts: {
    summary: 'The kitchen tap drips',
    estimateUsd: 300,
    propertyId: '7',
    vendorCandidates: ['11', '12'],
    ...facts,
  },
});
const start = async (
  body: unknown = repair(),
  principal = requester,
  headers: Record<string, string> = {},
) => {
  const answer = await call(principal, 'POST', '/v1/workflows', { body, headers });
  expect(answer.status).toBe(201);
  return answer.body;
};
const decide = (
  principal: Principal,
  workflowId: string,
  body: unknown = { stepId: 'approve_dispatch.1', decision: 'approve' },
) => call(principal, 'POST', '/v1/workflows/{workflowId}/approvals', { params: { workflowId }, body });
const problemType = (slug: string) => `urn:aictive:problem:${slug}`;

describe('starting a workflow by hand', () => {
  it('answers 201 with Location, and GET shows the approval waiting on the right role', async () => {
    const created = await call(requester, 'POST', '/v1/workflows', { body: repair() });
    expect(created.status).toBe(201);
    const { workflowId } = created.body;
    expect(workflowId).toMatch(WORKFLOW_ID);
    expect(created.headers.location).toBe(`/v1/workflows/${workflowId}`);
    const read = await call(requester, 'GET', '/v1/workflows/{workflowId}', { params: { workflowId } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      type: 'maintenance_routine',
      status: 'open',
      state: 'approve_dispatch',
      stateTitle: 'Approve the dispatch',
      source: { kind: 'manual' },
      requestedBy: { kind: 'person', personId: 'ana@example.com', role: 'property_manager' },
      waiting: {
        stepId: 'approve_dispatch.1',
        kind: 'approval',
        holder: 'maintenance_tech_lead',
        amountUsd: 300,
      },
    });
    expect(read.body.history.length).toBeGreaterThan(0);
    // The workflow queue is told the workflow owes its runner its first notice.
    const sent = (await stack.drain('workflow')).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(sent).toContainEqual({ source: 'workflow', orgId, workflowId });
  });

  it('derives the workflow from the Idempotency-Key: the same key again is 200 with the same workflow', async () => {
    const headers = { 'Idempotency-Key': 'manual-start-1' };
    const first = await call(requester, 'POST', '/v1/workflows', { body: repair(), headers });
    const again = await call(requester, 'POST', '/v1/workflows', { body: repair(), headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.workflowId).toBe(first.body.workflowId);
  });

  it('refuses a start outside its bounds (422), and a key without workflows:write (403)', async () => {
    const long = await call(requester, 'POST', '/v1/workflows', {
      body: repair({ summary: 'x'.repeat(301) }),
    });
    expect(long).toMatchObject({ status: 422, body: { type: problemType('validation') } });
    const unknown = await call(requester, 'POST', '/v1/workflows', {
      body: { type: 'heist', facts: { summary: 'x' } },
    });
    expect(unknown.status).toBe(422);
    expect((await call(lead, 'POST', '/v1/workflows', { body: repair() })).status).toBe(403);
  });
});

describe('approvals', () => {
  it('lists the approval for the role holding it, not for another', async () => {
    const { workflowId } = await start();
    const mine = await call(lead, 'GET', '/v1/approvals');
    expect(mine.status).toBe(200);
    expect(mine.body.approvals.map((a) => a.workflowId)).toContain(workflowId);
    const theirs = await call(tech, 'GET', '/v1/approvals');
    expect(theirs.body.approvals.map((a) => a.workflowId)).not.toContain(workflowId);
    const { role: _role, ...roleless } = lead;
    const none = await call(roleless, 'GET', '/v1/approvals');
    expect(none).toMatchObject({
      status: 200,
      body: { approvals: [], note: expect.stringContaining('no role') },
    });
  });

  it('moves on when the right role approves; refuses the requester, another role, a second decision, a key without the scope', async () => {
    const { workflowId } = await start();
    expect((await decide(tech, workflowId)).body).toMatchObject({
      status: 403,
      type: problemType('not-your-step'),
    });
    expect((await decide(requesterAsLead, workflowId)).body).toMatchObject({
      status: 403,
      type: problemType('own-request'),
    });
    expect((await decide(leadWithoutApprovals, workflowId)).status).toBe(403);
    const approved = await decide(lead, workflowId);
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('create_work_order');
    expect((await call(lead, 'GET', '/v1/approvals')).body.approvals.map((a) => a.workflowId)).not.toContain(
      workflowId,
    );
    const twice = await decide(lead, workflowId);
    expect(twice.status).toBe(409);
  });

  it('follows the reject path when rejected', async () => {
    const { workflowId } = await start();
    const rejected = await decide(lead, workflowId, {
      stepId: 'approve_dispatch.1',
      decision: 'reject',
      comment: 'Not worth a visit',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', state: 'rejected' });
  });

  it("answers another org's workflow as one that does not exist", async () => {
    const { workflowId } = await start();
    const read = await call(stranger, 'GET', '/v1/workflows/{workflowId}', { params: { workflowId } });
    expect(read).toMatchObject({ status: 404, body: { type: problemType('not-found') } });
    expect((await decide(stranger, workflowId)).status).toBe(404);
    const listed = await call(stranger, 'GET', '/v1/workflows');
    expect(listed.body.workflows.map((w) => w.workflowId)).not.toContain(workflowId);
  });
});

describe('GET /v1/workflows', () => {
  it('filters by type, state, property and time, newest first, and pages with the cursor', async () => {
    const since = new Date().toISOString();
    const a = await start(repair({ propertyId: '901' }));
    const b = await start(repair({ propertyId: '901' }, 'triage'));
    const c = await start(repair({ propertyId: '901' }));
    const byProperty = await call(requester, 'GET', '/v1/workflows', { query: { propertyId: '901' } });
    expect(byProperty.body.workflows.map((w) => w.workflowId)).toEqual([
      c.workflowId,
      b.workflowId,
      a.workflowId,
    ]);
    const triage = await call(requester, 'GET', '/v1/workflows', {
      query: { propertyId: '901', type: 'triage' },
    });
    expect(triage.body.workflows.map((w) => w.workflowId)).toEqual([b.workflowId]);
    const reviewing = await call(requester, 'GET', '/v1/workflows', { query: { state: 'review', since } });
    expect(reviewing.body.workflows.map((w) => w.workflowId)).toEqual([b.workflowId]);
    const later = await call(requester, 'GET', '/v1/workflows', {
      query: { propertyId: '901', since: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(later.body.workflows).toEqual([]);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = await call(requester, 'GET', '/v1/workflows', {
        query: { propertyId: '901', limit: '1', ...(cursor ? { cursor } : {}) },
      });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.workflows.map((w) => w.workflowId));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([c.workflowId, b.workflowId, a.workflowId]);
    const misspelt = await call(requester, 'GET', '/v1/workflows', { query: { propertyID: '901' } });
    expect(misspelt.status).toBe(422);
  });
});

describe('tasks, signals and invoices', () => {
  it('completes a task the caller’s role holds; an outcome it does not name is 422', async () => {
    const { workflowId } = await start(repair({}, 'triage'));
    const path = { params: { workflowId } };
    const wrong = await call(manager, 'POST', '/v1/workflows/{workflowId}/tasks', {
      ...path,
      body: { stepId: 'review.1', outcome: 'shrugged' },
    });
    expect(wrong.body).toMatchObject({ status: 422, type: problemType('invalid-outcome') });
    const done = await call(manager, 'POST', '/v1/workflows/{workflowId}/tasks', {
      ...path,
      body: { stepId: 'review.1', outcome: 'handled', comment: 'Called the resident back' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', state: 'handled' });
    const again = await call(manager, 'POST', '/v1/workflows/{workflowId}/tasks', {
      ...path,
      body: { stepId: 'review.1', outcome: 'handled' },
    });
    expect(again.body).toMatchObject({ status: 409, type: problemType('workflow-closed') });
  });

  it('answers a signal nothing waits for 202 with a note', async () => {
    const { workflowId } = await start();
    const answer = await call(requester, 'POST', '/v1/workflows/{workflowId}/signals', {
      params: { workflowId },
      body: { signal: 'renewal_accepted' },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ workflowId, state: 'approve_dispatch', note: expect.any(String) });
  });

  it('starts a vendor_invoice approval for an invoice above the approved amount, once the runner runs', async () => {
    const { workflowId } = await start();
    await decide(lead, workflowId);
    const answer = await call(requester, 'POST', '/v1/workflows/{workflowId}/invoices', {
      params: { workflowId },
      body: { invoiceId: 'INV-2026-001', amountUsd: 900 },
    });
    expect(answer.status).toBe(200);
    const effect = answer.body.pendingEffects.find((e) => e.kind === 'start_workflow');
    expect(effect).toMatchObject({ workflowType: 'vendor_invoice' });
    // The workflow function runs what the workflow owes, as the queue hands it the messages.
    const runner = await loadHandler<SqsHandler>('workflow');
    const owed = (await stack.drain('workflow')).filter((m) => (m.Body ?? '').includes(workflowId));
    expect(owed.length).toBeGreaterThan(0);
    await runner(sqsEventFromMessages(owed), lambdaContext('workflow'));
    const childId = stableId('wf', orgId, `child:${workflowId}:${(effect as { effectId: string }).effectId}`);
    const child = await call(requester, 'GET', '/v1/workflows/{workflowId}', {
      params: { workflowId: childId },
    });
    expect(child.body).toMatchObject({
      type: 'vendor_invoice',
      source: { kind: 'workflow', workflowId },
      facts: { invoiceUsd: 900, parentWorkflowId: workflowId },
      waiting: { kind: 'approval' },
    });
  });
});

describe('response links', () => {
  const secret = () => process.env.RESPONSE_LINK_SECRET ?? '';
  /** A repair approved and its work order written (as the runner reports it): the job offered to vendor 11. */
  async function offered() {
    const { workflowId } = await start();
    await decide(lead, workflowId);
    const deps = {
      workflows: store,
      settings: new OrgWorkflowSettings(new DynamoOrgSettingsStore(stack.resources.tables.main)),
      queue: new SqsWorkQueue({ workflow: stack.resources.queues.workflow.url }),
      clock: systemClock,
    };
    const stored = await store.get(orgId, workflowId);
    const result = await advanceWorkflow(deps, {
      orgId,
      workflowId,
      inputId: 'runner:test',
      input: {
        kind: 'effects_done',
        effectIds: (stored?.pendingEffects ?? []).map((e) => e.effectId),
        workOrderId: '4711',
      },
      actor: { kind: 'system', name: 'runner' },
    });
    expect(result.outcome).toBe('applied');
    const workflow = await store.get(orgId, workflowId);
    const offer = workflow?.waiting?.offer;
    if (!workflow?.waiting || !offer) throw new Error('expected an open vendor offer');
    const link = (expiresAt = offer.expiresAt) =>
      issueResponseLink(
        {
          purpose: 'vendor_offer',
          orgId,
          workflowId,
          stepId: workflow.waiting?.stepId ?? '',
          offerId: offer.offerId,
          vendorId: offer.vendorId,
          expiresAt,
        },
        secret(),
      );
    return { workflowId, offer, link };
  }
  const respond = (method: string, token: string, body?: unknown) =>
    call(undefined, method, '/v1/respond/{token}', { params: { token }, ...(body ? { body } : {}) });

  it('shows the offer, takes the acceptance once, and moves the workflow on', async () => {
    const { workflowId, offer, link } = await offered();
    const token = link();
    const shown = await respond('GET', token);
    expect(shown).toMatchObject({
      status: 200,
      body: {
        purpose: 'vendor_offer',
        expiresAt: offer.expiresAt,
        open: true,
        decisions: ['accept', 'decline'],
      },
    });
    expect(JSON.stringify(shown.body)).not.toContain(orgId);
    const accepted = await respond('POST', token, {
      decision: 'accept',
      proposedTime: '2026-12-01T09:00:00-06:00',
    });
    expect(accepted).toMatchObject({
      status: 200,
      body: { purpose: 'vendor_offer', decision: 'accept', recorded: true },
    });
    const read = await call(requester, 'GET', '/v1/workflows/{workflowId}', { params: { workflowId } });
    expect(read.body).toMatchObject({ state: 'assign_vendor', facts: { vendorId: '11' } });
    const again = await respond('POST', token, { decision: 'accept' });
    expect(again).toMatchObject({ status: 409, body: { type: problemType('already-used') } });

    // Rentvine reports the work done (staff record it): the resident is asked to confirm.
    const signal = await call(requester, 'POST', '/v1/workflows/{workflowId}/signals', {
      params: { workflowId },
      body: { signal: 'work_order_completed' },
    });
    expect(signal).toMatchObject({ status: 200, body: { state: 'awaiting_confirmation' } });
  });

  it('refuses an expired link 410, a tampered one 404, an answer of the other purpose 422', async () => {
    const { link } = await offered();
    const expired = link(new Date(Date.now() - 60_000).toISOString());
    expect((await respond('GET', expired)).status).toBe(410);
    expect((await respond('POST', expired, { decision: 'accept' })).body).toMatchObject({
      status: 410,
      type: problemType('link-expired'),
    });
    const token = link();
    const [payload, signature] = token.split('.') as [string, string];
    const tampered = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await respond('GET', tampered)).status).toBe(404);
    expect((await respond('POST', tampered, { decision: 'accept' })).status).toBe(404);
    expect((await respond('GET', 'nonsense')).status).toBe(404);
    expect((await respond('POST', token, { decision: 'approve' })).status).toBe(422);
    // Refused answers spend nothing: the genuine answer still goes through.
    expect((await respond('POST', token, { decision: 'decline' })).status).toBe(200);
  });
});

describe('the org settings for workflows', () => {
  const admin: Principal = { orgId: 'org-workflows-settings', keyId: 'key-admin', scopes: ['admin'] };
  it('patches the approval policy and vendor ranking, shows them, and refuses a policy broken as a whole', async () => {
    const patched = await call(admin, 'PATCH', '/v1/org/settings', {
      body: {
        approvalPolicy: { roleLimitsUsd: { maintenance_tech_lead: 750, president: 'unlimited' } },
        vendorRanking: { byTrade: { plumbing: ['11', '12'] } },
      },
    });
    expect(patched.status).toBe(200);
    const org = await call(admin, 'GET', '/v1/org');
    expect(org.body.settings).toMatchObject({
      approvalPolicy: { roleLimitsUsd: { maintenance_tech_lead: 750, president: 'unlimited' } },
      vendorRanking: { byTrade: { plumbing: ['11', '12'] } },
    });
    const broken = await call(admin, 'PATCH', '/v1/org/settings', {
      body: { approvalPolicy: { roleLimitsUsd: { maintenance_supervisor: 100 } } },
    });
    expect(broken).toMatchObject({
      status: 422,
      body: { type: problemType('validation'), detail: expect.stringContaining('maintenance_supervisor') },
    });
    const unknownRole = await call(admin, 'PATCH', '/v1/org/settings', {
      body: { approvalPolicy: { roleLimitsUsd: { janitor: 5 } } },
    });
    expect(unknownRole.status).toBe(422);
    const after = await call(admin, 'GET', '/v1/org');
    expect(after.body.settings).toEqual(org.body.settings);
  });
});

describe('aictive sweep --at', () => {
  it('escalates an approval overdue at that time, and says so in its figures', async () => {
    const { workflowId } = await start();
    const stored = await store.get(orgId, workflowId);
    const dueAt = stored?.waiting?.dueAt ?? '';
    const at = new Date(Date.parse(dueAt) + 60_000).toISOString();
    const result = await runAictive(
      [
        'sweep',
        '--at',
        at,
        '--table',
        stack.resources.tables.main,
        '--queue-url',
        stack.resources.queues.workflow.url,
      ],
      stack.env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const figures = JSON.parse(lines[0] ?? '{}');
    expect(figures).toMatchObject({ at });
    expect(figures.due).toBeGreaterThanOrEqual(1);
    expect(figures.advanced).toBeGreaterThanOrEqual(1);
    expect(figures.escalations).toBeGreaterThanOrEqual(1);
    expect(figures.itemsRead).toBeGreaterThanOrEqual(1);
    const read = await call(requester, 'GET', '/v1/workflows/{workflowId}', { params: { workflowId } });
    expect(read.body.waiting).toMatchObject({ holder: 'maintenance_supervisor', escalations: 1 });
  });

  it('refuses an --at that is not an ISO time with its zone: one line, exit 2', async () => {
    for (const bad of ['tomorrow', '2026-11-21T09:30', '2026-13-45T00:00:00Z']) {
      const result = await runAictive(
        ['sweep', '--at', bad, '--table', 't', '--queue-url', 'http://q'],
        stack.env,
      );
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/--at must be an ISO date and time/);
      expect(result.stdout).toBe('');
    }
  });
});
