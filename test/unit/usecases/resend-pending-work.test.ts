import { describe, expect, it } from 'vitest';
import type { TriageEngine } from '#domain/triage/triage.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { triageDependencies } from '#test/support/in-memory/triage-doubles.ts';
import { sameGrace, topologyGrace } from '#test/support/outbox-policy.ts';
import { receivedEvent } from '#test/support/received-event.ts';
import { triageOf } from '#test/support/triage-fixtures.ts';
import { startMessage } from '#test/support/workflows.ts';
import { resendPendingWork, resendStrandedWork } from '#usecases/resend-pending-work.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';
import { submitEmail } from '#usecases/submit-email.ts';
import { triageMessage } from '#usecases/triage-message.ts';

const orgId = 'org-sweep';
const MINUTE = 60_000;
const GRACE = 10 * MINUTE;

const emergency: TriageEngine = {
  triage: async () => triageOf('maintenance_emergency', 'emergency', { confidence: 1, reasons: ['gas'] }),
};

describe('the outbox sweep (resendPendingWork)', () => {
  it('re-sends stored rows that never reached their queue, once per grace period, and never settled ones', async () => {
    const platform = inMemoryPlatform();
    const storedAt = platform.clock.now().toISOString();
    await platform.inbox.store(receivedEvent(orgId, 'evt_stuck', {}, storedAt));
    await platform.inbox.store(receivedEvent(orgId, 'evt_settled', {}, storedAt));
    await platform.inbox.settle(orgId, 'evt_settled', { status: 'processed', at: storedAt });
    platform.queue.refused.add('classify');
    await submitEmail(platform, orgId, {
      messageId: '<s@example.com>',
      from: 'a@example.com',
      subject: 's',
      text: 't',
    });
    platform.queue.refused.clear();
    const policy = sameGrace(GRACE, 2);

    // Within the grace period nothing is touched: the queue may simply be busy.
    platform.clock.advance(GRACE - 1000);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 0, failed: 0, gaveUp: 0 });

    platform.clock.advance(2000);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 2, failed: 0, gaveUp: 0 });
    expect(platform.queue.take('events')).toEqual([{ orgId, eventId: 'evt_stuck', attempt: 0 }]);
    expect(platform.queue.take('classify')).toEqual([{ orgId, emailId: expect.stringMatching(/^em_/) }]);

    // Re-sent rows wait another grace period before the next attempt.
    platform.clock.advance(1000);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 0, failed: 0, gaveUp: 0 });

    // Past the limit, a row that re-sends could not get processed is declared failed, for a human.
    platform.clock.advance(GRACE + 1000);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 2, failed: 0, gaveUp: 0 });
    platform.clock.advance(GRACE + 1000);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 0, failed: 0, gaveUp: 2 });
    expect(await platform.inbox.get(orgId, 'evt_stuck')).toMatchObject({
      status: 'failed',
      reason: 'not processed after 2 re-sends',
    });
    platform.clock.advance(2 * GRACE);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 0, failed: 0, gaveUp: 0 });
  });

  it('covers the workflow stage: a triaged emergency whose start was lost is re-sent after the workflow queue’s lifetime', async () => {
    const platform = inMemoryPlatform();
    const { email } = await submitEmail(platform, orgId, {
      messageId: '<gas@example.com>',
      from: 'a@example.com',
      subject: 'Gas',
      text: 'gas',
    });
    platform.queue.take('classify');
    // Triage stores its verdict, then its send to the workflow queue fails.
    platform.queue.refused.add('workflow');
    await expect(
      triageMessage(triageDependencies(platform, { engine: emergency }), { orgId, emailId: email.emailId }),
    ).rejects.toThrow();
    platform.queue.refused.clear();
    const policy = topologyGrace(3);

    // Not before the workflow queue's grace; well before the slower classify queue's.
    platform.clock.advance(policy.graceMs.workflow - MINUTE);
    expect(await resendPendingWork(platform, policy)).toMatchObject({ resent: 0 });
    platform.clock.advance(2 * MINUTE);
    expect(policy.graceMs.workflow + MINUTE).toBeLessThan(policy.graceMs.classify);
    expect(await resendPendingWork(platform, policy)).toMatchObject({ resent: 1 });
    const [start] = platform.queue.take('workflow');
    expect(start).toEqual({ source: 'email', orgId, emailId: email.emailId });

    // The workflow stage takes it, and the email leaves the outbox.
    if (!start) throw new Error('expected a workflow start');
    expect(await startWorkflow(platform, startMessage(start))).toMatchObject({
      outcome: 'created',
      workflow: { type: 'maintenance_emergency' },
    });
    platform.queue.take('workflow');
    // The email is out of the outbox; the workflow is in it, owing its first effects (the approver
    // told) until its run is done: its run message lost too, the sweep re-sends that, not the start.
    platform.clock.advance(policy.graceMs.classify * 2);
    expect(await resendPendingWork(platform, policy)).toEqual({ resent: 1, failed: 0, gaveUp: 0 });
    const [run] = platform.queue.take('workflow');
    expect(run).toMatchObject({ source: 'workflow', orgId });
  });

  it('at start-up re-sends everything stored before, whatever its grace, each once', async () => {
    const platform = inMemoryPlatform();
    const storedAt = platform.clock.now().toISOString();
    await platform.inbox.store(receivedEvent(orgId, 'evt_before', {}, storedAt));
    platform.clock.advance(1000);
    const startedAt = platform.clock.now();
    platform.clock.advance(1000);
    await platform.inbox.store(receivedEvent(orgId, 'evt_after', {}, platform.clock.now().toISOString()));
    expect(await resendStrandedWork(platform, startedAt, 3)).toEqual({ resent: 1, failed: 0, gaveUp: 0 });
    expect(platform.queue.take('events')).toEqual([{ orgId, eventId: 'evt_before', attempt: 0 }]);
  });
});
