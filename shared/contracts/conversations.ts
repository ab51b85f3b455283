import { z } from 'zod';
import { AGENT_ID } from '#vocabulary/access.ts';
import { CATEGORIES, URGENCIES } from '#vocabulary/classification.ts';
import {
  CONVERSATION_AUTHOR_KINDS,
  CONVERSATION_ID,
  CONVERSATION_MESSAGE_KINDS,
  CONVERSATION_STATUSES,
  CONVERSATION_TEXT_MAX,
  REPLY_DELIVERY_STATUSES,
} from '#vocabulary/desk.ts';
import { NextCursor, PageQuery } from './paging.ts';

export const ConversationPath = z.object({ conversationId: z.string().regex(CONVERSATION_ID) });

/** `GET /v1/conversations` query; strict, so a misspelt filter is an error, not an unfiltered list. */
export const ConversationListQuery = z.strictObject({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  assignee: z.string().regex(AGENT_ID).optional().meta({
    description: 'Only conversations this person holds (an agent id, or the key id of a key without one)',
  }),
  ...PageQuery,
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

/** What a conversation is, without its messages: what the list shows and what stays after retention. */
export const ConversationSummary = z
  .object({
    conversationId: z.string(),
    subject: z.string(),
    summary: z
      .string()
      .meta({ description: "Triage's one-sentence summary; kept when the messages are deleted" }),
    contact: z.object({
      address: z.string(),
      rentvine: z.object({ kind: z.enum(['tenant', 'owner', 'vendor']), id: z.string() }).optional(),
    }),
    emailIds: z.array(z.string()),
    workflowId: z.string().optional(),
    category: z.enum(CATEGORIES).optional(),
    urgency: z.enum(URGENCIES),
    language: z.string().optional(),
    status: z.enum(CONVERSATION_STATUSES),
    assignee: z.string().optional().meta({ description: 'Absent while the AI alone handles it' }),
    lastActivityAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ConversationSummary' });
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationMessageView = z
  .object({
    messageId: z.string(),
    at: z.iso.datetime(),
    kind: z.enum(CONVERSATION_MESSAGE_KINDS),
    author: z.object({ kind: z.enum(CONVERSATION_AUTHOR_KINDS), id: z.string().optional() }),
    text: z.string(),
    internal: z.boolean().meta({ description: 'Never sent to anyone (a note, a finding, a remark)' }),
    delivery: z.enum(REPLY_DELIVERY_STATUSES).optional().meta({
      description:
        "Outbound text: `awaiting_approval` (model-written) or `awaiting_channel` (a person's words); nothing is sent until the email channel exists",
    }),
  })
  .meta({ id: 'ConversationMessage' });
export type ConversationMessageView = z.infer<typeof ConversationMessageView>;

export const ConversationView = ConversationSummary.extend({
  messages: z
    .array(ConversationMessageView)
    .meta({ description: 'Oldest first; none once the conversation has been resolved 7 days' }),
}).meta({ id: 'Conversation' });
export type ConversationView = z.infer<typeof ConversationView>;

export const ConversationPage = z
  .object({ conversations: z.array(ConversationSummary), nextCursor: NextCursor })
  .meta({ id: 'ConversationPage' });
export type ConversationPage = z.infer<typeof ConversationPage>;

export const ConversationMessageRequest = z
  .strictObject({
    text: z.string().trim().min(1).max(CONVERSATION_TEXT_MAX),
    internal: z
      .boolean()
      .default(false)
      .meta({ description: 'An internal note: kept in the thread, never sent' }),
  })
  .meta({ id: 'ConversationMessageRequest' });

export const EscalateConversationRequest = z
  .strictObject({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'EscalateConversationRequest' });

/** The answer to a new message: the line as written, and whether it took the conversation over. */
export const AddedConversationMessage = z
  .object({
    message: ConversationMessageView,
    takenOverFrom: z.string().optional().meta({
      description: 'The previous assignee (`ai` when the AI alone handled it), when this reply took it over',
    }),
  })
  .meta({ id: 'AddedConversationMessage' });
export type AddedConversationMessage = z.infer<typeof AddedConversationMessage>;

export const EscalatedConversation = ConversationSummary.extend({
  queueItemId: z.string(),
  holderRole: z.string().optional().meta({ description: 'The role its queue item moved up to' }),
}).meta({ id: 'EscalatedConversation' });
export type EscalatedConversation = z.infer<typeof EscalatedConversation>;
