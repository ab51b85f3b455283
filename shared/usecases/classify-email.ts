import type { EmailClassifier } from '#domain/classification/taxonomy.ts';
import type { Clock } from '#domain/clock.ts';
import type { ClassifyMessage } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
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
 * Classifies unless a classification is stored, then asks for the workflow. Two overlapping
 * runs may both classify, but only the first stored result counts and is acted on. The workflow
 * request is re-sent on redelivery: starting a workflow is idempotent.
 */
export async function classifyEmail(
  deps: ClassifyEmailDeps,
  message: ClassifyMessage,
): Promise<{ classified: 'now' | 'before'; workflowRequested: boolean }> {
  const email = await deps.emails.get(message.orgId, message.emailId);
  if (!email) throw new EmailNotFoundError(message);

  let classification = email.classification;
  const classifiedNow = !classification;
  if (!classification) {
    classification = await deps.classifier.classify({
      from: email.from,
      subject: email.subject,
      text: email.text,
    });
    await deps.emails.saveClassification(
      message.orgId,
      message.emailId,
      classification,
      deps.clock.now().toISOString(),
    );
  }
  const workflowRequested = workflowTypeForCategory(classification.category) !== undefined;
  if (workflowRequested) {
    await deps.queue.enqueueWorkflow({
      source: 'email',
      orgId: message.orgId,
      emailId: message.emailId,
      category: classification.category,
      urgency: classification.urgency,
    });
  }
  return { classified: classifiedNow ? 'now' : 'before', workflowRequested };
}
