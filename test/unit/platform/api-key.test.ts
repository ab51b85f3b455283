import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  generateApiKey,
  hashApiKeySecret,
  parseApiKey,
  secretMatches,
} from '#platform/security/api-key.ts';

describe('API keys', () => {
  it('generates keys that parse back to their parts', () => {
    const generated = generateApiKey('local');
    expect(generated.key).toMatch(/^ak_local_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(generated.key)).toEqual({
      env: 'local',
      keyId: generated.keyId,
      secret: generated.secret,
    });
  });

  it('never generates the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey('test').key));
    expect(keys.size).toBe(200);
  });

  it('matches only the secret whose hash is stored', () => {
    const { secret } = generateApiKey('test');
    const stored = hashApiKeySecret(secret);
    expect(stored).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(generateApiKey('test').secret, stored)).toBe(false);
    expect(secretMatches(secret, 'not-hex')).toBe(false);
  });

  it.each([
    '',
    'ak_local_short_x',
    `sk_local_abcdefghijklmnop_${'a'.repeat(43)}`,
    `ak_LOCAL_abcdefghijklmnop_${'a'.repeat(43)}`,
  ])('rejects the malformed key %j', (presented) => {
    expect(parseApiKey(presented)).toBeUndefined();
  });

  it('reads Bearer tokens case-insensitively and nothing else', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
