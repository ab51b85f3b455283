/** Ports of the email inbox. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Classification } from '../classification/taxonomy.ts';
import type { OutboxEntry } from '../messaging/outbox.ts';
import type { EmailRecord } from './email.ts';

export interface EmailStore {
  /** Conditional on the email id (derived from Message-ID when given). */
  submit(email: EmailRecord): Promise<{ stored: true } | { stored: false; existing: EmailRecord }>;
  get(orgId: string, emailId: string): Promise<EmailRecord | undefined>;
  /**
   * The first classification saved wins; returns the one that is stored. In the same write the
   * email leaves the outbox for classification and, with `next`, enters it for its next stage.
   */
  saveClassification(
    orgId: string,
    emailId: string,
    classification: Classification,
    at: string,
    next?: OutboxEntry,
  ): Promise<Classification>;
}
