import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultOrgSettings, OrgSettings } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { documentClient } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoOrgSettingsStore implements OrgSettingsStore {
  constructor(private readonly tableName: string) {}

  async get(orgId: string): Promise<OrgSettings> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.orgSettings(orgId) }),
    );
    if (!Item) return defaultOrgSettings(orgId);
    return OrgSettings.parse(withoutKeys(Item));
  }

  async put(settings: OrgSettings): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.orgSettings(settings.orgId), ...OrgSettings.parse(settings) },
      }),
    );
  }
}
