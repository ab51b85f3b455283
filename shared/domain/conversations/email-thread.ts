import type { EmailRecord } from '../emails/email.ts';
import type { Conversation, ConversationMessage } from './conversation.ts';
import {
  appendInbound,
  type ConversationChanged,
  draftIdOf,
  inboundIdOf,
  openConversation,
  recordAiWork,
} from './transitions.ts';

/**
 * What a triaged email adds to its conversation: the contact's message and, when one was drafted,
 * the AI's draft and findings — each only if not already there (`stored`: the ids the thread holds),
 * so a redelivered email adds nothing and reopens nothing. Undefined when there is nothing to add.
 * The conversation (`existing`, or a new one the email opens) is returned one version up.
 */
export function threadEmail(
  existing: Conversation | undefined,
  email: EmailRecord & { readonly triage: NonNullable<EmailRecord['triage']> },
  stored: ReadonlySet<string>,
  now: Date,
): ConversationChanged | undefined {
  const { triage } = email;
  const base =
    existing ??
    openConversation({
      orgId: email.orgId,
      emailId: email.emailId,
      subject: email.subject,
      summary: triage.summary,
      address: email.from,
      category: triage.category,
      urgency: triage.urgency,
      language: triage.language,
      routeTo: triage.routeTo,
      ...(email.workflowId ? { workflowId: email.workflowId } : {}),
      at: instant(email.receivedAt),
    });
  let conversation = base;
  const messages: ConversationMessage[] = [];
  const apply = (change: ConversationChanged) => {
    conversation = change.conversation;
    messages.push(...change.messages);
  };
  if (!stored.has(inboundIdOf(email.emailId)))
    apply(
      appendInbound(conversation, {
        emailId: email.emailId,
        text: email.preparedText || email.text || '',
        at: instant(email.receivedAt),
      }),
    );
  if (email.draft && !stored.has(draftIdOf(email.emailId)))
    apply(
      recordAiWork(conversation, {
        emailId: email.emailId,
        draft: email.draft,
        at: instant(email.triagedAt ?? now.toISOString()),
      }),
    );
  const linked = email.workflowId !== undefined && conversation.workflowId === undefined;
  if (messages.length === 0 && !linked && existing) return undefined;
  return {
    kind: 'changed',
    conversation: {
      ...conversation,
      ...(linked ? { workflowId: email.workflowId } : {}),
      version: existing ? existing.version + 1 : 0,
    },
    messages,
  };
}

/** Sort keys need one form of instant. */
function instant(at: string): string {
  const parsed = new Date(at);
  return Number.isNaN(parsed.getTime()) ? at : parsed.toISOString();
}
