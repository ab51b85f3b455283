import { Org } from '#domain/orgs/org.ts';
import { defaultOrgSettings, Integration, OrgSettings } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, OrgSettingsStore, OrgStore } from '#domain/orgs/ports.ts';
import { copy } from './rows.ts';

/** The in-memory twin of DynamoOrgStore: created once, validated on the way in and out. */
export class InMemoryOrgStore implements OrgStore {
  readonly orgs = new Map<string, Org>();

  async get(orgId: string): Promise<Org | undefined> {
    const stored = this.orgs.get(orgId);
    return stored ? Org.parse(copy(stored)) : undefined;
  }

  async create(org: Org): Promise<boolean> {
    if (this.orgs.has(org.orgId)) return false;
    this.orgs.set(org.orgId, Org.parse(copy(org)));
    return true;
  }
}

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

/** The in-memory twin of DynamoIntegrationStore: ids are global, listings per org. */
export class InMemoryIntegrationStore implements IntegrationStore {
  readonly integrations = new Map<string, Integration>();

  async get(integrationId: string): Promise<Integration | undefined> {
    const stored = this.integrations.get(integrationId);
    return stored ? Integration.parse(copy(stored)) : undefined;
  }

  async put(integration: Integration): Promise<void> {
    const stored = this.integrations.get(integration.integrationId);
    if (stored && stored.orgId !== integration.orgId)
      throw new Error(`integration ${integration.integrationId} belongs to another org`);
    this.integrations.set(integration.integrationId, Integration.parse(copy(integration)));
  }

  async create(integration: Integration): Promise<boolean> {
    if (this.integrations.has(integration.integrationId)) return false;
    this.integrations.set(integration.integrationId, Integration.parse(copy(integration)));
    return true;
  }

  async list(orgId: string): Promise<Integration[]> {
    const position = (i: Integration) => `${i.createdAt ?? ''}#${i.integrationId}`;
    return [...this.integrations.values()]
      .filter((integration) => integration.orgId === orgId)
      .sort((a, b) => (position(a) < position(b) ? -1 : 1))
      .map((integration) => Integration.parse(copy(integration)));
  }

  async delete(orgId: string, integrationId: string): Promise<boolean> {
    if (this.integrations.get(integrationId)?.orgId !== orgId) return false;
    return this.integrations.delete(integrationId);
  }
}
