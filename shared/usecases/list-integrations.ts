import type { Integration } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore } from '#domain/orgs/ports.ts';

type Deps = { readonly integrations: IntegrationStore };

/** An org's integrations, oldest first (never their secrets). */
export async function listIntegrations(deps: Deps, orgId: string): Promise<Integration[]> {
  return deps.integrations.list(orgId);
}

/** One of the org's integrations; another org's is answered like one that does not exist. */
export async function findIntegration(
  deps: Deps,
  orgId: string,
  integrationId: string,
): Promise<Integration | undefined> {
  const integration = await deps.integrations.get(integrationId);
  return integration?.orgId === orgId ? integration : undefined;
}
