/** Ports of an org's configuration: the org record, settings, integrations, webhook signing secrets. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Org, SigningSecret } from './org.ts';
import type { Integration, OrgSettings } from './org-settings.ts';

/**
 * Active signing secrets of a webhook sender, by its owner id (an org for its Rentvine webhooks,
 * an integration id for a Standard Webhooks sender): several during a rotation, never an expired one.
 */
export interface WebhookSecrets {
  secretsFor(ownerId: string): Promise<readonly string[]>;
}

/**
 * Where an owner's signing secrets are set (a list of {secret, expiresAt?, origin?}). A plain
 * string keeps the expiry and origin its secret already had, so a read of `secretsFor`, an
 * append and a write back never makes a secret in its rotation grace permanent.
 */
export interface WebhookSecretsWriter {
  setSecrets(ownerId: string, secrets: readonly (string | SigningSecret)[]): Promise<void>;
  /** The active entries with their expiry and origin, read afresh (never a cached copy). */
  entriesFor(ownerId: string): Promise<readonly SigningSecret[]>;
}

/** The org records: created once, by `aictive org create`. */
export interface OrgStore {
  get(orgId: string): Promise<Org | undefined>;
  /** False when the org exists already (nothing is changed then). */
  create(org: Org): Promise<boolean>;
}

export interface OrgSettingsStore {
  /** The org's settings, defaults when none were ever saved. */
  get(orgId: string): Promise<OrgSettings>;
  put(settings: OrgSettings): Promise<void>;
}

export interface IntegrationStore {
  get(integrationId: string): Promise<Integration | undefined>;
  /** Writes the integration as given (seeding); never over another org's integration of that id. */
  put(integration: Integration): Promise<void>;
  /** False when the id is taken, in any org (integration ids are global: they are in the URL). */
  create(integration: Integration): Promise<boolean>;
  /** The org's integrations, oldest first. */
  list(orgId: string): Promise<Integration[]>;
  /** False when the org has no integration of that id. */
  delete(orgId: string, integrationId: string): Promise<boolean>;
}
