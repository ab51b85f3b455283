import type { ReplyDraft } from '#domain/drafts/draft.ts';
import {
  type DraftDecisionRequest,
  draftStatus,
  type EmailRecord,
  statusAfterTriage,
  storedTriage,
  type TriageResult,
} from '#domain/emails/email.ts';
import type { EmailFilter, EmailPage, EmailStore } from '#domain/emails/ports.ts';
import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
import { decodePositionCursor, encodePositionCursor } from './position-cursor.ts';
import { copy, type InMemoryRows, mark, rowKey } from './rows.ts';

/** The in-memory twin of DynamoEmailStore (test/integration/contracts proves them alike). */
export class InMemoryEmailStore implements EmailStore {
  constructor(private readonly rows: InMemoryRows) {}

  async submit(email: EmailRecord) {
    const key = rowKey(email.orgId, email.emailId);
    const existing = this.rows.emails.get(key);
    if (existing) return { stored: false as const, existing: copy(existing.record) };
    this.rows.emails.set(key, {
      record: copy(email),
      outbox: mark(outboxEntry('classify', { orgId: email.orgId, emailId: email.emailId }), email.receivedAt),
    });
    return { stored: true as const };
  }

  async get(orgId: string, emailId: string): Promise<EmailRecord | undefined> {
    const row = this.rows.emails.get(rowKey(orgId, emailId));
    return row ? copy(row.record) : undefined;
  }

  async saveTriage(
    orgId: string,
    emailId: string,
    result: TriageResult,
    at: string,
    next?: OutboxEntry,
  ): Promise<TriageResult> {
    const row = this.rows.emails.get(rowKey(orgId, emailId));
    if (!row) throw new Error(`email ${emailId} is not stored`);
    const { record } = row;
    const stored = storedTriage(record);
    if (stored) return copy(stored);
    row.record = {
      ...record,
      status: statusAfterTriage(result),
      triage: copy(result.triage),
      preparedText: result.preparedText,
      triagedAt: at,
      ...(result.draft ? { draft: copy(result.draft) } : {}),
    };
    row.outbox = next ? mark(next, at) : undefined;
    return copy(result);
  }

  async saveDraft(orgId: string, emailId: string, draft: ReplyDraft): Promise<ReplyDraft> {
    const row = this.rows.emails.get(rowKey(orgId, emailId));
    if (!row?.record.triage) throw new Error(`email ${emailId} is not triaged`);
    if (row.record.draft) return copy(row.record.draft);
    row.record = { ...row.record, status: draftStatus(draft), draft: copy(draft) };
    return copy(draft);
  }

  async list(
    orgId: string,
    filter: EmailFilter,
    page: { limit: number; cursor?: string },
  ): Promise<EmailPage> {
    const before = decodePositionCursor(page.cursor, orgId, /^\d{4}-\d\d-\d\dT[^#]+#em_/, filter.since);
    const matching = [...this.rows.emails.values()]
      .map((row) => ({ email: row.record, position: `${row.record.receivedAt}#${row.record.emailId}` }))
      .filter(
        ({ email, position }) =>
          email.orgId === orgId &&
          (filter.since === undefined || position >= filter.since) &&
          (before === undefined || position < before) &&
          (filter.status === undefined || email.status === filter.status) &&
          (filter.category === undefined || email.triage?.category === filter.category) &&
          (filter.urgency === undefined || email.triage?.urgency === filter.urgency) &&
          (filter.needsHuman === undefined || email.triage?.needsHuman === filter.needsHuman),
      )
      .sort((a, b) => (a.position < b.position ? 1 : -1));
    const listed = matching.slice(0, page.limit);
    const emails = listed.map(({ email }) => copy(email));
    const last = listed.at(-1);
    return matching.length > page.limit && last
      ? { emails, cursor: encodePositionCursor(orgId, last.position) }
      : { emails };
  }

  async decideDraft(
    orgId: string,
    emailId: string,
    request: DraftDecisionRequest,
  ): Promise<ReplyDraft | undefined> {
    const row = this.rows.emails.get(rowKey(orgId, emailId));
    const draft = row?.record.draft;
    if (!row || !draft) return undefined;
    if (!request.from.includes(draft.status)) return copy(draft);
    const { action } = request.decision;
    const decided: ReplyDraft = { ...draft, status: action, decision: copy(request.decision) };
    row.record = { ...row.record, status: action, draft: decided };
    return copy(decided);
  }
}
