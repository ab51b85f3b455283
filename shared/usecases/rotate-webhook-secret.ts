import type { Clock } from '#domain/clock.ts';
import type { OrgStore, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { generateWebhookSigningSecret } from '#platform/security/signing-secrets.ts';
import { rotateSigningSecret } from './rotate-signing-secret.ts';

/** No org record by that id (`aictive org create` makes one). */
export class UnknownOrgError extends Error {
  override readonly name = 'UnknownOrgError';
  constructor(readonly orgId: string) {
    super(`no org ${orgId} (create it with aictive org create)`);
  }
}

/**
 * Gives an org a new webhook signing secret of its own (returned once). The platform secrets it
 * replaces keep verifying until the grace ends; keys Rentvine issued are left as they are.
 */
export async function rotateWebhookSecret(
  deps: { readonly orgs: OrgStore; readonly webhookSecrets: WebhookSecretsWriter; readonly clock: Clock },
  input: { orgId: string; graceSeconds: number },
): Promise<{ secret: string; previousValidUntil: string }> {
  if (!(await deps.orgs.get(input.orgId))) throw new UnknownOrgError(input.orgId);
  const secret = generateWebhookSigningSecret();
  const { previousValidUntil } = await rotateSigningSecret(
    { secrets: deps.webhookSecrets, clock: deps.clock },
    {
      ownerId: input.orgId,
      fresh: { secret, origin: 'platform' },
      replaces: (entry) => entry.origin === 'platform',
      graceSeconds: input.graceSeconds,
    },
  );
  return { secret, previousValidUntil };
}
