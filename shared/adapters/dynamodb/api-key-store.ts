import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyRecord } from '#domain/access/principal.ts';
import type { ApiKeyStore } from '#domain/ports.ts';
import { documentClient } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoApiKeyStore implements ApiKeyStore {
  constructor(private readonly tableName: string) {}

  async findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.apiKey(keyId) }),
    );
    return Item ? withoutKeys<ApiKeyRecord>(Item) : undefined;
  }

  async put(key: ApiKeyRecord): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.apiKey(key.keyId), ...key },
        // Re-seeding the same key is fine; a key id of another org is never overwritten.
        ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org',
        ExpressionAttributeValues: { ':org': key.orgId },
      }),
    );
  }
}
