import type { Clock } from '#domain/clock.ts';
import type { EmailRecord, SubmitEmailRequest } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import { logger } from '#platform/observability.ts';
import { stableId, timeOrderedId } from '#platform/security/ids.ts';

export interface SubmitEmailDeps {
  readonly emails: EmailStore;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

/**
 * Stores the email, then asks for its classification. The stored row is the promise: if the
 * queue send fails, the sweeper re-sends it, so the caller still gets its 202.
 */
export async function submitEmail(
  deps: SubmitEmailDeps,
  orgId: string,
  request: SubmitEmailRequest,
): Promise<{ email: EmailRecord; duplicate: boolean }> {
  const now = deps.clock.now();
  const emailId = request.messageId ? stableId('em', orgId, request.messageId) : timeOrderedId('em', now);
  const email: EmailRecord = {
    orgId,
    emailId,
    from: request.from,
    subject: request.subject,
    text: request.text,
    ...(request.messageId ? { messageId: request.messageId } : {}),
    status: 'received',
    receivedAt: now.toISOString(),
  };
  const result = await deps.emails.submit(email);
  if (!result.stored) return { email: result.existing, duplicate: true };
  try {
    await deps.queue.enqueueClassification({ orgId, emailId });
  } catch (error) {
    logger.warn('classification enqueue failed; the sweeper will re-send', { orgId, emailId, error });
  }
  return { email, duplicate: false };
}
