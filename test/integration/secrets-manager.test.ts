import { describe, expect, it } from 'vitest';
import { SecretsManagerWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';

const secretsManager = useFakeSecretsManager();

describe('webhook secrets from Secrets Manager', () => {
  const secrets = new SecretsManagerWebhookSecrets('aictive/test/webhook/');

  it('reads one signing key, or several during a rotation', async () => {
    secretsManager().put('aictive/test/webhook/acme', 'acme-signing-key-test');
    secretsManager().put(
      'aictive/test/webhook/rotating',
      JSON.stringify({ secrets: ['new-key-test', 'old-key-test'] }),
    );
    expect(await secrets.secretsFor('acme')).toEqual(['acme-signing-key-test']);
    expect(await secrets.secretsFor('rotating')).toEqual(['new-key-test', 'old-key-test']);
  });

  it('caches values, so the hot path does not call Secrets Manager on every delivery', async () => {
    secretsManager().put('aictive/test/webhook/cached', 'cached-key-test');
    await secrets.secretsFor('cached');
    await secrets.secretsFor('cached');
    expect(secretsManager().requests.filter((name) => name === 'aictive/test/webhook/cached')).toHaveLength(
      1,
    );
  });

  it('treats an org without a secret as having none (the delivery is then refused)', async () => {
    expect(await secrets.secretsFor('no-such-org')).toEqual([]);
  });
});
