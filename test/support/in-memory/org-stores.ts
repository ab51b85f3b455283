import { Org } from '#domain/orgs/org.ts';
import { defaultOrgSettings, Integration, OrgSettings } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, OrgSettingsStore, OrgStore } from '#domain/orgs/ports.ts';
import { copy } from './rows.ts';

/** Records keyed by id, validated by their schema and copied on the way in and out, as the table does. */
class ValidatedRecords<T> {
  private readonly records = new Map<string, T>();

  constructor(private readonly schema: { parse(value: unknown): T }) {}

  get(id: string): T | undefined {
    const stored = this.records.get(id);
    return stored ? this.schema.parse(copy(stored)) : undefined;
  }

  set(id: string, record: T): void {
    this.records.set(id, this.schema.parse(copy(record)));
  }

  /** Stores the record only if its id is free, as a conditional put does. */
  create(id: string, record: T): boolean {
    if (this.records.has(id)) return false;
    this.set(id, record);
    return true;
  }

  delete(id: string): boolean {
    return this.records.delete(id);
  }

  all(): T[] {
    return [...this.records.values()].map((record) => this.schema.parse(copy(record)));
  }
}

/** The in-memory twin of DynamoOrgStore: created once, validated on the way in and out. */
export class InMemoryOrgStore implements OrgStore {
  private readonly orgs = new ValidatedRecords(Org);

  async get(orgId: string): Promise<Org | undefined> {
    return this.orgs.get(orgId);
  }

  async create(org: Org): Promise<boolean> {
    return this.orgs.create(org.orgId, org);
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
  private readonly integrations = new ValidatedRecords(Integration);

  async get(integrationId: string): Promise<Integration | undefined> {
    return this.integrations.get(integrationId);
  }

  async put(integration: Integration): Promise<void> {
    const stored = this.integrations.get(integration.integrationId);
    if (stored && stored.orgId !== integration.orgId)
      throw new Error(`integration ${integration.integrationId} belongs to another org`);
    this.integrations.set(integration.integrationId, integration);
  }

  async create(integration: Integration): Promise<boolean> {
    return this.integrations.create(integration.integrationId, integration);
  }

  async list(orgId: string): Promise<Integration[]> {
    const position = (i: Integration) => `${i.createdAt ?? ''}#${i.integrationId}`;
    return this.integrations
      .all()
      .filter((integration) => integration.orgId === orgId)
      .sort((a, b) => (position(a) < position(b) ? -1 : 1));
  }

  async delete(orgId: string, integrationId: string): Promise<boolean> {
    if (this.integrations.get(integrationId)?.orgId !== orgId) return false;
    return this.integrations.delete(integrationId);
  }
}
