import type { TriageResult } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { stableId } from '#platform/security/ids.ts';

/** An email of the org as a triage run leaves it (untriaged when `result` is null); its id derives from `key`. */
export async function seededEmail(
  emails: EmailStore,
  orgId: string,
  key: string,
  result: TriageResult | null,
  receivedAt: string,
): Promise<string> {
  const emailId = stableId('em', orgId, key);
  await emails.submit({
    orgId,
    emailId,
    channel: 'email',
    from: 'tenant@example.com',
    subject: key,
    text: `About ${key}.`,
    messageId: key,
    status: 'received',
    receivedAt,
  });
  if (result) await emails.saveTriage(orgId, emailId, result, receivedAt);
  return emailId;
}
