import { beforeEach, describe, expect, it } from 'vitest';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import type { Principal } from '#domain/access/principal.ts';
import type { Refusal } from '#domain/workflow/transition.ts';
import { REFUSAL_PROBLEMS, workflowOperations } from '#functions/api/workflows.ts';
import type { Operation } from '#platform/http/operation.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemorySnapshotCatalogue } from '#test/support/in-memory/snapshot-catalogue.ts';
import { InMemorySnapshotStore } from '#test/support/in-memory/snapshot-store.ts';
import { InMemoryWorkQueue } from '#test/support/in-memory/work-queue.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { apiEvent } from '#test/support/lambda-events.ts';
import { WORKFLOW_ID } from '#vocabulary/workflows.ts';
import { routineRepair, T0 } from './workflow-fixtures.ts';

/** The workflow operations with the engine and use cases behind them, on a small store (the router has its own tests). */
let store: InMemoryWorkflowStore;
let queue: InMemoryWorkQueue;
let audit: InMemoryAuditTrail;
let ops: ReturnType<typeof workflowOperations>;

const requester: Principal = {
  orgId: 'acme',
  keyId: 'reqkey0000000001',
  scopes: ['workflows:write'],
  role: 'property_manager',
  agentId: 'ana@example.com',
};
const lead: Principal = {
  orgId: 'acme',
  keyId: 'leadkey000000001',
  scopes: ['approvals:write'],
  role: 'maintenance_tech_lead',
  agentId: 'tom@example.com',
};
const tech: Principal = {
  ...lead,
  keyId: 'techkey000000001',
  role: 'maintenance_tech',
  agentId: 'max@example.com',
};

async function call(
  op: Operation,
  principal: Principal,
  parts: { params?: object; body?: unknown; query?: object; headers?: Record<string, string> } = {},
) {
  const response = await op.handle({
    params: parts.params ?? {},
    query: parts.query ?? {},
    body: parts.body,
    principal,
    requestId: 'req-1',
    event: apiEvent({ method: 'POST', resource: '/v1/workflows', headers: parts.headers ?? {} }),
  });
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(response.body) };
}

const start = {
  type: 'maintenance_routine',
  facts: { summary: 'The kitchen tap drips', estimateUsd: 300, propertyId: '7' },
};

beforeEach(() => {
  store = new InMemoryWorkflowStore(new InMemoryRows());
  queue = new InMemoryWorkQueue();
  const snapshots = new InMemorySnapshotStore();
  audit = new InMemoryAuditTrail();
  ops = workflowOperations(
    {
      workflows: store,
      snapshots,
      catalogue: new InMemorySnapshotCatalogue(snapshots),
      settings: new OrgWorkflowSettings(new InMemoryOrgSettingsStore()),
      queue,
      clock: new ManualClock(T0),
    },
    { trail: audit, clock: new ManualClock(T0) },
  );
});

describe('POST /v1/workflows', () => {
  it('starts a workflow with the caller as requester: 201, Location, a random time-ordered id', async () => {
    const answer = await call(ops.startWorkflow, requester, { body: start });
    expect(answer.status).toBe(201);
    expect(answer.body.workflowId).toMatch(WORKFLOW_ID);
    expect(answer.headers.location).toBe(`/v1/workflows/${answer.body.workflowId}`);
    expect(answer.body).toMatchObject({
      urgency: 'medium',
      requestedBy: { kind: 'person', personId: 'ana@example.com', role: 'property_manager' },
      waiting: { holder: 'maintenance_tech_lead', stepId: 'approve_dispatch.1' },
    });
    // Its first step's notice is owed: the workflow queue is told.
    expect(queue.take('workflow')).toEqual([
      { source: 'workflow', orgId: 'acme', workflowId: answer.body.workflowId },
    ]);
    const again = await call(ops.startWorkflow, requester, { body: start });
    expect(again.body.workflowId).not.toBe(answer.body.workflowId);
  });

  it('derives the id from the Idempotency-Key: the same key again is 200 with the same workflow', async () => {
    const headers = { 'Idempotency-Key': 'start-7f3a' };
    const first = await call(ops.startWorkflow, requester, { body: start, headers });
    const second = await call(ops.startWorkflow, requester, { body: { ...start, type: 'triage' }, headers });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    const other = await call(
      ops.startWorkflow,
      { ...requester, keyId: 'otherkey00000001' },
      { body: start, headers },
    );
    expect(other.status).toBe(201);
    expect(other.body.workflowId).not.toBe(first.body.workflowId);
  });

  it('refuses an Idempotency-Key outside its format (422 naming the header)', async () => {
    const answer = await call(ops.startWorkflow, requester, {
      body: start,
      headers: { 'Idempotency-Key': 'a b' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
  });

  it('makes a maintenance_emergency an emergency unless told otherwise', async () => {
    const answer = await call(ops.startWorkflow, requester, {
      body: { ...start, type: 'maintenance_emergency' },
    });
    expect(answer.body.urgency).toBe('emergency');
  });
});

describe('POST /v1/workflows/{id}/approvals', () => {
  const decide = (principal: Principal, headers: Record<string, string> = {}) =>
    call(ops.decideWorkflowStep, principal, {
      params: { workflowId: 'wf_0123456789abcdef0123456789abcdef' },
      body: { stepId: 'approve_dispatch.1', decision: 'approve' },
      headers,
    });

  beforeEach(async () => {
    await store.create(routineRepair());
  });

  it('moves the workflow on when the role holding the step approves', async () => {
    const answer = await decide(lead);
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('create_work_order');
    expect(answer.body.history.at(-1)).toMatchObject({
      from: 'approve_dispatch',
      actor: { kind: 'person', personId: 'tom@example.com', role: 'maintenance_tech_lead' },
    });
  });

  it('answers each refusal with its problem: another role 403, the requester 403, twice 409, no workflow 404', async () => {
    expect((await decide(tech)).body).toMatchObject({
      status: 403,
      type: 'urn:aictive:problem:not-your-step',
    });
    const own = await decide({ ...lead, agentId: 'ana@example.com' });
    expect(own.body).toMatchObject({ status: 403, type: 'urn:aictive:problem:own-request' });
    expect((await decide(lead)).status).toBe(200);
    expect((await decide(lead)).body).toMatchObject({
      status: 409,
      type: 'urn:aictive:problem:step-not-waiting',
    });
    const missing = await call(ops.decideWorkflowStep, lead, {
      params: { workflowId: 'wf_ffffffffffffffffffffffffffffffff' },
      body: { stepId: 'approve_dispatch.1', decision: 'approve' },
    });
    expect(missing.body).toMatchObject({ status: 404, type: 'urn:aictive:problem:not-found' });
  });

  it('applies a retried decision once: the same Idempotency-Key answers 200 with the workflow as it is', async () => {
    const first = await decide(lead, { 'Idempotency-Key': 'k-1' });
    const retry = await decide(lead, { 'Idempotency-Key': 'k-1' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.version).toBeUndefined();
    expect(retry.body).toEqual(first.body);
  });

  it('audits a decision once it is applied: never a refusal, never a retry', async () => {
    await decide(tech);
    await decide(lead, { 'Idempotency-Key': 'k-2' });
    await decide(lead, { 'Idempotency-Key': 'k-2' });
    await decide(lead);
    const { records } = await audit.list('acme', {}, { limit: 10 }, new Date(T0.getTime() + 60_000));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'approval.decided',
      actor: { kind: 'key', keyId: 'leadkey000000001', agentId: 'tom@example.com' },
      target: { kind: 'workflow', id: 'wf_0123456789abcdef0123456789abcdef' },
      before: { state: 'approve_dispatch' },
      after: { stepId: 'approve_dispatch.1', decision: 'approve', state: 'create_work_order' },
      from: { ip: '127.0.0.1' },
    });
  });
});

describe('the other inputs', () => {
  const path = { workflowId: 'wf_0123456789abcdef0123456789abcdef' };
  beforeEach(async () => {
    await store.create(routineRepair());
  });

  it('answers a signal nothing waits for 202 with the workflow and a note', async () => {
    const answer = await call(ops.signalWorkflow, requester, {
      params: path,
      body: { signal: 'renewal_declined' },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      state: 'approve_dispatch',
      note: expect.stringContaining('renewal_declined'),
    });
  });

  it('refuses a task outcome on a step that is no task (409), and an invoice on a workflow that takes none (422)', async () => {
    const task = await call(ops.completeWorkflowTask, requester, {
      params: path,
      body: { stepId: 'approve_dispatch.1', outcome: 'done' },
    });
    expect(task.body).toMatchObject({ status: 409, type: 'urn:aictive:problem:step-not-waiting' });
    await store.create({ ...routineRepair('acme', 'wf_11111111111111111111111111111111'), type: 'triage' });
    const invoice = await call(ops.recordInvoice, requester, {
      params: { workflowId: 'wf_11111111111111111111111111111111' },
      body: { invoiceId: 'inv-1', amountUsd: 10 },
    });
    expect(invoice.body).toMatchObject({ status: 422, type: 'urn:aictive:problem:not-applicable' });
  });
});

describe('GET /v1/approvals', () => {
  it('lists what waits on the caller’s role, and tells a key without a role why it sees nothing', async () => {
    await store.create(routineRepair());
    const mine = await call(ops.listApprovals, lead, { query: { limit: 50 } });
    expect(mine.body.approvals.map((a: { workflowId: string }) => a.workflowId)).toEqual([
      'wf_0123456789abcdef0123456789abcdef',
    ]);
    expect((await call(ops.listApprovals, tech, { query: { limit: 50 } })).body.approvals).toEqual([]);
    const { role: _role, ...roleless } = lead;
    const none = await call(ops.listApprovals, roleless, { query: { limit: 50 } });
    expect(none).toMatchObject({
      status: 200,
      body: { approvals: [], note: expect.stringContaining('no role') },
    });
  });
});

describe('refusal problems', () => {
  it('gives every refusal of the engine a stable type and the status the API promises', () => {
    const statuses: Record<Refusal, number> = {
      closed: 409,
      not_waiting: 409,
      already_decided: 409,
      not_your_step: 403,
      own_request: 403,
      invalid_outcome: 422,
      missing_fact: 422,
      not_applicable: 422,
      offer_expired: 410,
    };
    for (const [refusal, status] of Object.entries(statuses))
      expect(REFUSAL_PROBLEMS[refusal as Refusal].status).toBe(status);
    expect(new Set(Object.values(REFUSAL_PROBLEMS).map((p) => p.slug)).size).toBe(9);
  });
});
