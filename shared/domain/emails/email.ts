import { z } from 'zod';
import type { EmailStatus } from '#vocabulary/emails.ts';
import type { Classification } from '../classification/taxonomy.ts';

/** An email as a client submits it (validated at the edge: shared/contracts/emails.ts). */
export interface SubmitEmailRequest {
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** RFC 5322 Message-ID, when the client has one: resubmitting it returns the same email. */
  readonly messageId?: string;
}

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
