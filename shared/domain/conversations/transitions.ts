import type { ReplyDraft } from '../drafts/draft.ts';
import type { Conversation, ConversationAuthor, ConversationMessage } from './conversation.ts';
import { autoResolveAt, reopen } from './retention.ts';

/** The contact's message of an email, and the AI's draft for it: one each per email. */
export const inboundIdOf = (emailId: string) => `in_${emailId}`;
export const draftIdOf = (emailId: string) => `draft_${emailId}`;

/**
 * The only ways a conversation changes. Each returns the conversation as it is to be written (its
 * version one up) with the messages it adds, or why it may not change; nothing here is sent
 * anywhere: a reply waits for the email channel (issue 13).
 */
export type ConversationChange =
  | {
      readonly kind: 'changed';
      readonly conversation: Conversation;
      readonly messages: readonly ConversationMessage[];
      /** A person's reply took it from someone else (`ai` when the AI alone handled it). */
      readonly takenOverFrom?: string;
    }
  | { readonly kind: 'refused'; readonly reason: ConversationRefusal };

export type ConversationChanged = Extract<ConversationChange, { kind: 'changed' }>;

/** `resolved`: people act on an open or escalated conversation; a new inbound message reopens one. */
export type ConversationRefusal = 'resolved';

/** What opens a conversation: an inbound email, once triaged. */
export interface ConversationOpening {
  readonly orgId: string;
  readonly emailId: string;
  readonly subject: string;
  readonly summary: string;
  readonly address: string;
  readonly category: Conversation['category'];
  readonly urgency: Conversation['urgency'];
  readonly language?: string;
  readonly routeTo?: Conversation['routeTo'];
  readonly workflowId?: string;
  readonly at: string;
}

/** One conversation per inbound email until replies are threaded by Message-ID (issue 13). */
export function conversationIdOf(emailId: string): string {
  return `cv_${emailId}`;
}

/** A new, open conversation, no message yet (appendInbound adds the email's). */
export function openConversation(opening: ConversationOpening): Conversation {
  return {
    orgId: opening.orgId,
    conversationId: conversationIdOf(opening.emailId),
    subject: opening.subject,
    summary: opening.summary,
    contact: { address: opening.address },
    emailIds: [],
    ...(opening.workflowId ? { workflowId: opening.workflowId } : {}),
    ...(opening.category ? { category: opening.category } : {}),
    urgency: opening.urgency,
    ...(opening.language ? { language: opening.language } : {}),
    ...(opening.routeTo ? { routeTo: opening.routeTo } : {}),
    status: 'open',
    lastActivityAt: opening.at,
    createdAt: opening.at,
    version: 0,
  };
}

/** The contact's message: added once (its id is the email's), and it reopens a resolved conversation. */
export function appendInbound(
  conversation: Conversation,
  inbound: { readonly emailId: string; readonly text: string; readonly at: string },
): ConversationChanged {
  const message = line(conversation, {
    messageId: inboundIdOf(inbound.emailId),
    at: inbound.at,
    kind: 'inbound',
    author: { kind: 'contact', id: conversation.contact.address },
    text: inbound.text,
    internal: false,
  });
  const reopened = conversation.status === 'resolved' ? reopen(conversation) : conversation;
  return changed(
    {
      ...reopened,
      emailIds: conversation.emailIds.includes(inbound.emailId)
        ? conversation.emailIds
        : [...conversation.emailIds, inbound.emailId],
    },
    inbound.at,
    [message],
  );
}

/**
 * The AI's work on an inbound email: its draft (waiting for a person's approval: model-written
 * text is never sent without one) and each compliance finding on it, as lines of their own.
 */
export function recordAiWork(
  conversation: Conversation,
  work: { readonly emailId: string; readonly draft: ReplyDraft; readonly at: string },
): ConversationChanged {
  const ai = { kind: 'ai' as const, id: work.draft.engine };
  const draft = line(conversation, {
    messageId: draftIdOf(work.emailId),
    at: work.at,
    kind: 'ai_draft',
    author: ai,
    text: work.draft.text,
    internal: false,
    delivery: 'awaiting_approval',
  });
  const findings = work.draft.findings.map((finding, index) =>
    line(conversation, {
      messageId: `finding_${work.emailId}_${index}`,
      at: work.at,
      kind: 'ai_finding',
      author: ai,
      text: `${finding.severity} ${finding.rule}: "${finding.excerpt}" (${finding.suggestion})`,
      internal: true,
    }),
  );
  return changed(conversation, work.at, [draft, ...findings]);
}

/**
 * A person's words: a reply (outbound, `awaiting_channel`: their own words need no approval, but
 * nothing pretends to send them) or an internal note (never sent). A reply by someone other than
 * the assignee — or in a conversation the AI alone handled — takes the conversation over.
 */
export function addPersonMessage(
  conversation: Conversation,
  words: {
    readonly person: string;
    readonly messageId: string;
    readonly text: string;
    readonly internal: boolean;
    readonly at: string;
  },
): ConversationChange {
  if (conversation.status === 'resolved') return { kind: 'refused', reason: 'resolved' };
  const message = line(conversation, {
    messageId: words.messageId,
    at: words.at,
    kind: words.internal ? 'note' : 'reply',
    author: { kind: 'agent', id: words.person },
    text: words.text,
    internal: words.internal,
    ...(words.internal ? {} : { delivery: 'awaiting_channel' as const }),
  });
  const takesOver = !words.internal && conversation.assignee !== words.person;
  const next = takesOver ? { ...conversation, assignee: words.person } : conversation;
  const result = changed(next, words.at, [message]);
  return takesOver ? { ...result, takenOverFrom: conversation.assignee ?? 'ai' } : result;
}

/** Someone asks for more authority: the conversation is escalated (its queue item moves up the chain). */
export function escalateConversation(
  conversation: Conversation,
  escalation: { readonly by: ConversationAuthor; readonly reason: string; readonly at: string },
): ConversationChange {
  if (conversation.status === 'resolved') return { kind: 'refused', reason: 'resolved' };
  return changed({ ...conversation, status: 'escalated' }, escalation.at, [
    systemLine(
      conversation,
      escalation.by,
      escalation.at,
      'escalated',
      `Escalated by ${nameOf(escalation.by)}: ${escalation.reason}`,
    ),
  ]);
}

/** Done: resolved now; its messages are deleted 7 days later (retention.ts), its summary stays. */
export function resolveConversation(
  conversation: Conversation,
  resolution: { readonly by: ConversationAuthor; readonly why: string; readonly at: string },
): ConversationChange {
  if (conversation.status === 'resolved') return { kind: 'refused', reason: 'resolved' };
  const resolved = { ...conversation, status: 'resolved' as const, resolvedAt: resolution.at };
  return changed(resolved, resolution.at, [
    systemLine(
      conversation,
      resolution.by,
      resolution.at,
      'resolved',
      `Resolved by ${nameOf(resolution.by)}: ${resolution.why}`,
    ),
  ]);
}

/** The sweep's rule: 24 h without activity resolves it; anything else (activity since, resolved) leaves it. */
export function autoResolve(conversation: Conversation, now: Date): ConversationChange | undefined {
  const due = autoResolveAt(conversation);
  if (due === undefined || Date.parse(due) > now.getTime()) return undefined;
  return resolveConversation(conversation, {
    by: { kind: 'system', id: 'auto_resolve' },
    why: 'no activity for 24 hours',
    at: now.toISOString(),
  });
}

function changed(
  conversation: Conversation,
  at: string,
  messages: readonly ConversationMessage[],
): ConversationChanged {
  const lastActivityAt = at > conversation.lastActivityAt ? at : conversation.lastActivityAt;
  return {
    kind: 'changed',
    conversation: { ...conversation, lastActivityAt, version: conversation.version + 1 },
    messages,
  };
}

function line(
  conversation: Conversation,
  message: Omit<ConversationMessage, 'orgId' | 'conversationId'>,
): ConversationMessage {
  return { orgId: conversation.orgId, conversationId: conversation.conversationId, ...message };
}

/**
 * The platform's remark on what someone did; a rule of the platform (the auto-resolve) signs its
 * own. Its id is what happened and when, so the same remark written twice is one.
 */
function systemLine(
  conversation: Conversation,
  by: ConversationAuthor,
  at: string,
  what: string,
  text: string,
): ConversationMessage {
  return line(conversation, {
    messageId: `sys_${what}_${Date.parse(at).toString(36)}`,
    at,
    kind: 'system',
    author: by.kind === 'system' ? by : { kind: 'system' },
    text,
    internal: true,
  });
}

function nameOf(author: ConversationAuthor): string {
  return author.id ? `${author.kind} ${author.id}` : author.kind;
}
