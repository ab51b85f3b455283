import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgActivityReader } from '#adapters/dynamodb/org-activity-reader.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { StatsView } from '#contracts/stats.ts';
import type { ReplyDraft } from '#domain/drafts/draft.ts';
import type { TriageResult } from '#domain/emails/email.ts';
import type { WorkflowStore } from '#domain/workflow/ports.ts';
import type { Workflow, WorkflowTimes } from '#domain/workflow/workflow.ts';
import { statsRoutes } from '#functions/api/stats.ts';
import { createRouter } from '#platform/http/router.ts';
import { stableId } from '#platform/security/ids.ts';
import { apiEvent } from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { draftOf, triaged } from '#test/support/triage-fixtures.ts';

let stack: TestStack;
const orgA = 'org-stats-a';
const orgB = 'org-stats-b';
const now = new Date('2026-11-22T12:00:00.000Z');
const at = (day: number, second = 0) => new Date(Date.UTC(2026, 10, day, 9, 0, second)).toISOString();

type Category = TriageResult['triage']['category'];
type Urgency = TriageResult['triage']['urgency'];
const rules = (category: Category, urgency: Urgency, draft: ReplyDraft | null = null): TriageResult =>
  triaged(category, urgency, draft);
const claude = (inputTokens: number, outputTokens: number): TriageResult =>
  triaged('maintenance_request', 'low', null, {
    confidence: 0.9,
    engine: 'claude',
    model: 'claude-haiku-5-5',
    usage: { inputTokens, outputTokens, cacheReadTokens: 0 },
  });

/** A workflow's times, the instants as seconds after its creation. */
type SecondsAfterCreation = Partial<
  Pick<WorkflowTimes, 'reopened' | 'slaBreaches'> &
    Record<'firstResponseAt' | 'vendorAcceptedAt' | 'completedAt', number>
>;

beforeAll(async () => {
  stack = await startTestStack();
  const table = stack.resources.tables.main;
  const emails = new DynamoEmailStore(table);
  // Written as the workflow store writes them: a whole workflow per item, listed by createdAt.
  const workflows: Pick<WorkflowStore, 'create'> = new DynamoWorkflowStore(table);
  const seedEmail = async (orgId: string, n: number, day: number, triage?: [TriageResult, number]) => {
    const emailId = stableId('em', orgId, `stats-${n}`);
    const receivedAt = at(day, n);
    await emails.submit({
      orgId,
      emailId,
      channel: 'email',
      from: 'Dana Ruiz <dana@example.com>',
      subject: `message ${n}`,
      text: 'x'.repeat(2_000),
      status: 'received',
      receivedAt,
    });
    if (triage) {
      const [result, seconds] = triage;
      const triagedAt = new Date(Date.parse(receivedAt) + seconds * 1000).toISOString();
      await emails.saveTriage(orgId, emailId, result, triagedAt);
    }
  };
  const seedWorkflow = (
    orgId: string,
    n: number,
    day: number,
    shape: Partial<Pick<Workflow, 'type' | 'status' | 'state'>> & { times?: SecondsAfterCreation } = {},
  ) => {
    const createdAt = at(day, n);
    const later = (seconds: number) => new Date(Date.parse(createdAt) + seconds * 1000).toISOString();
    const { times, ...rest } = shape;
    const workflow: Workflow = {
      orgId,
      workflowId: stableId('wf', orgId, `stats-${n}`),
      type: 'maintenance_routine',
      status: 'open',
      state: 'troubleshoot',
      urgency: 'low',
      version: 1,
      source: { kind: 'email', emailId: stableId('em', orgId, `stats-${n}`) },
      requestedBy: { kind: 'system', name: 'classifier' },
      facts: { summary: 'The kitchen tap drips' },
      pendingEffects: [],
      history: [],
      appliedInputs: [],
      visits: {},
      ...rest,
      times: {
        reopened: times?.reopened ?? 0,
        slaBreaches: times?.slaBreaches ?? 0,
        ...(times?.firstResponseAt ? { firstResponseAt: later(times.firstResponseAt) } : {}),
        ...(times?.vendorAcceptedAt ? { vendorAcceptedAt: later(times.vendorAcceptedAt) } : {}),
        ...(times?.completedAt ? { completedAt: later(times.completedAt) } : {}),
      },
      createdAt,
      updatedAt: createdAt,
    };
    return workflows.create(workflow);
  };

  // Org A, in November: two Claude and two rules triages (one with a draft Claude wrote and
  // awaiting approval, one blocked), one email still waiting.
  await seedEmail(orgA, 1, 10, [claude(400, 60), 2]);
  await seedEmail(orgA, 2, 11, [claude(600, 40), 4]);
  const claudeDraft = draftOf('pending_approval', {
    engine: 'claude',
    usage: { inputTokens: 100, outputTokens: 10, cacheReadTokens: 0 },
  });
  await seedEmail(orgA, 3, 12, [rules('lease_renewal', 'medium', claudeDraft), 1]);
  await seedEmail(orgA, 4, 13, [rules('maintenance_emergency', 'emergency', draftOf('blocked')), 10]);
  await seedEmail(orgA, 5, 14);
  // A routine job the resident fixed by troubleshooting, answered after a minute.
  await seedWorkflow(orgA, 1, 10, {
    status: 'completed',
    state: 'resolved_by_resident',
    times: { firstResponseAt: 60, completedAt: 600 },
  });
  // An emergency: a breach, a vendor after 20 minutes, reopened once, done after two hours.
  await seedWorkflow(orgA, 2, 11, {
    type: 'maintenance_emergency',
    status: 'completed',
    state: 'completed',
    times: {
      firstResponseAt: 180,
      vendorAcceptedAt: 1200,
      completedAt: 7200,
      reopened: 1,
      slaBreaches: 1,
    },
  });
  // Still waiting on a person, past its deadline twice.
  await seedWorkflow(orgA, 3, 12, { type: 'lease_renewal', state: 'approve', times: { slaBreaches: 2 } });
  // Org A, before the period asked for: answered, reopened and breached, never counted in it.
  await seedEmail(orgA, 6, 1, [claude(9_000, 9_000), 100]);
  await seedWorkflow(orgA, 6, 1, {
    type: 'maintenance_emergency',
    status: 'completed',
    state: 'completed',
    times: { firstResponseAt: 9, vendorAcceptedAt: 9, completedAt: 9, reopened: 3, slaBreaches: 5 },
  });
  // Org B, in the same days: never counted for A.
  for (let n = 1; n <= 4; n += 1) {
    await seedEmail(orgB, n, 10 + n, [claude(5_000, 5_000), 50]);
    await seedWorkflow(orgB, n, 10 + n, {
      status: 'cancelled',
      state: 'cancelled',
      times: { firstResponseAt: 5, slaBreaches: 7 },
    });
  }
});
afterAll(async () => stack?.stop());

function router(itemLimit?: number) {
  const deps = {
    activity: new DynamoOrgActivityReader(stack.resources.tables.main),
    clock: { now: () => now },
    ...(itemLimit ? { itemLimit } : {}),
  };
  return createRouter(
    [{ method: 'GET', path: '/v1/stats', auth: 'apiKey', scope: 'stats:read', operation: 'getStats' }],
    statsRoutes(deps),
  );
}

function statsRequest(
  query: Record<string, string> | null,
  principal = { orgId: orgA, keyId: 'key-stats', scopes: ['stats:read'] },
): APIGatewayProxyEvent {
  return { ...apiEvent({ method: 'GET', resource: '/v1/stats', principal }), queryStringParameters: query };
}

describe('GET /v1/stats', () => {
  it("counts the caller's org only, in the period only", async () => {
    const response = await router()(statsRequest({ from: '2026-11-05', to: '2026-11-20' }));

    expect(response.statusCode).toBe(200);
    const stats = StatsView.parse(JSON.parse(response.body));
    expect(stats.period).toEqual({ from: '2026-11-05T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' });
    expect(stats.emails.total).toBe(5);
    expect(stats.emails.byStatus).toEqual({
      received: 1,
      triaged: 2,
      awaiting_approval: 1,
      blocked: 1,
      approved: 0,
      rejected: 0,
      failed: 0,
    });
    expect(stats.emails.byCategory).toMatchObject({
      maintenance_request: 2,
      lease_renewal: 1,
      maintenance_emergency: 1,
    });
    expect(stats.emails.byUrgency).toEqual({ low: 2, medium: 1, high: 0, emergency: 1 });
    expect(stats.workflows.total).toBe(3);
    expect(stats.workflows.byType).toMatchObject({
      maintenance_routine: 1,
      maintenance_emergency: 1,
      lease_renewal: 1,
      move_out: 0,
    });
    expect(stats.workflows.byStatus).toEqual({ open: 1, completed: 2, cancelled: 0, rejected: 0 });
    expect(stats.workflows.serviceLevels).toEqual({
      // 60 and 180 seconds.
      medianTimeToFirstResponseSeconds: 120,
      medianTimeToVendorAcceptanceSeconds: 1200,
      // 600 and 7200 seconds.
      medianTimeToCompletionSeconds: 3900,
      // One of the two completed maintenance jobs was reopened.
      reopenRate: 0.5,
      slaBreaches: 3,
      // The one closed routine job, fixed by the resident.
      closedByTroubleshooting: 1,
    });
    // 1, 2, 4 and 10 seconds.
    expect(stats.medianTimeToClassifySeconds).toBe(3);
    expect(stats.engines).toEqual({ claude: { count: 2, share: 0.5 }, rules: { count: 2, share: 0.5 } });
    // Triage and drafts alike.
    expect(stats.tokens).toEqual({ input: 1_100, output: 110 });
    expect(stats.approvalsPending).toBe(2);
    expect(stats.truncated).toBe(false);
  });

  it('defaults to the last 30 days', async () => {
    const response = await router()(statsRequest(null));

    const stats = StatsView.parse(JSON.parse(response.body));
    expect(stats.period).toEqual({ from: '2026-10-23T12:00:00.000Z', to: '2026-11-22T12:00:00.000Z' });
    expect(stats.emails.total).toBe(6);
    expect(stats.workflows.total).toBe(4);
  });

  it('an org without activity gets zeros, not another org’s figures', async () => {
    const response = await router()(
      statsRequest({}, { orgId: 'org-stats-empty', keyId: 'key-empty', scopes: ['stats:read'] }),
    );

    const stats = StatsView.parse(JSON.parse(response.body));
    expect(stats.emails.total).toBe(0);
    expect(stats.workflows.total).toBe(0);
    expect(stats.workflows.serviceLevels).toEqual({
      medianTimeToFirstResponseSeconds: null,
      medianTimeToVendorAcceptanceSeconds: null,
      medianTimeToCompletionSeconds: null,
      reopenRate: null,
      slaBreaches: null,
      closedByTroubleshooting: null,
    });
    expect(stats.tokens).toEqual({ input: 0, output: 0 });
  });

  it('stops at the item limit and says the figures are truncated', async () => {
    const period = { from: '2026-11-05', to: '2026-11-20' };

    const capped = StatsView.parse(JSON.parse((await router(3)(statsRequest(period))).body));
    expect(capped.truncated).toBe(true);
    expect(capped.emails.total).toBe(3);
    // The oldest ones: emails 1 to 3.
    expect(capped.engines.claude.count).toBe(2);

    const exact = StatsView.parse(JSON.parse((await router(5)(statsRequest(period))).body));
    expect(exact.truncated).toBe(false);
    expect(exact.emails.total).toBe(5);
  });

  it('reads only the attributes the stats need, never an email body', async () => {
    const activity = await new DynamoOrgActivityReader(stack.resources.tables.main).read(
      orgA,
      { from: '2026-11-05T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
      10,
    );

    expect(activity.emails).toHaveLength(5);
    for (const email of activity.emails) {
      const expected = email.triage
        ? [...(email.draft ? ['draft'] : []), 'receivedAt', 'status', 'triage', 'triagedAt']
        : ['receivedAt', 'status'];
      expect(Object.keys(email).sort()).toEqual(expected);
      if (email.triage) expect(Object.keys(email.triage)).not.toContain('summary');
      if (email.draft) expect(Object.keys(email.draft)).toEqual(['usage']);
    }
    // Workflows: what they are, where they stand and their times; never their facts or history.
    expect(activity.workflows).toHaveLength(3);
    for (const workflow of activity.workflows)
      expect(Object.keys(workflow).sort()).toEqual(['createdAt', 'state', 'status', 'times', 'type']);
  });

  it.each([
    [{ from: '2026-11-20', to: '2026-11-05' }, 'from'],
    [{ from: '2026-06-01', to: '2026-11-01' }, 'from'],
    [{ from: 'last week' }, 'from'],
    [{ period: '30d' }, 'period'],
    // Valid-looking bounds whose period leaves the four-digit years stored times sort by.
    [{ to: '9999-12-31' }, 'to'],
    [{ to: '9999-12-31T23:00:00-05:00' }, 'to'],
    [{ from: '0000-01-01T00:00:00+01:00', to: '0000-01-02' }, 'from'],
    [{ to: '0000-01-05' }, 'from'],
  ])('answers 422 with the failing parameter for %j', async (query, path) => {
    const response = await router()(statsRequest(query));

    expect(response.statusCode).toBe(422);
    const body = JSON.parse(response.body);
    expect(body.type).toBe('urn:aictive:problem:validation');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it('needs the stats:read scope', async () => {
    const response = await router()(
      statsRequest({}, { orgId: orgA, keyId: 'key-emails', scopes: ['emails:read'] }),
    );
    expect(response.statusCode).toBe(403);
  });
});
