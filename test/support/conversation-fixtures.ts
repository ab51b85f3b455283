import type { Conversation } from '#domain/conversations/conversation.ts';
import { openConversation } from '#domain/conversations/transitions.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import { draftOf, triageOf } from './triage-fixtures.ts';

export const OPENED_AT = '2026-11-20T09:00:00.000Z';

/** A conversation as an email opens it (no message yet). */
export function conversationOf(orgId = 'org-a', over: Partial<Conversation> = {}): Conversation {
  return {
    ...openConversation({
      orgId,
      emailId: 'em_1',
      subject: 'Leak under the sink',
      summary: 'The resident reports a slow leak under the kitchen sink.',
      address: 'tenant@example.com',
      category: 'maintenance_request',
      urgency: 'medium',
      language: 'en',
      routeTo: 'maintenance_supervisor',
      at: OPENED_AT,
    }),
    ...over,
  };
}

/** A triaged email with a draft waiting for approval (the classifier's output). */
export function triagedEmail(
  orgId = 'org-a',
  over: Partial<EmailRecord> = {},
): EmailRecord & { triage: NonNullable<EmailRecord['triage']> } {
  return {
    orgId,
    emailId: 'em_1',
    channel: 'email',
    from: 'tenant@example.com',
    subject: 'Leak under the sink',
    text: 'Hi, there is a slow leak under the kitchen sink.',
    preparedText: 'There is a slow leak under the kitchen sink.',
    status: 'awaiting_approval',
    receivedAt: OPENED_AT,
    triage: triageOf('maintenance_request', 'medium'),
    triagedAt: '2026-11-20T09:00:05.000Z',
    draft: draftOf('blocked'),
    ...over,
  };
}
