import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  formatApiKey,
  generateApiKey,
  hashApiKeySecret,
  parseApiKey,
  presentedKey,
  secretMatchesAny,
} from '#platform/security/api-key.ts';

const PEPPER = Buffer.from('test-pepper-not-real-0123456789abcdef');
const OTHER_PEPPER = Buffer.from('other-test-pepper-not-real-0123456789');

describe('API keys', () => {
  it('generates keys that parse back to their parts', () => {
    const generated = generateApiKey('local');
    expect(generated.key).toMatch(/^ak_local_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(generated.key)).toEqual({
      env: 'local',
      keyId: generated.keyId,
      secret: generated.secret,
    });
    expect(formatApiKey('local', generated.keyId, generated.secret)).toBe(generated.key);
  });

  it('never generates the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey('test').key));
    expect(keys.size).toBe(200);
  });

  it('stores an HMAC keyed with the pepper: neither the secret nor its plain digest', () => {
    const { secret } = generateApiKey('test');
    const stored = hashApiKeySecret(PEPPER, secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    expect(stored).not.toBe(createHash('sha256').update(secret).digest('hex'));
    expect(stored).not.toBe(hashApiKeySecret(OTHER_PEPPER, secret));
  });

  it('matches only the secret whose hash is stored, and only under the same pepper', () => {
    const { secret } = generateApiKey('test');
    const stored = hashApiKeySecret(PEPPER, secret);
    expect(secretMatchesAny(PEPPER, secret, [stored])).toBe(true);
    expect(secretMatchesAny(OTHER_PEPPER, secret, [stored])).toBe(false);
    expect(secretMatchesAny(PEPPER, generateApiKey('test').secret, [stored])).toBe(false);
    expect(secretMatchesAny(PEPPER, secret, ['not-hex', stored.slice(0, 10)])).toBe(false);
    expect(secretMatchesAny(PEPPER, secret, [])).toBe(false);
  });

  it('matches any of several stored hashes (a rotation keeps the previous one for a while)', () => {
    const previous = generateApiKey('test').secret;
    const current = generateApiKey('test').secret;
    const stored = [hashApiKeySecret(PEPPER, current), hashApiKeySecret(PEPPER, previous)];
    expect(secretMatchesAny(PEPPER, previous, stored)).toBe(true);
    expect(secretMatchesAny(PEPPER, current, stored)).toBe(true);
    expect(secretMatchesAny(PEPPER, previous, stored.slice(0, 1))).toBe(false);
  });

  it('treats a key not in the format as opaque: the whole key is the secret, its id derived', () => {
    const opaque = presentedKey('dev-api-key-change-me');
    expect(opaque).toEqual({
      keyId: expect.stringMatching(/^o[0-9a-f]{15}$/),
      secret: 'dev-api-key-change-me',
    });
    expect(presentedKey('dev-api-key-change-me')).toEqual(opaque);
    // A rotated opaque key gets the structured form with the same id.
    const rotated = formatApiKey('local', opaque?.keyId ?? '', generateApiKey('x').secret);
    expect(presentedKey(rotated)?.keyId).toBe(opaque?.keyId);
    expect(presentedKey('')).toBeUndefined();
    expect(presentedKey('x'.repeat(513))).toBeUndefined();
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
