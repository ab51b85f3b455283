import { describe, expect, it } from 'vitest';
import { SignedResponseLinks } from '#adapters/links/signed-response-links.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import type { Actor, Workflow } from '#domain/workflow/workflow.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
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
import { triagedEmergency } from '#test/support/triaged-emergency.ts';
import { advanceWorkflow } from '#usecases/advance-workflow.ts';
import { queueWorkflowStep } from '#usecases/queue-workflow-step.ts';
import { runWorkflowEffects } from '#usecases/run-workflow-effects.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { sweepWorkflows } from '#usecases/sweep-workflows.ts';

const orgId = 'org-step-items';
const MINUTE = 60_000;

/** The workflow engine and the desk over one set of twins, as the workflow function wires them. */
async function world() {
  const platform = inMemoryPlatform(new Date('2026-11-23T10:00:00Z'));
  const accounts = new InMemoryRentvineAccounts();
  accounts.connect(orgId, new InMemoryRentvineAccount());
  const notices = new InMemoryWorkflowNotices();
  const agents = new InMemoryAgentDirectory();
  const desk = {
    queue: new InMemoryQueueStore(),
    agents,
    orgSettings: new InMemoryOrgSettingsStore(),
    workflows: platform.workflows,
    conversations: new InMemoryConversationStore(),
    notices,
    clock: platform.clock,
  };
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
    desk,
  };
  // Always on shift (no shift hours): the supervisor the approval waits on.
  await agents.create(agentOf(orgId, 'sam', { status: 'available', role: 'maintenance_supervisor' }));
  /** A manager (above the supervisor) comes to work. */
  const hireManager = () =>
    agents.create(agentOf(orgId, 'pat', { status: 'available', role: 'property_manager' }));
  return { deps, platform, notices, desk, hireManager };
}

/** A triaged emergency about property 7 started: its approval waits on the maintenance supervisor. */
async function waitingEmergency(deps: Awaited<ReturnType<typeof world>>['deps']): Promise<Workflow> {
  const outcome = await startWorkflow(deps, await triagedEmergency(deps, orgId, 'em_step_item'));
  if (!('workflow' in outcome)) throw new Error(`expected a workflow, got ${outcome.outcome}`);
  await runWorkflowEffects(deps, outcome.workflow);
  return outcome.workflow;
}

function itemIdOf(workflow: Workflow): string {
  return queueItemId({
    kind: 'workflow_step',
    workflowId: workflow.workflowId,
    stepId: workflow.waiting?.stepId ?? '',
  });
}

describe('a workflow step’s queue item follows its step', () => {
  it('is never escalated by the queue sweep; the workflow sweep moves it to the step’s new holder, offered at once', async () => {
    const { deps, desk, notices, hireManager } = await world();
    const workflow = await waitingEmergency(deps);
    const itemId = itemIdOf(workflow);
    const opened = await desk.queue.get(orgId, itemId);
    expect(opened).toMatchObject({
      status: 'assigned',
      assignee: 'sam',
      holderRole: 'maintenance_supervisor',
    });
    expect(opened?.dueAt).toBeUndefined();
    await hireManager();
    const at = (minutes: number) => new Date(deps.clock.now().getTime() + minutes * MINUTE);

    // A month on, far past any SLA: the queue's own clock has nothing to escalate.
    expect(await sweepQueue(desk, at(30 * 24 * 60))).toMatchObject({ due: 0, escalated: 0 });
    expect(await desk.queue.get(orgId, itemId)).toEqual(opened);

    // The step's clock: an emergency approval undecided for 10 minutes goes up to the manager.
    expect(await sweepWorkflows(deps, at(10))).toMatchObject({ escalations: 1 });
    await runWorkflowEffects(deps, workflow);
    const step = (await deps.workflows.get(orgId, workflow.workflowId))?.waiting;
    expect(step).toMatchObject({ holder: 'property_manager', escalations: 1 });
    const moved = await desk.queue.get(orgId, itemId);
    expect(moved).toMatchObject({
      status: 'assigned',
      assignee: 'pat',
      holderRole: 'property_manager',
      escalations: 1,
      breached: step?.breached,
    });
    expect(moved?.dueAt).toBeUndefined();
    expect(moved?.history.map((line) => [line.action, line.agentId])).toEqual([
      ['queued', undefined],
      ['assigned', 'sam'],
      ['escalated', 'sam'],
      ['assigned', 'pat'],
    ]);

    // One notice of each kind for the one escalation: the workflow's, none from the queue.
    const kinds = notices.published.map((notice) => notice.kind);
    expect(kinds.filter((kind) => kind === 'escalated')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'step_escalated')).toHaveLength(1);
    expect(kinds).not.toContain('queue_escalated');
    expect(notices.published.filter((n) => n.kind === 'queue_assigned').map((n) => n.to)).toEqual([
      'agent:sam',
      'agent:pat',
    ]);
    // Still nothing for the queue's clock, at any time.
    expect(await sweepQueue(desk, at(30 * 24 * 60))).toMatchObject({ due: 0, escalated: 0 });
  });

  it('breached as the step says, and closed at once when the step goes ahead by policy', async () => {
    const { deps, desk } = await world();
    const workflow = await waitingEmergency(deps);
    const itemId = itemIdOf(workflow);
    const at = (minutes: number) => new Date(deps.clock.now().getTime() + minutes * MINUTE);
    for (const minutes of [10, 20]) {
      await sweepWorkflows(deps, at(minutes));
      await runWorkflowEffects(deps, workflow);
    }
    const step = (await deps.workflows.get(orgId, workflow.workflowId))?.waiting;
    expect(await desk.queue.get(orgId, itemId)).toMatchObject({
      holderRole: step?.holder,
      escalations: 2,
      breached: step?.breached,
    });
    // At 30 minutes the emergency goes ahead within the cap: the step is left, its item done.
    await sweepWorkflows(deps, at(30));
    expect(await desk.queue.get(orgId, itemId)).toMatchObject({
      status: 'done',
      doneAt: at(30).toISOString(),
    });
  });

  it('is done as soon as its step is decided, with no reader of the queue in between; a second close changes nothing', async () => {
    const { deps, desk } = await world();
    const workflow = await waitingEmergency(deps);
    const itemId = itemIdOf(workflow);
    const sam: Actor = { kind: 'person', personId: 'sam', keyId: 'k1', role: 'maintenance_supervisor' };
    const decide = () =>
      advanceWorkflow(deps, {
        orgId,
        workflowId: workflow.workflowId,
        inputId: 'api:k1:approve',
        input: { kind: 'decide', stepId: workflow.waiting?.stepId ?? '', decision: 'approve' },
        actor: sam,
      });
    expect(await decide()).toMatchObject({ outcome: 'applied' });
    const done = await desk.queue.get(orgId, itemId);
    expect(done).toMatchObject({ status: 'done', doneAt: deps.clock.now().toISOString() });
    expect(done?.history.at(-1)).toMatchObject({ action: 'done', actor: 'system' });
    expect(await decide()).toMatchObject({ outcome: 'duplicate' });
    expect(await desk.queue.get(orgId, itemId)).toEqual(done);
    // The step's `approval_waiting` notice run again (a retried effect) queues nothing for it.
    const moved = await deps.workflows.get(orgId, workflow.workflowId);
    if (!moved) throw new Error('the workflow is gone');
    await queueWorkflowStep(desk, moved, {
      kind: 'notify',
      effectId: 'e_retried',
      stepId: workflow.waiting?.stepId ?? '',
      to: { role: 'maintenance_supervisor' },
      template: 'approval_waiting',
    });
    expect(await desk.queue.get(orgId, itemId)).toEqual(done);
  });
});
