import { generateStandardWebhookSecret } from '#platform/security/signing-secrets.ts';
import { findIntegration } from './list-integrations.ts';
import type { IntegrationDeps } from './register-integration.ts';
import { rotateSigningSecret } from './rotate-signing-secret.ts';

/**
 * Gives one of the org's integrations a new `whsec_` secret (returned once); the secrets it
 * replaces keep verifying deliveries until `previousSecretValidUntil`. Undefined when the org has
 * no such integration.
 */
export async function rotateIntegrationSecret(
  deps: IntegrationDeps,
  input: { orgId: string; integrationId: string; graceSeconds: number },
): Promise<{ secret: string; previousSecretValidUntil: string } | undefined> {
  if (!(await findIntegration(deps, input.orgId, input.integrationId))) return undefined;
  const secret = generateStandardWebhookSecret();
  const { previousValidUntil } = await rotateSigningSecret(deps, {
    ownerId: input.integrationId,
    fresh: { secret, origin: 'platform' },
    // Every secret of an integration is its sender's: all of them are replaced.
    replaces: () => true,
    graceSeconds: input.graceSeconds,
  });
  return { secret, previousSecretValidUntil: previousValidUntil };
}
