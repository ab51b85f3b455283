import type { EmailSummary, EmailView } from '#contracts/emails.ts';
import type { EmailRecord } from '#domain/emails/email.ts';

/** What a client sees of an email: typed by the contract, so a value it does not publish fails to compile. */
export function emailView(e: EmailRecord): EmailView {
  return {
    ...emailFields(e),
    text: e.text,
    html: e.html,
    preparedText: e.preparedText,
    triage: e.triage,
    draft: e.draft,
  };
}

/** One line of the listing: no body, the triage's routing facts only. */
export function emailSummary(e: EmailRecord): EmailSummary {
  return {
    ...emailFields(e),
    category: e.triage?.category,
    urgency: e.triage?.urgency,
    needsHuman: e.triage?.needsHuman,
    summary: e.triage?.summary,
    draftStatus: e.draft?.status,
  };
}

function emailFields(e: EmailRecord) {
  return {
    emailId: e.emailId,
    // Rows stored before channels existed all came in through the API.
    channel: e.channel ?? 'email',
    status: e.status,
    from: e.from,
    to: e.to,
    subject: e.subject,
    receivedAt: e.receivedAt,
    messageId: e.messageId,
    integrationId: e.integrationId,
    propertyId: e.propertyId,
    leaseId: e.leaseId,
    triagedAt: e.triagedAt,
    workflowId: e.workflowId,
  };
}
