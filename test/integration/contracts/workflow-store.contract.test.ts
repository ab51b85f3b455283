import { describe, expect, it } from 'vitest';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { triaged } from '#test/support/triage-fixtures.ts';
import { email, event, waiting, workflowOf } from './fixtures.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('WorkflowStore contract: $name', (implementation) => {
  it('creates a workflow once and reads it back in its own org only', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_contract1', { kind: 'email', emailId: 'em_x' });
    expect(await world.workflows.create(workflow)).toBe('created');
    expect(await world.workflows.create({ ...workflow, type: 'legal' })).toBe('exists');
    expect(await world.workflows.get(world.orgId, workflow.workflowId)).toEqual(workflow);
    expect(await world.workflows.get('another-org', workflow.workflowId)).toBeUndefined();
  });

  it('links its email, which leaves the outbox for the workflow stage', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract5', '2001-02-01T00:00:00.000Z');
    await world.emails.submit(stored);
    const next = outboxEntry('workflow', { source: 'email', orgId: world.orgId, emailId: stored.emailId });
    await world.emails.saveTriage(
      world.orgId,
      stored.emailId,
      triaged('complaint', 'low'),
      '2001-02-01T00:01:00.000Z',
      next,
    );
    const workflow = workflowOf(world.orgId, 'wf_contract2', { kind: 'email', emailId: stored.emailId });
    await world.workflows.create(workflow);
    await world.workflows.linkSource(workflow);
    expect((await world.emails.get(world.orgId, stored.emailId))?.workflowId).toBe(workflow.workflowId);
    expect(await waiting(world, '2001-02-02T00:00:00.000Z')).toEqual([]);
  });

  it('links an event without taking it out of the outbox for another stage (a replay reopened it)', async () => {
    const world = await implementation.world();
    const stored = event(world.orgId, 'evt_contract1', '2001-03-01T00:00:00.000Z');
    await world.inbox.store(stored);
    const workflow = workflowOf(world.orgId, 'wf_contract3', {
      kind: 'event',
      eventId: stored.eventId,
      workOrderId: '1',
    });
    await world.workflows.linkSource(workflow);
    expect((await world.inbox.get(world.orgId, stored.eventId))?.workflowId).toBe(workflow.workflowId);
    expect((await waiting(world, '2001-03-02T00:00:00.000Z')).map((item) => item.entry.queue)).toEqual([
      'events',
    ]);
  });

  it('links nothing when the source row is gone, without failing', async () => {
    const world = await implementation.world();
    const workflow = workflowOf(world.orgId, 'wf_contract4', { kind: 'email', emailId: 'em_gone' });
    await expect(world.workflows.linkSource(workflow)).resolves.toBeUndefined();
    expect(await world.emails.get(world.orgId, 'em_gone')).toBeUndefined();
  });
});
