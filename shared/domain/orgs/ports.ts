/** Ports of an org's configuration: settings, integrations, webhook signing secrets. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Integration, OrgSettings } from './org-settings.ts';

/** Active signing secrets of an org's Rentvine webhook: several during a rotation. */
export interface WebhookSecrets {
  secretsFor(orgId: string): Promise<readonly string[]>;
}

/** Where an org's signing secrets are set when the platform holds them itself (local runs). */
export interface WebhookSecretsWriter {
  setSecrets(orgId: string, secrets: readonly string[]): Promise<void>;
}

export interface OrgSettingsStore {
  /** The org's settings, defaults when none were ever saved. */
  get(orgId: string): Promise<OrgSettings>;
  put(settings: OrgSettings): Promise<void>;
}

export interface IntegrationStore {
  get(integrationId: string): Promise<Integration | undefined>;
  put(integration: Integration): Promise<void>;
}
