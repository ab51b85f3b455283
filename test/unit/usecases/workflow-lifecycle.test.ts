import { describe, expect, it } from 'vitest';
import { SignedResponseLinks } from '#adapters/links/signed-response-links.ts';
import type { WorkOrderStatusTrigger } from '#domain/workflow/start.ts';
import type { Actor, Workflow } from '#domain/workflow/workflow.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryIdempotencyLedger } from '#test/support/in-memory/idempotency-ledger.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import {
  InMemoryRentvineAccount,
  InMemoryRentvineAccounts,
} from '#test/support/in-memory/rentvine-accounts.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { inMemoryPaging } from '#test/support/paging.ts';
import { receivedEvent } from '#test/support/received-event.ts';
import { triagedEmergency } from '#test/support/triaged-emergency.ts';
import { advanceWorkflow } from '#usecases/advance-workflow.ts';
import { runWorkflowEffects } from '#usecases/run-workflow-effects.ts';
import { beginWorkflow, startWorkflow } from '#usecases/start-workflow.ts';
import { sweepWorkflows } from '#usecases/sweep-workflows.ts';

const orgId = 'org-lifecycle';
const MINUTE = 60_000;

function world() {
  const platform = inMemoryPlatform(new Date('2026-11-23T10:00:00Z'));
  const accounts = new InMemoryRentvineAccounts();
  const account = accounts.connect(orgId, new InMemoryRentvineAccount());
  const notices = new InMemoryWorkflowNotices();
  const deps = {
    ...platform,
    accounts,
    notices,
    ledger: new InMemoryIdempotencyLedger(),
    paging: inMemoryPaging(undefined, platform.workflows),
    links: new SignedResponseLinks(
      async () => 'a-test-secret-of-at-least-32-characters!',
      'https://api.test',
    ),
    desk: {
      queue: new InMemoryQueueStore(platform.clock),
      agents: new InMemoryAgentDirectory(),
      orgSettings: new InMemoryOrgSettingsStore(),
      workflows: platform.workflows,
      conversations: new InMemoryConversationStore(),
      notices,
      clock: platform.clock,
    },
  };
  return { deps, platform, account, notices };
}

const supervisor: Actor = { kind: 'person', personId: 'sam', keyId: 'k1', role: 'maintenance_supervisor' };

async function started(
  deps: ReturnType<typeof world>['deps'],
  start: Awaited<ReturnType<typeof triagedEmergency>>,
) {
  const outcome = await startWorkflow(deps, start);
  if (!('workflow' in outcome)) throw new Error(`expected a workflow, got ${outcome.outcome}`);
  return outcome.workflow;
}

async function stored(deps: ReturnType<typeof world>['deps'], workflow: Workflow): Promise<Workflow> {
  const found = await deps.workflows.get(orgId, workflow.workflowId);
  if (!found) throw new Error('workflow not stored');
  return found;
}

describe('a workflow from a triaged emergency to its work order', () => {
  it('waits on the maintenance supervisor, and tells them', async () => {
    const { deps, platform, notices } = world();
    const workflow = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle1'));
    expect(workflow).toMatchObject({
      type: 'maintenance_emergency',
      status: 'open',
      state: 'approve_dispatch',
      facts: { propertyId: '7', habitability: true, trade: 'plumbing' },
      waiting: { kind: 'approval', holder: 'maintenance_supervisor', amountUsd: 1500 },
    });
    expect(platform.queue.take('workflow')).toEqual([
      { source: 'workflow', orgId, workflowId: workflow.workflowId },
    ]);
    await runWorkflowEffects(deps, workflow);
    expect(notices.published.map((n) => [n.kind, n.to])).toContainEqual([
      'approval_waiting',
      'maintenance_supervisor',
    ]);
    expect((await stored(deps, workflow)).pendingEffects).toEqual([]);
  });

  it("does each workflow's effects, even where two workflows' effect ids are alike", async () => {
    const { deps, platform, notices } = world();
    const first = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle_a'));
    const second = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle_b'));
    expect(first.pendingEffects.map((e) => e.effectId)).toEqual(second.pendingEffects.map((e) => e.effectId));
    await runWorkflowEffects(deps, first);
    await runWorkflowEffects(deps, second);
    const told = notices.published.filter((n) => n.kind === 'approval_waiting').map((n) => n.workflowId);
    expect(told.sort()).toEqual([first.workflowId, second.workflowId].sort());
  });

  it('creates exactly one Rentvine work order after the approval, however often its run is delivered', async () => {
    const { deps, platform, account } = world();
    const workflow = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle1'));
    const decided = await advanceWorkflow(deps, {
      orgId,
      workflowId: workflow.workflowId,
      inputId: 'api:k1:approve-1',
      input: { kind: 'decide', stepId: workflow.waiting?.stepId ?? '', decision: 'approve' },
      actor: supervisor,
    });
    expect(decided.outcome).toBe('applied');
    // The run message delivered three times, twice at once.
    await Promise.allSettled([runWorkflowEffects(deps, workflow), runWorkflowEffects(deps, workflow)]);
    await runWorkflowEffects(deps, workflow);
    const workOrders = [...(account.records.get('work_orders')?.values() ?? [])];
    expect(workOrders).toHaveLength(1);
    const after = await stored(deps, workflow);
    expect(after.facts.workOrderId).toBe(workOrders[0]?.id);
    // No ranked vendors for plumbing: a person finds one.
    expect(after).toMatchObject({ state: 'find_vendor', waiting: { holder: 'maintenance_supervisor' } });
    expect(await deps.workflows.workflowOfSubject(orgId, `work_order:${after.facts.workOrderId}`)).toBe(
      workflow.workflowId,
    );
  });

  it('moves the workflow following a work order when Rentvine reports it booked, then closed', async () => {
    const { deps, platform } = world();
    const workflow = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle1'));
    await advanceWorkflow(deps, {
      orgId,
      workflowId: workflow.workflowId,
      inputId: 'api:k1:approve-2',
      input: { kind: 'decide', stepId: workflow.waiting?.stepId ?? '', decision: 'approve' },
      actor: supervisor,
    });
    await runWorkflowEffects(deps, workflow);
    const workOrderId = String((await stored(deps, workflow)).facts.workOrderId);
    const rentvineSays = async (
      eventId: string,
      trigger: Pick<WorkOrderStatusTrigger, 'signal' | 'scheduledFor'>,
    ) => {
      await platform.inbox.store({
        ...receivedEvent(orgId, eventId, {}, platform.clock.now().toISOString()),
        status: 'processed',
        trigger: { kind: 'work_order_status', workOrderId, ...trigger },
      });
      return startWorkflow(deps, { source: 'event', orgId, eventId });
    };
    expect(
      await rentvineSays('evt_booked', { signal: 'work_order_scheduled', scheduledFor: '2026-11-24' }),
    ).toMatchObject({
      outcome: 'signalled',
      workflow: { state: 'find_vendor', facts: { scheduledFor: '2026-11-24' } },
    });
    expect(await rentvineSays('evt_closed', { signal: 'work_order_completed' })).toMatchObject({
      outcome: 'signalled',
      workflow: { state: 'awaiting_confirmation' },
    });
    // The same event again (a redelivery) changes nothing.
    expect(await rentvineSays('evt_closed', { signal: 'work_order_completed' })).toMatchObject({
      outcome: 'already_signalled',
    });
  });

  it('advances a workflow once when two consumers race with the same message', async () => {
    const { deps, platform } = world();
    const workflow = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle1'));
    const command = {
      orgId,
      workflowId: workflow.workflowId,
      inputId: 'api:k1:same-request',
      input: { kind: 'decide' as const, stepId: workflow.waiting?.stepId ?? '', decision: 'reject' as const },
      actor: supervisor,
    };
    const outcomes = await Promise.all([advanceWorkflow(deps, command), advanceWorkflow(deps, command)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['applied', 'duplicate']);
    const after = await stored(deps, workflow);
    expect(after.version).toBe(workflow.version + 1);
    expect(after.state).toBe('handle_by_phone');
  });

  it('escalates an unanswered emergency approval every 10 minutes and lets it go ahead at 30', async () => {
    const { deps, platform } = world();
    const workflow = await started(deps, await triagedEmergency(platform, orgId, 'em_lifecycle1'));
    const at = (minutes: number) => new Date(platform.clock.now().getTime() + minutes * MINUTE);
    expect(await sweepWorkflows(deps, at(9))).toMatchObject({ due: 0, advanced: 0 });
    expect(await sweepWorkflows(deps, at(10))).toMatchObject({ due: 1, advanced: 1, escalations: 1 });
    expect((await stored(deps, workflow)).waiting?.holder).toBe('property_manager');
    // The same due time swept twice (two sweepers, a retry) escalates once.
    expect(await sweepWorkflows(deps, at(10))).toMatchObject({ due: 0 });
    expect(await sweepWorkflows(deps, at(20))).toMatchObject({ escalations: 1 });
    expect((await stored(deps, workflow)).waiting?.holder).toBe('vice_president_of_operations');
    const last = await sweepWorkflows(deps, at(30));
    expect(last).toMatchObject({ due: 1, advanced: 1, breaches: 1 });
    const after = await stored(deps, workflow);
    expect(after.state).toBe('create_work_order');
    expect(after.history.at(-1)?.actor).toEqual({ kind: 'policy', rule: 'emergency_sla' });
    expect(after.facts.approvedUsd).toBe(1500);
  });

  it('takes the property’s size and the vendors from the synced records, not from what a requester says', async () => {
    const { deps } = world();
    for (let unit = 1; unit <= 60; unit += 1)
      await deps.snapshots.put(
        orgId,
        { kind: 'unit', id: `u${unit}`, data: { unitId: `u${unit}`, propertyId: '8' } },
        '2026-11-01T00:00:00Z',
      );
    await deps.snapshots.put(
      orgId,
      { kind: 'contact', id: '41', data: { contactId: '41', role: 'vendor' } },
      '2026-11-01T00:00:00Z',
    );
    await deps.snapshots.put(
      orgId,
      { kind: 'contact', id: '42', data: { contactId: '42', role: 'tenant' } },
      '2026-11-01T00:00:00Z',
    );
    const { workflow } = await beginWorkflow(deps, {
      orgId,
      workflowId: 'wf_manualsizeandvendors0000000001',
      type: 'maintenance_routine',
      urgency: 'medium',
      source: { kind: 'manual' },
      requestedBy: { kind: 'person', personId: 'req', keyId: 'k-req', role: 'property_manager' },
      facts: { propertyId: '8', propertyUnits: 1, estimateUsd: 400, vendorCandidates: ['41', '42'] },
      reason: 'a manual start',
    });
    // 50 units or more: one level above the tech lead; a tenant is never offered the job.
    expect(workflow.facts.propertyUnits).toBeGreaterThanOrEqual(50);
    expect(workflow.waiting?.holder).toBe('maintenance_supervisor');
    expect(workflow.facts.vendorCandidates).toEqual(['41']);
  });
});
