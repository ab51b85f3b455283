import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Classification } from '#domain/classification/taxonomy.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoEmailStore implements EmailStore {
  constructor(private readonly tableName: string) {}

  async submit(email: EmailRecord) {
    const item = {
      ...keys.email(email.orgId, email.emailId),
      ...keys.listing(email.orgId, 'EMAILS', email.receivedAt, email.emailId),
      ...keys.outbox('email', email.orgId, email.emailId, email.receivedAt),
      pendingKind: 'email',
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
  ): Promise<Classification> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(orgId, emailId),
          UpdateExpression:
            'SET #status = :classified, classification = :c, classifiedAt = :at REMOVE GSI2PK, GSI2SK, pendingKind',
          // The first classification wins; a concurrent duplicate run must not replace it.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(classification)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':classified': 'classified', ':c': classification, ':at': at },
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
