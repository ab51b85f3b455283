import { defaultOrgSettings, Integration, OrgSettings } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, OrgSettingsStore } from '#domain/orgs/ports.ts';
import { copy } from './rows.ts';

/** The in-memory twin of DynamoOrgSettingsStore: validates on the way in and out, as it does. */
export class InMemoryOrgSettingsStore implements OrgSettingsStore {
  readonly settings = new Map<string, OrgSettings>();

  async get(orgId: string): Promise<OrgSettings> {
    const stored = this.settings.get(orgId);
    return stored ? OrgSettings.parse(copy(stored)) : defaultOrgSettings(orgId);
  }

  async put(settings: OrgSettings): Promise<void> {
    this.settings.set(settings.orgId, OrgSettings.parse(copy(settings)));
  }
}

/** The in-memory twin of DynamoIntegrationStore. */
export class InMemoryIntegrationStore implements IntegrationStore {
  readonly integrations = new Map<string, Integration>();

  async get(integrationId: string): Promise<Integration | undefined> {
    const stored = this.integrations.get(integrationId);
    return stored ? Integration.parse(copy(stored)) : undefined;
  }

  async put(integration: Integration): Promise<void> {
    this.integrations.set(integration.integrationId, Integration.parse(copy(integration)));
  }
}
