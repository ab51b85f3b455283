import { describe, expect, it } from 'vitest';
import type { Triage, TriageEngine } from '#domain/triage/triage.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { triageDependencies } from '#test/support/in-memory/triage-doubles.ts';
import { triageOf } from '#test/support/triage-fixtures.ts';
import { startMessage } from '#test/support/workflows.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';
import { submitEmail } from '#usecases/submit-email.ts';
import { triageMessage } from '#usecases/triage-message.ts';

const orgId = 'org-race';

/** An engine whose answer the test releases when it chooses, so two runs can overlap. */
function heldEngine(answer: Triage) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const engine: TriageEngine = {
    triage: async () => {
      await released;
      return answer;
    },
  };
  return { engine, release };
}

/**
 * Two triage runs of one message overlap (a redelivery while the first run is still at the
 * model) and reach different verdicts. The first saved wins; whatever the loser thought, the
 * workflow stage must act on the stored triage only.
 */
async function race(first: Triage, second: Triage) {
  const platform = inMemoryPlatform();
  const { email } = await submitEmail(platform, orgId, {
    messageId: '<race@example.com>',
    from: 'someone@example.com',
    subject: 'Water everywhere',
    text: 'Water is pouring through the ceiling',
  });
  const message = { orgId, emailId: email.emailId };
  const winner = heldEngine(first);
  const loser = heldEngine(second);
  const winning = triageMessage(triageDependencies(platform, { engine: winner.engine }), message);
  const losing = triageMessage(triageDependencies(platform, { engine: loser.engine }), message);
  winner.release();
  await winning;
  loser.release();
  await losing;
  // The workflow stage takes every start message either run sent, the losing run's first
  // (a standard queue keeps no order).
  const outcomes = [];
  for (const start of platform.queue.take('workflow').reverse())
    outcomes.push(await startWorkflow(platform, startMessage(start)));
  const stored = await platform.emails.get(orgId, email.emailId);
  return { platform, stored, outcomes, emailId: email.emailId };
}

describe('overlapping triages of one message', () => {
  it('start no workflow and draft nothing when the stored verdict is spam, whatever the other run found', async () => {
    const { stored, outcomes, platform } = await race(
      triageOf('spam', 'low'),
      triageOf('maintenance_emergency', 'emergency'),
    );
    expect(stored?.triage?.category).toBe('spam');
    expect(stored?.draft).toBeUndefined();
    expect(stored?.status).toBe('triaged');
    expect(outcomes.filter((outcome) => outcome.outcome !== 'none')).toEqual([]);
    expect(platform.workflows.workflows.size).toBe(0);
    expect(stored?.workflowId).toBeUndefined();
  });

  it('start the workflow of the stored verdict, never the losing one', async () => {
    const { stored, outcomes, platform } = await race(
      triageOf('lease_renewal', 'medium'),
      triageOf('maintenance_emergency', 'emergency'),
    );
    expect(stored?.triage?.category).toBe('lease_renewal');
    expect(stored?.status).toBe('awaiting_approval');
    const types = [...platform.workflows.workflows.values()].map((workflow) => workflow.type);
    expect(types).toEqual(['lease_renewal']);
    expect(
      outcomes.every(
        (outcome) => !('workflow' in outcome) || outcome.workflow.type !== 'maintenance_emergency',
      ),
    ).toBe(true);
    const last = outcomes.at(-1);
    expect(stored?.workflowId).toBe(last && 'workflow' in last ? last.workflow.workflowId : undefined);
  });
});
