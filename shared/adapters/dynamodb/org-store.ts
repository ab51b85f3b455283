import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Org } from '#domain/orgs/org.ts';
import type { OrgStore } from '#domain/orgs/ports.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoOrgStore implements OrgStore {
  constructor(private readonly tableName: string) {}

  async get(orgId: string): Promise<Org | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.orgRecord(orgId) }),
    );
    return Item ? Org.parse(withoutKeys(Item)) : undefined;
  }

  async create(org: Org): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.orgRecord(org.orgId), ...Org.parse(org) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
