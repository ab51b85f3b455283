import { z } from 'zod';
import { EMAIL_ID, EMAIL_STATUSES } from '#vocabulary/emails.ts';
import { ClassificationView } from './classification.ts';

/** `POST /v1/emails`. */
export const SubmitEmailRequest = z.strictObject({
  from: z.string().trim().min(3).max(320),
  subject: z.string().max(998),
  text: z.string().max(100_000),
  messageId: z.string().trim().min(1).max(998).optional().meta({
    description: 'RFC 5322 Message-ID, when the client has one: resubmitting it returns the same email',
  }),
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

/** `GET /v1/emails/{emailId}`. */
export const EmailView = z
  .object({
    emailId: z.string().regex(EMAIL_ID),
    status: z.enum(EMAIL_STATUSES),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    messageId: z.string().optional(),
    receivedAt: z.iso.datetime(),
    classification: ClassificationView.optional(),
    classifiedAt: z.iso.datetime().optional(),
    workflowId: z.string().optional(),
  })
  .meta({ id: 'Email' });
export type EmailView = z.infer<typeof EmailView>;
