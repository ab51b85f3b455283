import { describe, expect, it } from 'vitest';
import { ClassifierWithFallback, emailClassifierFrom } from '#adapters/classification-engine.ts';
import { SecretsManagerWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { rulesClassifier } from '#domain/classification/rules-classifier.ts';
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

describe('classification engine from the Anthropic key secret', () => {
  it('classifies with the rules while the deployed secret still holds "unset"', async () => {
    secretsManager().put('aictive/test/anthropic-api-key', 'unset');
    expect(await emailClassifierFrom({ ANTHROPIC_API_KEY_SECRET_ID: 'aictive/test/anthropic-api-key' })).toBe(
      rulesClassifier,
    );
  });

  it('uses Claude once an operator has put a key', async () => {
    secretsManager().put('aictive/test/anthropic-key-set', 'test-anthropic-key-not-real');
    const classifier = await emailClassifierFrom({
      ANTHROPIC_API_KEY_SECRET_ID: 'aictive/test/anthropic-key-set',
    });
    expect(classifier).toBeInstanceOf(ClassifierWithFallback);
  });
});
