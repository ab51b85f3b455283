import { describe, expect, it } from 'vitest';
import { SecretsManagerWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { rotateSigningSecret } from '#usecases/rotate-signing-secret.ts';

const secretsManager = useFakeSecretsManager();

describe('webhook secrets written to Secrets Manager (integrations registered through the API, aictive org --stage)', () => {
  it('creates the secret with the data key, then puts new values; a rotation keeps the old one for its grace', async () => {
    const writer = new SecretsManagerWebhookSecrets(
      'aictive/test/webhook/integration/',
      'alias/aictive/test/data',
    );
    await writer.setSecrets('forms', [{ secret: 'whsec_first', origin: 'platform' }]);
    expect(secretsManager().createdWithKey.get('aictive/test/webhook/integration/forms')).toBe(
      'alias/aictive/test/data',
    );
    const now = new Date();
    const { previousValidUntil } = await rotateSigningSecret(
      { secrets: writer, clock: { now: () => now } },
      {
        ownerId: 'forms',
        fresh: { secret: 'whsec_second', origin: 'platform' },
        replaces: () => true,
        graceSeconds: 3600,
      },
    );
    expect(JSON.parse(secretsManager().get('aictive/test/webhook/integration/forms') ?? '')).toEqual({
      secrets: [
        { secret: 'whsec_second', origin: 'platform' },
        { secret: 'whsec_first', origin: 'platform', expiresAt: previousValidUntil },
      ],
    });
    // A reader (webhook-ingest) sees both while the grace runs.
    expect(
      await new SecretsManagerWebhookSecrets('aictive/test/webhook/integration/').secretsFor('forms'),
    ).toEqual(['whsec_second', 'whsec_first']);
  });

  it('never answers an entry past its expiry', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    secretsManager().put(
      'aictive/test/webhook/expired-org',
      JSON.stringify({ secrets: ['current-key-test', { secret: 'old-key-test', expiresAt: past }] }),
    );
    expect(await new SecretsManagerWebhookSecrets('aictive/test/webhook/').secretsFor('expired-org')).toEqual(
      ['current-key-test'],
    );
  });
});
