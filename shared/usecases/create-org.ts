import type { ApiKeyRecord } from '#domain/access/key-record.ts';
import type { Org } from '#domain/orgs/org.ts';
import type { OrgSettingsStore, OrgStore, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { generateWebhookSigningSecret } from '#platform/security/signing-secrets.ts';
import { type ApiKeyDeps, createApiKey } from './create-api-key.ts';

export interface CreateOrgDeps extends ApiKeyDeps {
  readonly orgs: OrgStore;
  readonly settings: OrgSettingsStore;
  readonly webhookSecrets: WebhookSecretsWriter;
}

/** The org exists already: creating it again would hand out a second set of credentials. */
export class OrgExistsError extends Error {
  override readonly name = 'OrgExistsError';
  constructor(readonly orgId: string) {
    super(`org ${orgId} exists already`);
  }
}

/**
 * Creates an org: its record, its settings (the Rentvine account when given), its own webhook
 * signing secret and its first admin key. The secret and the key are returned once: only the
 * secret is kept as is (signatures need it), the key as a keyed hash.
 */
export async function createOrg(
  deps: CreateOrgDeps,
  input: { orgId: string; name: string; rentvineAccount?: string; env: string },
): Promise<{ org: Org; webhookSecret: string; apiKey: string; adminKey: ApiKeyRecord }> {
  const org: Org = { orgId: input.orgId, name: input.name, createdAt: deps.clock.now().toISOString() };
  if (!(await deps.orgs.create(org))) throw new OrgExistsError(input.orgId);
  if (input.rentvineAccount)
    await deps.settings.put({
      ...(await deps.settings.get(org.orgId)),
      rentvineAccount: input.rentvineAccount,
    });
  const webhookSecret = generateWebhookSigningSecret();
  // Keys set for the org before (Rentvine's, added with `aictive rentvine signing-key`) stay.
  const earlier = await deps.webhookSecrets.entriesFor(org.orgId);
  await deps.webhookSecrets.setSecrets(org.orgId, [
    { secret: webhookSecret, origin: 'platform' },
    ...earlier,
  ]);
  const { key, record } = await createApiKey(deps, {
    orgId: org.orgId,
    name: 'first admin (aictive org create)',
    scopes: ['admin'],
    env: input.env,
    // The CLI writes to the table itself: its holder is an operator, bound by no key.
    by: 'operator',
  });
  return { org, webhookSecret, apiKey: key, adminKey: record };
}
