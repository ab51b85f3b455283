import { describe, expect, it } from 'vitest';
import type { Classification, EmailClassifier } from '#domain/classification/taxonomy.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { classifyEmail } from '#usecases/classify-email.ts';
import { startWorkflow } from '#usecases/start-workflow.ts';
import { submitEmail } from '#usecases/submit-email.ts';

const orgId = 'org-race';

function verdict(category: Classification['category'], urgency: Classification['urgency']): Classification {
  return { category, urgency, confidence: 0.9, engine: 'rules', reasons: [category] };
}

/** A classifier whose answer the test releases when it chooses, so two runs can overlap. */
function heldClassifier(answer: Classification) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const classifier: EmailClassifier = {
    classify: async () => {
      await released;
      return answer;
    },
  };
  return { classifier, release };
}

/**
 * Two classifier runs of one email overlap (a redelivery while the first run is still at the
 * model) and reach different verdicts. The first saved wins; whatever the loser thought, the
 * workflow stage must act on the stored classification only.
 */
async function race(first: Classification, second: Classification) {
  const platform = inMemoryPlatform();
  const { email } = await submitEmail(platform, orgId, {
    from: 'someone@example.com',
    subject: 'Water everywhere',
    text: 'Water is pouring through the ceiling',
  });
  const message = { orgId, emailId: email.emailId };
  const winner = heldClassifier(first);
  const loser = heldClassifier(second);
  const winning = classifyEmail({ ...platform, classifier: winner.classifier }, message);
  const losing = classifyEmail({ ...platform, classifier: loser.classifier }, message);
  winner.release();
  await winning;
  loser.release();
  await losing;
  // The workflow stage takes every start message either run sent, the losing run's first
  // (a standard queue keeps no order).
  const outcomes = [];
  for (const start of platform.queue.take('workflow').reverse())
    outcomes.push(await startWorkflow(platform, start));
  const stored = await platform.emails.get(orgId, email.emailId);
  return { platform, stored, outcomes, emailId: email.emailId };
}

describe('overlapping classifications of one email', () => {
  it('start no workflow when the stored verdict is spam, whatever the other run found', async () => {
    const { stored, outcomes, platform } = await race(
      verdict('spam', 'low'),
      verdict('maintenance_emergency', 'emergency'),
    );
    expect(stored?.classification?.category).toBe('spam');
    expect(outcomes.filter((outcome) => outcome.outcome !== 'none')).toEqual([]);
    expect(platform.workflows.workflows.size).toBe(0);
    expect(stored?.workflowId).toBeUndefined();
  });

  it('start the workflow of the stored verdict, never the losing one', async () => {
    const { stored, outcomes, platform } = await race(
      verdict('lease_renewal', 'medium'),
      verdict('maintenance_emergency', 'emergency'),
    );
    expect(stored?.classification?.category).toBe('lease_renewal');
    const types = [...platform.workflows.workflows.values()].map((workflow) => workflow.type);
    expect(types).toEqual(['renewal']);
    expect(outcomes.every((outcome) => outcome.workflow?.type !== 'emergency_maintenance')).toBe(true);
    expect(stored?.workflowId).toBe(outcomes.at(-1)?.workflow?.workflowId);
  });
});
