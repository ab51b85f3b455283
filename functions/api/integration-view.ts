import type { IntegrationView } from '#contracts/integrations.ts';
import type { Integration } from '#domain/orgs/org-settings.ts';

/** An integration as admins see it: never its secret. */
export function integrationView(integration: Integration): IntegrationView {
  return {
    integrationId: integration.integrationId,
    name: integration.name,
    ...(integration.allowedCidrs ? { allowedCidrs: [...integration.allowedCidrs] } : {}),
    ...(integration.createdAt ? { createdAt: integration.createdAt } : {}),
    webhookPath: `/webhooks/${integration.integrationId}`,
  };
}
