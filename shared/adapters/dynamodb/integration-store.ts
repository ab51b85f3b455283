import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Integration } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore } from '#domain/orgs/ports.ts';
import { documentClient } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoIntegrationStore implements IntegrationStore {
  constructor(private readonly tableName: string) {}

  async get(integrationId: string): Promise<Integration | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.integration(integrationId) }),
    );
    return Item ? Integration.parse(withoutKeys(Item)) : undefined;
  }

  async put(integration: Integration): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.integration(integration.integrationId), ...Integration.parse(integration) },
      }),
    );
  }
}
