import { describe, expect, it } from 'vitest';
import { apiKeyPepperFrom, fixedApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { useFakeSecretsManager } from '#test/support/fake-secrets-manager.ts';

const secretsManager = useFakeSecretsManager();

const fromSecret = (id: string) =>
  apiKeyPepperFrom({ API_KEY_PEPPER_SOURCE: 'secretsmanager', API_KEY_PEPPER_SECRET_ID: id });
const PEPPER = 'test-pepper-not-real-0123456789abcdef';

describe('API-key pepper', () => {
  it('is read from Secrets Manager once, then cached by the instance', async () => {
    secretsManager().put('aictive/test/api-key-pepper', PEPPER);
    const pepper = fromSecret('aictive/test/api-key-pepper');
    expect((await pepper.pepper()).toString('utf8')).toBe(PEPPER);
    expect((await pepper.pepper()).toString('utf8')).toBe(PEPPER);
    expect(secretsManager().requests.filter((name) => name === 'aictive/test/api-key-pepper')).toHaveLength(
      1,
    );
  });

  it('fails closed when the secret is missing or too short to be a pepper', async () => {
    await expect(fromSecret('aictive/test/no-pepper').pepper()).rejects.toThrow();
    secretsManager().put('aictive/test/short-pepper', 'short');
    await expect(fromSecret('aictive/test/short-pepper').pepper()).rejects.toThrow(/at least 32 bytes/);
  });

  it('comes from the environment locally', async () => {
    const pepper = apiKeyPepperFrom({ API_KEY_PEPPER_SOURCE: 'env', API_KEY_PEPPER: PEPPER });
    expect((await pepper.pepper()).toString('utf8')).toBe(PEPPER);
    expect(() => fixedApiKeyPepper('short')).toThrow(/at least 32 bytes/);
  });
});
