import type { Classification, EmailClassifier } from '#domain/classification/taxonomy.ts';
import type { Clock } from '#domain/clock.ts';
import type { ClassifyMessage } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import { workflowTypeForCategory } from '#domain/workflows/workflow.ts';

export interface ClassifyEmailDeps {
  readonly emails: EmailStore;
  readonly classifier: EmailClassifier;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export class EmailNotFoundError extends Error {
  constructor(message: ClassifyMessage) {
    super(`email ${message.emailId} of org ${message.orgId} is not stored`);
    this.name = 'EmailNotFoundError';
  }
}

/**
 * Classifies unless a classification is stored, then asks for the workflow. Two overlapping runs
 * may both classify, but only the first stored result counts: each run acts on what is stored,
 * never on its own verdict, and the workflow message is a pointer the workflow stage resolves
 * against the store. The request is re-sent on redelivery: starting a workflow is idempotent.
 */
export async function classifyEmail(
  deps: ClassifyEmailDeps,
  message: ClassifyMessage,
): Promise<{ classified: 'now' | 'before'; workflowRequested: boolean }> {
  const email = await deps.emails.get(message.orgId, message.emailId);
  if (!email) throw new EmailNotFoundError(message);

  const start = outboxEntry('workflow', { source: 'email', orgId: message.orgId, emailId: message.emailId });
  let stored = email.classification;
  const classifiedNow = !stored;
  if (!stored) {
    const verdict = await deps.classifier.classify({
      from: email.from,
      subject: email.subject,
      text: email.text,
    });
    stored = await deps.emails.saveClassification(
      message.orgId,
      message.emailId,
      verdict,
      deps.clock.now().toISOString(),
      startsWorkflow(verdict) ? start : undefined,
    );
  }
  const workflowRequested = startsWorkflow(stored) && !email.workflowId;
  if (workflowRequested) await deps.queue.send(start);
  return { classified: classifiedNow ? 'now' : 'before', workflowRequested };
}

function startsWorkflow(classification: Classification): boolean {
  return workflowTypeForCategory(classification.category) !== undefined;
}
