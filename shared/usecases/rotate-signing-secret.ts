import type { Clock } from '#domain/clock.ts';
import { rotatedSecrets, type SigningSecret } from '#domain/orgs/org.ts';
import type { WebhookSecretsWriter } from '#domain/orgs/ports.ts';

/**
 * Puts `fresh` first among an owner's signing secrets; those `replaces` selects keep working until
 * the grace ends (then every read refuses them), the others are left as they are.
 */
export async function rotateSigningSecret(
  deps: { readonly secrets: WebhookSecretsWriter; readonly clock: Clock },
  input: {
    ownerId: string;
    fresh: SigningSecret;
    replaces: (entry: SigningSecret) => boolean;
    graceSeconds: number;
  },
): Promise<{ previousValidUntil: string }> {
  const now = deps.clock.now();
  const graceUntil = new Date(now.getTime() + input.graceSeconds * 1000);
  const current = await deps.secrets.entriesFor(input.ownerId);
  await deps.secrets.setSecrets(
    input.ownerId,
    rotatedSecrets(current, input.fresh, input.replaces, graceUntil, now),
  );
  return { previousValidUntil: graceUntil.toISOString() };
}
