/** Ports of the inbox. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Category, Urgency } from '../classification/taxonomy.ts';
import type { ReplyDraft } from '../drafts/draft.ts';
import type { OutboxEntry } from '../messaging/outbox.ts';
import type { DraftDecisionRequest, EmailRecord, TriageResult } from './email.ts';
import type { ParsedMail } from './inbound-mail.ts';

/** Filters of `GET /v1/emails`; all optional, combined with AND. */
export interface EmailFilter {
  readonly category?: Category;
  readonly urgency?: Urgency;
  readonly status?: EmailRecord['status'];
  readonly needsHuman?: boolean;
  /** Received at or after this instant. */
  readonly since?: string;
}

export interface EmailPage {
  /** Newest first. */
  readonly emails: readonly EmailRecord[];
  /** Opaque; present when there may be more. */
  readonly cursor?: string;
}

export interface EmailStore {
  /** Conditional on the email id (derived from Message-ID when given). */
  submit(email: EmailRecord): Promise<{ stored: true } | { stored: false; existing: EmailRecord }>;
  get(orgId: string, emailId: string): Promise<EmailRecord | undefined>;
  /**
   * The first triage saved wins; returns the result that is stored. In the same write the
   * email leaves the outbox for classification and, with `next`, enters it for its next stage.
   */
  saveTriage(
    orgId: string,
    emailId: string,
    result: TriageResult,
    at: string,
    next?: OutboxEntry,
  ): Promise<TriageResult>;
  /**
   * Attaches the draft a triage was saved without (an emergency's, written after its workflow
   * was asked for); the first draft saved wins and is returned.
   */
  saveDraft(orgId: string, emailId: string, draft: ReplyDraft): Promise<ReplyDraft>;
  /**
   * The org's emails, newest first, filtered; `limit` caps one page. The work per call is
   * bounded: a selective filter may answer a short (even empty) page with a cursor to go on.
   * A cursor not issued for this org and `since` throws InvalidCursorError.
   */
  list(orgId: string, filter: EmailFilter, page: { limit: number; cursor?: string }): Promise<EmailPage>;
  /**
   * Records a person's decision on the draft when its status is one of `request.from`; returns
   * the draft as stored, or undefined when the email (or its draft) is not stored. A draft in
   * another status is returned unchanged (the caller compares).
   */
  decideDraft(orgId: string, emailId: string, request: DraftDecisionRequest): Promise<ReplyDraft | undefined>;
}

/** The parts of a message as received. */
export interface MessageParts {
  readonly text?: string;
  readonly html?: string;
  /** Its subject: a forward's prefix ("FW:", "RV:") tells a forwarded message from a quoted reply. */
  readonly subject?: string;
}

/**
 * Port: the text triage reads — the text part (or the HTML's text when there is none) without
 * the quoted reply chain and the signature. Never empty when a part had words.
 */
export interface MessageTextPreparer {
  prepare(parts: MessageParts): string;
}

/**
 * Port: where inbound mail is kept as received, with the attachments kept apart (the data dir
 * locally, S3 in AWS). Keys start with the org. A key is written once: the same bytes again return
 * the same reference (a redelivery), other bytes throw RawMailKeyTakenError and change nothing.
 * Returns the reference the email record links to.
 */
export interface RawMailStore {
  putRaw(orgId: string, mailKey: string, raw: Uint8Array): Promise<string>;
  putAttachment(orgId: string, mailKey: string, index: number, content: Uint8Array): Promise<string>;
  /** The bytes behind a reference of this org; undefined when none are kept. */
  read(orgId: string, ref: string): Promise<Uint8Array | undefined>;
}

/** Other bytes were put under a key already kept: kept mail is never overwritten. */
export class RawMailKeyTakenError extends Error {
  constructor(readonly ref: string) {
    super(`raw mail ${ref} is already kept with other bytes`);
    this.name = 'RawMailKeyTakenError';
  }
}

/** Port: MIME parsing (multipart, transfer encodings, charsets, HTML-only mail). */
export interface MailParser {
  parse(raw: Uint8Array): Promise<ParsedMail>;
}

/** Port: whether an org exists to receive mail (its inbound address is live). */
export interface KnownOrgs {
  has(orgId: string): Promise<boolean>;
}
