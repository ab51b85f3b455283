import type { Clock } from '#domain/clock.ts';
import type { Integration } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { generateStandardWebhookSecret } from '#platform/security/signing-secrets.ts';

export interface IntegrationDeps {
  readonly integrations: IntegrationStore;
  /** Keyed by integration id, where webhook-ingest reads them. */
  readonly secrets: WebhookSecretsWriter;
  readonly clock: Clock;
}

/** The id is taken, by this org or another: the answer is the same, so it tells no other org's ids. */
export class IntegrationIdTakenError extends Error {
  override readonly name = 'IntegrationIdTakenError';
  constructor() {
    super('this integration id is taken: choose another');
  }
}

/**
 * Registers a Standard Webhooks sender in the caller's org and gives it a new `whsec_` secret,
 * returned once (it replaces any secret an operator stored under that id before).
 */
export async function registerIntegration(
  deps: IntegrationDeps,
  input: { orgId: string; integrationId: string; name: string; allowedCidrs?: readonly string[] },
): Promise<{ integration: Integration; secret: string }> {
  const integration: Integration = {
    integrationId: input.integrationId,
    orgId: input.orgId,
    name: input.name,
    ...(input.allowedCidrs ? { allowedCidrs: [...input.allowedCidrs] } : {}),
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.integrations.create(integration))) throw new IntegrationIdTakenError();
  const secret = generateStandardWebhookSecret();
  await deps.secrets.setSecrets(integration.integrationId, [{ secret, origin: 'platform' }]);
  return { integration, secret };
}
