import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyRecord } from '#domain/access/key-record.ts';
import type { ApiKeyStore } from '#domain/access/ports.ts';
import { roleNamed } from '#domain/roles/registry.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { readWholeListing } from './listing-page.ts';

export class DynamoApiKeyStore implements ApiKeyStore {
  constructor(private readonly tableName: string) {}

  async findByKeyId(keyId: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await documentClient().send(
      // Consistent: a revocation or rotation holds from the next uncached request on.
      new GetCommand({ TableName: this.tableName, Key: keys.apiKey(keyId), ConsistentRead: true }),
    );
    return Item ? keyRecordOf(Item) : undefined;
  }

  async put(key: ApiKeyRecord): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.apiKey(key.keyId),
          ...keys.listing(key.orgId, 'APIKEYS', key.createdAt, key.keyId),
          ...key,
        },
        // Re-seeding the same key is fine; a key id of another org is never overwritten.
        ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org',
        ExpressionAttributeValues: { ':org': key.orgId },
      }),
    );
  }

  list(orgId: string): Promise<ApiKeyRecord[]> {
    return readWholeListing(this.tableName, orgId, { kind: 'APIKEYS', noun: 'API keys', map: keyRecordOf });
  }

  async revoke(orgId: string, keyId: string, at: string): Promise<boolean> {
    return this.updateIfOwned(orgId, keyId, {
      UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  async rotate(
    orgId: string,
    keyId: string,
    rotation: { expectedSecretHash: string; secretHash: string; previousValidUntil: string; at: string },
  ): Promise<boolean> {
    return this.updateIfOwned(orgId, keyId, {
      // SET reads the item as it was, so the previous hash is the one being replaced.
      UpdateExpression:
        'SET previousSecretHash = secretHash, secretHash = :new, previousSecretExpiresAt = :until, rotatedAt = :at',
      ConditionExpression: 'attribute_not_exists(revokedAt) AND secretHash = :expected',
      ExpressionAttributeValues: {
        ':new': rotation.secretHash,
        ':until': rotation.previousValidUntil,
        ':at': rotation.at,
        ':expected': rotation.expectedSecretHash,
      },
    });
  }

  async recordUse(keyId: string, at: string, notBefore: string): Promise<boolean> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.apiKey(keyId),
          UpdateExpression: 'SET lastUsedAt = :at',
          // Times are stored in toISOString form, so they compare as strings.
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :notBefore)',
          ExpressionAttributeValues: { ':at': at, ':notBefore': notBefore },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** An update that only applies to a key of this org: any other key is as good as missing. */
  private async updateIfOwned(
    orgId: string,
    keyId: string,
    update: {
      UpdateExpression: string;
      ConditionExpression?: string;
      ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<boolean> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.apiKey(keyId),
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: ['attribute_exists(PK) AND orgId = :org', update.ConditionExpression]
            .filter(Boolean)
            .join(' AND '),
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':org': orgId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

/**
 * A stored key as the domain knows it: a role stored under a name from before the roles
 * registry reads as its registry equivalent (the item keeps its name until it is rewritten); a
 * name the registry never had is left out rather than refusing the key.
 */
function keyRecordOf(item: Record<string, unknown>): ApiKeyRecord {
  const { role, ...record } = withoutKeys<ApiKeyRecord & { role?: string }>(item);
  const known = role === undefined ? undefined : roleNamed(role);
  return known ? { ...record, role: known } : record;
}
