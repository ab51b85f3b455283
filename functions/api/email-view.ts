import type { EmailView } from '#contracts/emails.ts';
import type { EmailRecord } from '#domain/emails/email.ts';

/** What a client sees of an email: typed by the contract, so a value it does not publish fails to compile. */
export function emailView(e: EmailRecord): EmailView {
  return {
    emailId: e.emailId,
    status: e.status,
    from: e.from,
    subject: e.subject,
    text: e.text,
    messageId: e.messageId,
    receivedAt: e.receivedAt,
    classification: e.classification,
    classifiedAt: e.classifiedAt,
    workflowId: e.workflowId,
  };
}
