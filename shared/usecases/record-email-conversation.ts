import { needsPerson } from '#domain/conversations/desk-routing.ts';
import { threadEmail } from '#domain/conversations/email-thread.ts';
import type { ConversationStore } from '#domain/conversations/ports.ts';
import { conversationIdOf } from '#domain/conversations/transitions.ts';
import type { ClassifyMessage, EmailRecord } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { ConversationDeps } from './change-conversation.ts';
import { keepRetention } from './change-conversation.ts';
import { type ConversationQueueDeps, queueConversation } from './queue-conversation.ts';

export interface RecordEmailConversationDeps extends ConversationDeps, ConversationQueueDeps {
  readonly emails: EmailStore;
  readonly conversations: ConversationStore;
}

export interface EmailConversation {
  readonly conversationId: string;
  /** Lines added by this run (none on a redelivery). */
  readonly added: number;
  /** Its queue item: asked for when a person must look (needsHuman, or a draft awaiting approval). */
  readonly queue: 'created' | 'exists' | 'not_needed';
}

const ATTEMPTS = 5;

/**
 * A triaged email into its conversation: one conversation per inbound email (threading replies by
 * Message-ID is the email channel's, issue 13), opened with the contact's message, the AI's draft
 * and its findings; the workflow the email started is linked once known. Idempotent: every line's
 * id comes from the email's, so a redelivered message adds nothing. Spam opens nothing.
 */
export async function recordEmailConversation(
  deps: RecordEmailConversationDeps,
  message: ClassifyMessage,
): Promise<EmailConversation | undefined> {
  const email = await deps.emails.get(message.orgId, message.emailId);
  if (!email?.triage || email.triage.category === 'spam') return undefined;
  const triaged = email as EmailRecord & { triage: NonNullable<EmailRecord['triage']> };
  const conversationId = conversationIdOf(email.emailId);
  let added = -1;
  for (let attempt = 0; attempt < ATTEMPTS && added < 0; attempt += 1) {
    const now = deps.clock.now();
    const existing = await deps.conversations.get(email.orgId, conversationId);
    const stored = existing
      ? new Set((await deps.conversations.messages(email.orgId, conversationId, now)).map((m) => m.messageId))
      : new Set<string>();
    const change = threadEmail(existing, triaged, stored, now);
    if (!change) added = 0;
    else if (!existing) {
      if ((await deps.conversations.create(change.conversation, change.messages)) === 'created')
        added = change.messages.length;
    } else if (
      (await deps.conversations.save(change.conversation, existing.version, change.messages)) === 'saved'
    ) {
      await keepRetention(deps, change.conversation, now);
      added = change.messages.length;
    }
  }
  if (added < 0)
    throw new Error(`conversation ${conversationId}: still contended after ${ATTEMPTS} attempts`);
  const conversation = await deps.conversations.get(email.orgId, conversationId);
  // A resolved conversation needs nobody: this is a redelivery that added nothing (a new message
  // reopens it), and queuing it again would replace its finished item's history.
  if (!conversation || conversation.status === 'resolved' || !needsPerson(triaged.triage, email.draft))
    return { conversationId, added, queue: 'not_needed' };
  const queue = await queueConversation(deps, conversation);
  return { conversationId, added, queue };
}
