import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Integration } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore } from '#domain/orgs/ports.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { readWholeListing } from './listing-page.ts';

/**
 * Integrations are keyed by their id (it is in the delivery URL, read before the org is known)
 * and listed per org through GSI1.
 */
export class DynamoIntegrationStore implements IntegrationStore {
  constructor(private readonly tableName: string) {}

  async get(integrationId: string): Promise<Integration | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.integration(integrationId),
        ConsistentRead: true,
      }),
    );
    return Item ? Integration.parse(withoutKeys(Item)) : undefined;
  }

  async put(integration: Integration): Promise<void> {
    // Re-seeding is fine; another org's integration of the same id is never overwritten.
    await this.write(integration, 'attribute_not_exists(PK) OR orgId = :org', { ':org': integration.orgId });
  }

  async create(integration: Integration): Promise<boolean> {
    try {
      await this.write(integration, 'attribute_not_exists(PK)');
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  list(orgId: string): Promise<Integration[]> {
    return readWholeListing(this.tableName, orgId, {
      kind: 'INTEGRATIONS',
      noun: 'integrations',
      map: (item) => Integration.parse(withoutKeys(item)),
    });
  }

  async delete(orgId: string, integrationId: string): Promise<boolean> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.integration(integrationId),
          // Another org's integration is answered like one that does not exist.
          ConditionExpression: 'orgId = :org',
          ExpressionAttributeValues: { ':org': orgId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async write(
    integration: Integration,
    condition: string,
    values?: Record<string, unknown>,
  ): Promise<void> {
    const record = Integration.parse(integration);
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.integration(record.integrationId),
          ...keys.listing(record.orgId, 'INTEGRATIONS', record.createdAt ?? '', record.integrationId),
          ...record,
        },
        ConditionExpression: condition,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      }),
    );
  }
}
