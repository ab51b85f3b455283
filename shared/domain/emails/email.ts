import { z } from 'zod';
import type { Classification } from '../classification/taxonomy.ts';

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

export type EmailStatus = 'received' | 'classified' | 'failed';

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

export function emailView(e: EmailRecord) {
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
