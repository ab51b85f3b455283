import { z } from 'zod';
import { CATEGORIES, URGENCIES } from '#vocabulary/classification.ts';
import { EMAIL_ID, EMAIL_STATUSES } from '#vocabulary/emails.ts';
import { CHANNELS } from '#vocabulary/triage.ts';
import { IsoDateTime, IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';
import { DraftView, TriageView } from './triage.ts';

/** The largest part (text or HTML) a message may carry: bigger is an attachment, not a message. */
const MAX_PART_CHARS = 200_000;

const RentvineId = z.string().trim().min(1).max(100);

/** `POST /v1/emails`. Strict: a misspelt member is an error, not silently dropped. */
export const SubmitEmailRequest = z
  .strictObject({
    messageId: z.string().trim().min(1).max(998).meta({
      description: 'RFC 5322 Message-ID: resubmitting it returns the same email, queued once',
    }),
    from: z.string().trim().min(3).max(320),
    to: z.string().trim().min(3).max(320).optional(),
    subject: z.string().max(998),
    text: z.string().max(MAX_PART_CHARS).optional().meta({ description: 'The plain-text part, as received' }),
    html: z.string().max(MAX_PART_CHARS).optional().meta({
      description: 'The HTML part, as received: its text is read when there is no text part',
    }),
    receivedAt: IsoDateTime.optional().meta({
      description: 'When your mail system received it (with its zone); defaults to now',
    }),
    propertyId: RentvineId.optional().meta({ description: 'The Rentvine property it is about, if known' }),
    leaseId: RentvineId.optional().meta({ description: 'The Rentvine lease it is about, if known' }),
  })
  .refine((body) => Boolean(body.text?.trim() || body.html?.trim()), {
    message: 'expected a non-empty text or html part',
    path: ['text'],
  });
export type SubmitEmailRequest = z.infer<typeof SubmitEmailRequest>;

export const SubmitEmailAccepted = z
  .object({
    emailId: z.string().regex(EMAIL_ID),
    status: z.enum(EMAIL_STATUSES),
    duplicate: z
      .boolean()
      .meta({ description: 'True when the messageId was submitted before: the answer names that email' }),
  })
  .meta({ id: 'EmailAccepted' });
export type SubmitEmailAccepted = z.infer<typeof SubmitEmailAccepted>;

export const EmailPath = z.object({ emailId: z.string().regex(EMAIL_ID) });

/** `GET /v1/emails`: strict, so a misspelt filter is an error rather than an unfiltered listing. */
export const EmailListQuery = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  status: z.enum(EMAIL_STATUSES).optional(),
  needsHuman: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  since: IsoInstant.transform((since) => new Date(since).toISOString())
    .optional()
    .meta({ description: 'Only messages received at or after this instant' }),
  ...PageQuery,
});
export type EmailListQuery = z.infer<typeof EmailListQuery>;

const EmailFields = {
  emailId: z.string().regex(EMAIL_ID),
  channel: z.enum(CHANNELS),
  status: z.enum(EMAIL_STATUSES),
  from: z.string(),
  to: z.string().optional(),
  subject: z.string(),
  receivedAt: z.iso.datetime(),
  messageId: z.string().optional(),
  integrationId: z.string().optional().meta({ description: 'The integration that delivered it' }),
  propertyId: z.string().optional(),
  leaseId: z.string().optional(),
  triagedAt: z.iso.datetime().optional(),
  workflowId: z.string().optional(),
};

/** One line of `GET /v1/emails`: what to sort and route by, never the message's body. */
export const EmailSummary = z
  .object({
    ...EmailFields,
    category: z.enum(CATEGORIES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    needsHuman: z.boolean().optional(),
    summary: z.string().optional(),
    draftStatus: DraftView.shape.status.optional(),
  })
  .meta({ id: 'EmailSummary' });
export type EmailSummary = z.infer<typeof EmailSummary>;

export const EmailPage = z.object({ emails: z.array(EmailSummary), nextCursor: NextCursor });
export type EmailPage = z.infer<typeof EmailPage>;

/** `GET /v1/emails/{emailId}`. */
export const EmailView = z
  .object({
    ...EmailFields,
    text: z.string().optional().meta({ description: 'The text part, as received' }),
    html: z.string().optional().meta({ description: 'The HTML part, as received' }),
    preparedText: z.string().optional().meta({
      description: 'What triage read: the text without the quoted reply chain and the signature',
    }),
    triage: TriageView.optional(),
    draft: DraftView.optional(),
  })
  .meta({ id: 'Email' });
export type EmailView = z.infer<typeof EmailView>;

/** `POST /v1/emails/{emailId}/draft/approve`: optional body; `text` replaces the draft's. */
export const ApproveDraftRequest = z
  .strictObject({
    text: z.string().trim().min(1).max(20_000).optional().meta({
      description:
        'The reply as it should be sent; required to approve a `blocked` draft (it is reviewed again)',
    }),
  })
  .optional();
export type ApproveDraftRequest = z.infer<typeof ApproveDraftRequest>;

/** `POST /v1/emails/{emailId}/draft/reject`. */
export const RejectDraftRequest = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type RejectDraftRequest = z.infer<typeof RejectDraftRequest>;

/** The answer of approve and reject: the draft as decided. */
export const DecidedDraft = z
  .object({ emailId: z.string().regex(EMAIL_ID), status: z.enum(EMAIL_STATUSES), draft: DraftView })
  .meta({ id: 'DecidedDraft' });
export type DecidedDraft = z.infer<typeof DecidedDraft>;
