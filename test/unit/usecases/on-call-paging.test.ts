import { describe, expect, it } from 'vitest';
import type { Workflow } from '#domain/workflow/workflow.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { inMemoryPaging } from '#test/support/paging.ts';
import { open } from '#test/support/workflows.ts';
import { acknowledgePage } from '#usecases/acknowledge-page.ts';
import { pageWaitingEmergency } from '#usecases/open-page.ts';
import { sweepPages } from '#usecases/sweep-pages.ts';

const orgId = 'acme-homes';
// Tuesday 1 December 2026, 02:00 in Chicago (CST): the rotation started on Monday at 09:00, ana's week.
const T0 = Date.parse('2026-12-01T08:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);

async function world() {
  const paging = inMemoryPaging();
  await paging.orgSettings.put({
    orgId,
    allowTimestamplessSignature: false,
    timeZone: 'America/Chicago',
    onCall: { maintenance: { agentIds: ['ana', 'ben'], start: { date: '2026-11-30', time: '09:00' } } },
  });
  // Everyone offline, as people are at 02:00: on call means paged anyway.
  for (const agent of [
    agentOf(orgId, 'ana'),
    agentOf(orgId, 'ben'),
    agentOf(orgId, 'cy', { role: 'leasing_agent', skills: ['leasing'] }),
    agentOf(orgId, 'pm-1', { role: 'property_manager' }),
  ])
    await paging.agents.create(agent);
  return { paging, audit: new InMemoryAuditTrail() };
}

/** The emergency workflow's first step waits on the maintenance tech lead's approval; the store has it. */
async function emergencyWaiting(
  paging: ReturnType<typeof inMemoryPaging>,
  urgency: 'emergency' | 'medium' = 'emergency',
) {
  const { workflow, effects } = open(
    'maintenance_emergency',
    { propertyId: '7' },
    { urgency, at: minute(0) },
  );
  const notify = effects.find((effect) => effect.kind === 'notify');
  if (!notify) throw new Error('expected the step to notify its holder');
  await paging.workflows.create(workflow);
  return { workflow, notify };
}

/** Sweeps every minute from `from` to `to`, as the scheduled sweeper does. */
async function sweepEveryMinute(paging: ReturnType<typeof inMemoryPaging>, from: number, to: number) {
  const escalations: number[] = [];
  for (let n = from; n <= to; n += 1) {
    const sweep = await sweepPages(paging, minute(n));
    if (sweep.escalated > 0) escalations.push(n);
  }
  return escalations;
}

describe('an emergency waiting on people pages the on-call person', () => {
  it('at 02:00 at once, offline or not, once per workflow however often the step is told', async () => {
    const { paging } = await world();
    const { workflow, notify } = await emergencyWaiting(paging);
    const opened = await pageWaitingEmergency(paging, workflow, notify, minute(0));
    expect(opened).toMatchObject({ outcome: 'opened', sent: 1 });
    expect(opened?.page).toMatchObject({
      department: 'maintenance',
      subject: `workflow:${workflow.workflowId}`,
      status: 'paging',
      nextAt: minute(5).toISOString(),
    });
    expect(paging.notices.published).toEqual([
      {
        orgId,
        pageId: opened?.page.pageId,
        subject: `workflow:${workflow.workflowId}`,
        department: 'maintenance',
        urgency: 'emergency',
        agentId: 'ana',
        level: 'on_call',
        attempt: 1,
      },
    ]);
    const again = await pageWaitingEmergency(paging, workflow, notify, minute(1));
    expect(again).toMatchObject({ outcome: 'exists', sent: 0 });
    expect(paging.notices.sent).toEqual(['ana@on_call']);
  });

  it('pages nobody for a workflow that is not an emergency', async () => {
    const { paging } = await world();
    const { workflow, notify } = await emergencyWaiting(paging, 'medium');
    expect(await pageWaitingEmergency(paging, workflow, notify, minute(0))).toBeUndefined();
    expect(paging.notices.published).toEqual([]);
  });
});

describe('nobody acknowledges', () => {
  it('re-pages every 5 minutes, the next in the rotation at 15, the property manager at 30', async () => {
    const { paging } = await world();
    const { workflow, notify } = await emergencyWaiting(paging);
    await pageWaitingEmergency(paging, workflow, notify, minute(0));
    const escalations = await sweepEveryMinute(paging, 1, 44);
    expect(paging.notices.sent).toEqual([
      'ana@on_call',
      'ana@on_call',
      'ana@on_call',
      'ben@next_on_call',
      'ben@next_on_call',
      'ben@next_on_call',
      'pm-1@property_manager',
      'pm-1@property_manager',
      'pm-1@property_manager',
    ]);
    expect(escalations).toEqual([15, 30]);
    // Still unanswered at the top after its 15 minutes: paged on, and counted for the alarm.
    const sweep = await sweepPages(paging, minute(45));
    expect(sweep).toMatchObject({ due: 1, sent: 1, escalated: 0, unacknowledged: 1, failed: [] });
  });
});

describe('acknowledging', () => {
  it('by a person paged stops the paging, is audited, and happens once; a person not paged is refused', async () => {
    const { paging, audit } = await world();
    const { workflow, notify } = await emergencyWaiting(paging);
    const opened = await pageWaitingEmergency(paging, workflow, notify, minute(0));
    const pageId = opened?.page.pageId ?? '';
    await sweepEveryMinute(paging, 1, 16);
    const ack = (agentId: string | undefined, n: number) =>
      acknowledgePage(
        { pages: paging.pages, audit },
        {
          orgId,
          pageId,
          agentId,
          actor: { kind: 'key', keyId: `key-${agentId ?? 'admin'}`, ...(agentId ? { agentId } : {}) },
          from: { ip: '198.51.100.7', userAgent: 'pager-app' },
        },
        minute(n),
      );
    expect((await ack('cy', 16)).outcome).toBe('not_paged');
    expect((await ack(undefined, 16)).outcome).toBe('not_paged');
    const done = await ack('ben', 17);
    expect(done.outcome).toBe('acknowledged');
    expect((await ack('ben', 18)).outcome).toBe('already_acknowledged');
    expect((await ack('ana', 18)).outcome).toBe('already_acknowledged');
    expect(
      (
        await acknowledgePage(
          { pages: paging.pages, audit },
          { orgId, pageId: 'pg_none', agentId: 'ana', actor: { kind: 'key', keyId: 'k' } },
          minute(18),
        )
      ).outcome,
    ).toBe('not_found');

    const sentBefore = paging.notices.sent.length;
    await sweepEveryMinute(paging, 18, 60);
    expect(paging.notices.sent).toHaveLength(sentBefore);
    expect(await paging.pages.get(orgId, pageId, minute(60))).toMatchObject({
      status: 'acknowledged',
      ackBy: 'ben',
      ackAt: minute(17).toISOString(),
    });
    expect(
      (await audit.list(orgId, { action: 'page.acknowledged' }, { limit: 10 }, minute(60))).records,
    ).toEqual([
      expect.objectContaining({
        action: 'page.acknowledged',
        actor: { kind: 'key', keyId: 'key-ben', agentId: 'ben' },
        target: { kind: 'page', id: pageId },
        from: { ip: '198.51.100.7', userAgent: 'pager-app' },
        at: minute(17).toISOString(),
      }),
    ]);
  });
});

describe('when the topic fails', () => {
  it('the page stays due and the next sweep sends it; one failing page does not hold up the sweep', async () => {
    const { paging } = await world();
    const { workflow, notify } = await emergencyWaiting(paging);
    paging.notices.failNext();
    await expect(pageWaitingEmergency(paging, workflow, notify, minute(0))).rejects.toThrow(/unavailable/);
    expect(paging.notices.sent).toEqual([]);
    paging.notices.failNext();
    const failed = await sweepPages(paging, minute(1));
    expect(failed.failed).toEqual([expect.objectContaining({ orgId, reason: 'Error' })]);
    const sent = await sweepPages(paging, minute(2));
    expect(sent).toMatchObject({ due: 1, sent: 1, failed: [] });
    expect(paging.notices.sent).toEqual(['ana@on_call']);
    // The workflow runner's retry finds the page out: nobody is paged twice for it.
    expect(await pageWaitingEmergency(paging, workflow, notify, minute(3))).toMatchObject({
      outcome: 'exists',
      sent: 0,
    });
    expect(paging.notices.sent).toEqual(['ana@on_call']);
  });
});

describe('a page whose matter moved on', () => {
  async function pagedEmergency() {
    const { paging } = await world();
    const { workflow, notify } = await emergencyWaiting(paging);
    const opened = await pageWaitingEmergency(paging, workflow, notify, minute(0));
    if (!opened) throw new Error('expected a page');
    return { paging, workflow, pageId: opened.page.pageId };
  }
  const acted = (workflow: Workflow, actor: Workflow['history'][number]['actor'], at: Date): Workflow => ({
    ...workflow,
    history: [...workflow.history, { at: at.toISOString(), actor, from: 'a', to: 'b', reason: 'decided' }],
    version: workflow.version + 1,
  });

  it('stands down once a person acts on its workflow without acknowledging, and pages nobody more', async () => {
    const { paging, workflow, pageId } = await pagedEmergency();
    // The supervisor decides through the workflow API at minute 3 and never opens the page.
    const person = { kind: 'person', personId: 'sam', keyId: 'key-sam' } as const;
    expect(await paging.workflows.save(acted(workflow, person, minute(3)), workflow.version)).toBe('saved');
    expect(await sweepPages(paging, minute(5))).toMatchObject({ due: 1, sent: 0, stoodDown: 1 });
    const page = await paging.pages.get(orgId, pageId, minute(5));
    expect(page).toMatchObject({ status: 'stood_down', stoodDownReason: 'sam acted on its workflow' });
    expect(page?.nextAt).toBeUndefined();
    await sweepEveryMinute(paging, 6, 45);
    expect(paging.notices.sent).toEqual(['ana@on_call']);
  });

  it('stands down when its workflow ends, and not when the policy decides in a person’s place', async () => {
    const ended = await pagedEmergency();
    const cancelled = {
      ...ended.workflow,
      status: 'cancelled' as const,
      version: ended.workflow.version + 1,
    };
    expect(await ended.paging.workflows.save(cancelled, ended.workflow.version)).toBe('saved');
    expect(await sweepPages(ended.paging, minute(5))).toMatchObject({ sent: 0, stoodDown: 1 });
    expect(await ended.paging.pages.get(orgId, ended.pageId, minute(5))).toMatchObject({
      stoodDownReason: 'its workflow is cancelled',
    });

    // At 30 minutes the policy approves the emergency: nobody has taken it up, so the paging goes on.
    const policy = await pagedEmergency();
    const rule = { kind: 'policy', rule: 'emergency_sla' } as const;
    await sweepEveryMinute(policy.paging, 1, 29);
    const before = (await policy.paging.workflows.get(orgId, policy.workflow.workflowId)) ?? policy.workflow;
    expect(await policy.paging.workflows.save(acted(before, rule, minute(30)), before.version)).toBe('saved');
    await sweepEveryMinute(policy.paging, 30, 40);
    expect(policy.paging.notices.sent.slice(-3)).toEqual([
      'pm-1@property_manager',
      'pm-1@property_manager',
      'pm-1@property_manager',
    ]);
  });
});

describe('whose on-call is paged', () => {
  it('the department that owns the matter: a costly maintenance emergency held by a manager pages maintenance', async () => {
    const { paging } = await world();
    const { workflow, effects } = open(
      'maintenance_emergency',
      { propertyId: '7', estimateUsd: 9_000 },
      { urgency: 'emergency', at: minute(0) },
    );
    await paging.workflows.create(workflow);
    const notify = effects.find((effect) => effect.kind === 'notify');
    if (notify?.kind !== 'notify' || typeof notify.to === 'string')
      throw new Error('expected a role notified');
    expect(notify.to.role).not.toMatch(/^maintenance/);
    const opened = await pageWaitingEmergency(paging, workflow, notify, minute(0));
    expect(opened?.page.department).toBe('maintenance');
    expect(paging.notices.sent).toEqual(['ana@on_call']);
  });
});
