import type { Classification } from '#domain/classification/taxonomy.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
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

  async saveClassification(
    orgId: string,
    emailId: string,
    classification: Classification,
    at: string,
    next?: OutboxEntry,
  ): Promise<Classification> {
    const row = this.rows.emails.get(rowKey(orgId, emailId));
    if (!row) throw new Error(`email ${emailId} is not stored`);
    if (row.record.classification) return copy(row.record.classification);
    row.record = {
      ...row.record,
      status: 'classified',
      classification: copy(classification),
      classifiedAt: at,
    };
    row.outbox = next ? mark(next, at) : undefined;
    return copy(classification);
  }
}
