import { describe, expect, it } from 'vitest';
import { SecretsManagerWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';
import { addSigningKey } from '#usecases/rentvine-signing-keys.ts';

const secretsManager = useFakeSecretsManager();

describe('an org’s signing keys in Secrets Manager, for operator commands', () => {
  it('reads fresh, appends to the family’s secret, and creates it for an org that has none', async () => {
    const keys = new SecretsManagerWebhookSecrets('aictive/test/webhook/');
    secretsManager().put('aictive/test/webhook/acme', 'acme-header-secret-test');
    expect(await keys.secretsFor('acme')).toEqual(['acme-header-secret-test']);
    await addSigningKey({ secrets: keys }, 'acme', 'rentvine-key-test');
    expect(JSON.parse(secretsManager().get('aictive/test/webhook/acme') ?? '')).toEqual({
      secrets: [{ secret: 'acme-header-secret-test' }, { secret: 'rentvine-key-test' }],
    });
    // What the webhook function reads once its five-minute cache turns over is what the command wrote.
    const entries = await new SecretsManagerWebhookSecrets('aictive/test/webhook/').entriesFor('acme');
    expect(entries.map((entry) => entry.secret)).toEqual(['acme-header-secret-test', 'rentvine-key-test']);

    expect(await keys.entriesFor('newco')).toEqual([]);
    await keys.setSecrets('newco', ['first-key-test']);
    expect(await keys.entriesFor('newco')).toEqual([{ secret: 'first-key-test' }]);
  });
});
