import { z } from 'zod';
import { Classification } from '../classification/taxonomy.ts';

export const SubmitEmailRequest = z.strictObject({
  from: z.string().trim().min(3).max(320),
  subject: z.string().max(998),
  text: z.string().max(100_000),
  /** RFC 5322 Message-ID, when the client has one: resubmitting it returns the same email. */
  messageId: z.string().trim().min(1).max(998).optional(),
});
export type SubmitEmailRequest = z.infer<typeof SubmitEmailRequest>;

/** Email ids: `em_` and lower-case letters and digits (see shared/platform/security/ids.ts). */
export const EMAIL_ID = /^em_[0-9a-z]{20,40}$/;

export const EMAIL_STATUSES = ['received', 'classified', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface EmailRecord {
  readonly orgId: string;
  readonly emailId: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId?: string;
  readonly status: EmailStatus;
  readonly receivedAt: string;
  readonly classification?: Classification;
  readonly classifiedAt?: string;
  readonly workflowId?: string;
}

/** The message on the classify queue. */
export const ClassifyMessage = z.object({ orgId: z.string().min(1), emailId: z.string().min(1) });
export type ClassifyMessage = z.infer<typeof ClassifyMessage>;

/** What `GET /v1/emails/{emailId}` answers (documented in the OpenAPI document). */
export const EmailView = z
  .object({
    emailId: z.string().regex(EMAIL_ID),
    status: z.enum(EMAIL_STATUSES),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    messageId: z.string().optional(),
    receivedAt: z.iso.datetime(),
    classification: Classification.optional(),
    classifiedAt: z.iso.datetime().optional(),
    workflowId: z.string().optional(),
  })
  .meta({ id: 'Email' });
export type EmailView = z.infer<typeof EmailView>;

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
