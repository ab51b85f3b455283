import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretsManagerWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import {
  type FakeAnthropic,
  RENEWAL_TRIAGE_ANSWER,
  startFakeAnthropic,
} from '#test/support/fake-anthropic.ts';
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

describe('triage engine from the Anthropic key secret', () => {
  let anthropic: FakeAnthropic;
  beforeAll(async () => {
    anthropic = await startFakeAnthropic();
  });
  afterAll(async () => {
    await anthropic.close();
  });
  beforeEach(() => anthropic.reset());

  const renewal = { from: 'a@example.com', subject: 'Renewal', text: 'I would like to renew my lease.' };
  const engineFor = (secretId: string) =>
    triageEngineFrom({ ANTHROPIC_API_KEY_SECRET_ID: secretId, ANTHROPIC_BASE_URL: anthropic.baseURL });

  it('triages with the rules alone while the deployed secret still holds "unset"', async () => {
    secretsManager().put('aictive/test/anthropic-api-key', 'unset');
    const engine = await engineFor('aictive/test/anthropic-api-key');

    const triage = await engine.triage(renewal);

    expect(triage).toMatchObject({ engine: 'rules', category: 'lease_renewal' });
    expect(triage).not.toHaveProperty('fallbackReason');
    expect(anthropic.requests).toHaveLength(0);
  });

  it('uses Claude, with the secret as its key and the rules behind it, once an operator has put a key', async () => {
    secretsManager().put('aictive/test/anthropic-key-set', 'test-anthropic-key-not-real');
    const engine = await engineFor('aictive/test/anthropic-key-set');
    anthropic.script({ json: RENEWAL_TRIAGE_ANSWER }, { status: 400 });

    expect(await engine.triage(renewal)).toMatchObject({ engine: 'claude', category: 'lease_renewal' });
    expect(JSON.stringify(anthropic.requests[0]?.headers)).toContain('test-anthropic-key-not-real');
    expect(await engine.triage(renewal)).toMatchObject({
      engine: 'rules',
      fallbackReason: 'claude_error: BadRequestError',
    });
  });
});
