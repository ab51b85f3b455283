import { z } from 'zod';
import type { EmailStatus } from '#vocabulary/emails.ts';
import type { DraftDecision, ReplyDraft } from '../drafts/draft.ts';
import type { Channel, Triage } from '../triage/triage.ts';
import type { InboundMailFacts } from './inbound-mail.ts';

/** A message as a client or an integration submits it (validated at the edge: shared/contracts/emails.ts). */
export interface SubmitEmailRequest {
  /** RFC 5322 Message-ID (or the integration delivery's key): resubmitting it returns the same message. */
  readonly messageId: string;
  readonly from: string;
  readonly to?: string;
  readonly subject: string;
  /** The plain-text part, as received. At least one of text and html is present. */
  readonly text?: string;
  readonly html?: string;
  /** When the sender's system received it; defaults to when we did. */
  readonly receivedAt?: string;
  /** What the client already knows the message is about (Rentvine ids). */
  readonly propertyId?: string;
  readonly leaseId?: string;
}

export interface EmailRecord {
  readonly orgId: string;
  readonly emailId: string;
  readonly channel: Channel;
  readonly from: string;
  readonly to?: string;
  readonly subject: string;
  /** The original parts, kept as received. */
  readonly text?: string;
  readonly html?: string;
  readonly messageId?: string;
  /** The integration whose delivery brought the message (channels other than `email`). */
  readonly integrationId?: string;
  readonly propertyId?: string;
  readonly leaseId?: string;
  readonly status: EmailStatus;
  readonly receivedAt: string;
  /** What triage read: text from the HTML when there was no text part, quoted chain and signature removed. */
  readonly preparedText?: string;
  readonly triage?: Triage;
  readonly triagedAt?: string;
  readonly draft?: ReplyDraft;
  readonly workflowId?: string;
  /** Mail received at the org's inbound address: raw message, verdicts, attachments. */
  readonly inbound?: InboundMailFacts;
}

/** What one triage run stores, in one write. */
export interface TriageResult {
  readonly triage: Triage;
  readonly preparedText: string;
  /** Absent when the message needs no reply (spam). */
  readonly draft?: ReplyDraft;
}

/** The triage a stored message holds, as one result; undefined before triage. */
export function storedTriage(email: EmailRecord): TriageResult | undefined {
  if (!email.triage) return undefined;
  return {
    triage: email.triage,
    preparedText: email.preparedText ?? '',
    ...(email.draft ? { draft: email.draft } : {}),
  };
}

/** The status a message takes with its triage: its draft's, or `triaged` when no reply is drafted. */
export function statusAfterTriage(result: TriageResult): EmailStatus {
  return result.draft ? draftStatus(result.draft) : 'triaged';
}

/** A message's status while its draft waits for a person. */
export function draftStatus(draft: ReplyDraft): EmailStatus {
  return draft.status === 'pending_approval' ? 'awaiting_approval' : draft.status;
}

/** Drafts a person may still decide on. */
export const UNDECIDED_DRAFT: readonly ReplyDraft['status'][] = ['pending_approval', 'blocked'];

/** A person's decision on a draft, as the store applies it. */
export interface DraftDecisionRequest {
  readonly decision: DraftDecision;
  /** The statuses the draft may be in for the decision to apply (checked in the same write). */
  readonly from: readonly ReplyDraft['status'][];
}

/** The message on the classify queue. */
export const ClassifyMessage = z.object({ orgId: z.string().min(1), emailId: z.string().min(1) });
export type ClassifyMessage = z.infer<typeof ClassifyMessage>;
