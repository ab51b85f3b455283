import type { Clock } from '#domain/clock.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { triaged } from './triage-fixtures.ts';

/**
 * A triaged emergency message about property 7 (water through a ceiling light), as the classifier
 * leaves it for the workflow stage: the start request that turns it into a workflow.
 */
export async function triagedEmergency(
  stores: { readonly emails: EmailStore; readonly clock: Clock },
  orgId: string,
  emailId: string,
): Promise<{ source: 'email'; orgId: string; emailId: string }> {
  const receivedAt = stores.clock.now().toISOString();
  await stores.emails.submit({
    orgId,
    emailId,
    channel: 'email',
    from: 'tenant@example.test',
    subject: 'Water pouring from the ceiling',
    text: 'Water is pouring through the kitchen ceiling light.',
    propertyId: '7',
    status: 'received',
    receivedAt,
  });
  await stores.emails.saveTriage(
    orgId,
    emailId,
    triaged('maintenance_emergency', 'emergency', null, {
      maintenance: { issueType: 'plumbing', safetyFlags: ['active_leak', 'water_near_electricity'] },
    }),
    receivedAt,
    outboxEntry('workflow', { source: 'email', orgId, emailId }),
  );
  return { source: 'email', orgId, emailId };
}
