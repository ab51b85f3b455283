import type { Clock } from '#domain/clock.ts';
import type { EmailRecord, SubmitEmailRequest } from '#domain/emails/email.ts';
import type { InboundMailFacts } from '#domain/emails/inbound-mail.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { Channel } from '#domain/triage/triage.ts';
import { logger } from '#platform/observability.ts';
import { stableId } from '#platform/security/ids.ts';

export interface SubmitEmailDeps {
  readonly emails: EmailStore;
  readonly queue: Pick<WorkQueue, 'enqueueClassification'>;
  readonly clock: Clock;
}

/** Where a message came from: the API (`email`), or an integration's delivery. */
export interface MessageOrigin {
  readonly channel: Channel;
  readonly integrationId?: string;
  /** Mail received at the org's inbound address (receive-inbound-mail.ts). */
  readonly inbound?: InboundMailFacts;
}

/**
 * Stores the message as received (its parts untouched: triage prepares the text), then asks for
 * its triage. Nothing slow runs here. The stored row is the promise: if the queue send fails,
 * the sweeper re-sends it, so the caller still gets its 202.
 */
export async function submitEmail(
  deps: SubmitEmailDeps,
  orgId: string,
  request: SubmitEmailRequest,
  origin: MessageOrigin = { channel: 'email' },
): Promise<{ email: EmailRecord; duplicate: boolean }> {
  const now = deps.clock.now().toISOString();
  const emailId = stableId('em', orgId, request.messageId);
  const email: EmailRecord = {
    ...definedOnly({
      to: request.to,
      text: request.text,
      html: request.html,
      propertyId: request.propertyId,
      leaseId: request.leaseId,
      integrationId: origin.integrationId,
      inbound: origin.inbound,
    }),
    orgId,
    emailId,
    channel: origin.channel,
    from: request.from,
    subject: request.subject,
    messageId: request.messageId,
    status: 'received',
    // The sender's time orders the listing; one in the future (a skewed clock) is taken as now.
    receivedAt: request.receivedAt && request.receivedAt < now ? request.receivedAt : now,
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

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
