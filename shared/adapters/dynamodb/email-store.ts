import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { emailListingQuery } from './email-listing.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';
import { OUTBOX_REMOVE, outboxAttributes, outboxSet } from './outbox-attributes.ts';

export class DynamoEmailStore implements EmailStore {
  constructor(private readonly tableName: string) {}

  async submit(email: EmailRecord) {
    const item = {
      ...keys.email(email.orgId, email.emailId),
      ...keys.listing(email.orgId, 'EMAILS', email.receivedAt, email.emailId),
      ...outboxAttributes(
        outboxEntry('classify', { orgId: email.orgId, emailId: email.emailId }),
        email.orgId,
        email.emailId,
        email.receivedAt,
      ),
      ...email,
    };
    return putUnlessPresent(this.tableName, item, () => this.get(email.orgId, email.emailId));
  }

  async get(orgId: string, emailId: string): Promise<EmailRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.email(orgId, emailId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<EmailRecord>(Item) : undefined;
  }

  async saveTriage(
    orgId: string,
    emailId: string,
    result: TriageResult,
    at: string,
    next?: OutboxEntry,
  ): Promise<TriageResult> {
    const outbox = next ? outboxSet(next, orgId, emailId, at) : undefined;
    const sets = ['#status = :status', 'triage = :triage', 'preparedText = :text', 'triagedAt = :at'];
    if (result.draft) sets.push('draft = :draft');
    if (outbox) sets.push(outbox.clause);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(orgId, emailId),
          UpdateExpression: `SET ${sets.join(', ')}${outbox ? '' : ` REMOVE ${OUTBOX_REMOVE}`}`,
          // The first triage wins; a concurrent duplicate run must not replace it.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(triage)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': statusAfterTriage(result),
            ':triage': result.triage,
            ':text': result.preparedText,
            ':at': at,
            ...(result.draft ? { ':draft': result.draft } : {}),
            ...outbox?.values,
          },
        }),
      );
      return result;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = await this.get(orgId, emailId);
      const result = stored && storedTriage(stored);
      if (!result) throw error;
      return result;
    }
  }

  async saveDraft(orgId: string, emailId: string, draft: ReplyDraft): Promise<ReplyDraft> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(orgId, emailId),
          UpdateExpression: 'SET draft = :draft, #status = :status',
          ConditionExpression: 'attribute_exists(triage) AND attribute_not_exists(draft)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':draft': draft, ':status': draftStatus(draft) },
        }),
      );
      return draft;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = (await this.get(orgId, emailId))?.draft;
      if (!stored) throw error;
      return stored;
    }
  }

  async list(
    orgId: string,
    filter: EmailFilter,
    page: { limit: number; cursor?: string },
  ): Promise<EmailPage> {
    const { query, accepts } = emailListingQuery(this.tableName, orgId, filter);
    const { items, cursor } = await readListingPage(query, {
      ...page,
      accepts,
      map: (item) => withoutKeys<EmailRecord>(item),
    });
    return cursor ? { emails: items, cursor } : { emails: items };
  }

  async decideDraft(
    orgId: string,
    emailId: string,
    request: DraftDecisionRequest,
  ): Promise<ReplyDraft | undefined> {
    const allowed = Object.fromEntries(request.from.map((status, i) => [`:from${i}`, status]));
    const { action } = request.decision;
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(orgId, emailId),
          UpdateExpression: 'SET draft.decision = :decision, draft.#status = :action, #status = :action',
          // Decided once: only from a status the caller read as undecided.
          ConditionExpression: `attribute_exists(draft) AND draft.#status IN (${Object.keys(allowed).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':decision': request.decision, ':action': action, ...allowed },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return (Attributes as EmailRecord | undefined)?.draft;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(orgId, emailId))?.draft;
    }
  }
}
