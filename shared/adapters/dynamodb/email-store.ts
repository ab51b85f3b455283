import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Classification } from '#domain/classification/taxonomy.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
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

  async saveClassification(
    orgId: string,
    emailId: string,
    classification: Classification,
    at: string,
    next?: OutboxEntry,
  ): Promise<Classification> {
    const outbox = next ? outboxSet(next, orgId, emailId, at) : undefined;
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(orgId, emailId),
          UpdateExpression: outbox
            ? `SET #status = :classified, classification = :c, classifiedAt = :at, ${outbox.clause}`
            : `SET #status = :classified, classification = :c, classifiedAt = :at REMOVE ${OUTBOX_REMOVE}`,
          // The first classification wins; a concurrent duplicate run must not replace it.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(classification)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':classified': 'classified',
            ':c': classification,
            ':at': at,
            ...outbox?.values,
          },
        }),
      );
      return classification;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = (await this.get(orgId, emailId))?.classification;
      if (!stored) throw error;
      return stored;
    }
  }
}
