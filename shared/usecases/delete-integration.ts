import type { IntegrationDeps } from './register-integration.ts';

/**
 * Removes one of the org's integrations and its secrets: its deliveries are refused (401) from
 * then on. False when the org has no such integration (another org's is left untouched).
 */
export async function deleteIntegration(
  deps: Pick<IntegrationDeps, 'integrations' | 'secrets'>,
  orgId: string,
  integrationId: string,
): Promise<boolean> {
  if (!(await deps.integrations.delete(orgId, integrationId))) return false;
  // After the record: without it deliveries are refused already, whatever a cache still holds.
  await deps.secrets.setSecrets(integrationId, []);
  return true;
}
