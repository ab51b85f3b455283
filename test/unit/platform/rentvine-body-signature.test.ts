import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BodyAuth,
  bodyAuthOf,
  bodyAuthSeconds,
  verifyBodySignature,
} from '#platform/security/rentvine-body-signature.ts';

const SECRET = 'rentvine-signing-key-test-only';
const OLD_SECRET = 'rentvine-previous-key-test-only';
const now = 1_790_000_000;
const token = 'a1b2c3d4e5f6-test-token';

/** Independent of the code under test: hex HMAC-SHA256(key, timestamp + token). */
function sign(secret: string, timestamp: string, tok = token): string {
  return createHmac('sha256', secret)
    .update(timestamp + tok)
    .digest('hex');
}

function auth(overrides: Partial<BodyAuth> = {}): BodyAuth {
  const timestamp = overrides.timestamp ?? String(now);
  return { timestamp, token: overrides.token ?? token, signature: sign(SECRET, timestamp), ...overrides };
}

const verify = (a: BodyAuth, secrets: readonly string[] = [SECRET], nowSeconds = now) =>
  verifyBodySignature({ secrets, auth: a, nowSeconds });

describe('Rentvine body signature', () => {
  it('matches a vector computed by hand', () => {
    const vector = createHmac('sha256', 'key-test').update('1790000000tok').digest('hex');
    expect(verify({ signature: vector, timestamp: '1790000000', token: 'tok' }, ['key-test'])).toEqual({
      ok: true,
    });
  });

  it('accepts a genuine signature at both edges of the ±300 s window, upper-case hex too', () => {
    expect(verify(auth())).toEqual({ ok: true });
    expect(verify(auth(), [SECRET], now + 300)).toEqual({ ok: true });
    expect(verify(auth(), [SECRET], now - 300)).toEqual({ ok: true });
    expect(verify(auth({ signature: sign(SECRET, String(now)).toUpperCase() }))).toEqual({ ok: true });
  });

  it('accepts either secret during a rotation', () => {
    const signedWithOld = auth({ signature: sign(OLD_SECRET, String(now)) });
    expect(verify(signedWithOld, [SECRET, OLD_SECRET])).toEqual({ ok: true });
    expect(verify(signedWithOld, [SECRET])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reads a 13-digit timestamp as milliseconds (the signed text stays as sent)', () => {
    const ms = String(now * 1000 + 123);
    expect(bodyAuthSeconds(auth({ timestamp: ms }))).toBe(now);
    expect(verify(auth({ timestamp: ms, signature: sign(SECRET, ms) }))).toEqual({ ok: true });
    expect(verify(auth({ timestamp: ms, signature: sign(SECRET, ms) }), [SECRET], now + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it.each([
    ['stale', auth(), [SECRET], now + 301, 'stale'],
    ['from the future', auth(), [SECRET], now - 301, 'stale'],
    ['a wrong secret', auth(), ['another-key-test'], now, 'mismatch'],
    ['no secrets', auth(), [], now, 'mismatch'],
    ['another token under the same signature', auth({ token: 'other-token' }), [SECRET], now, 'mismatch'],
    [
      'the timestamp moved, signature kept',
      auth({ timestamp: String(now + 1), signature: sign(SECRET, String(now)) }),
      [SECRET],
      now,
      'mismatch',
    ],
    ['a short signature', auth({ signature: 'abcd' }), [SECRET], now, 'malformed'],
    [
      'a prefixed signature',
      auth({ signature: `sha256=${sign(SECRET, String(now))}` }),
      [SECRET],
      now,
      'malformed',
    ],
    ['an empty token', auth({ token: '' }), [SECRET], now, 'malformed'],
    ['an oversized token', auth({ token: 'x'.repeat(513) }), [SECRET], now, 'malformed'],
    ['a non-numeric timestamp', auth({ timestamp: '17e8' }), [SECRET], now, 'malformed'],
    ['a negative timestamp', auth({ timestamp: '-5' }), [SECRET], now, 'malformed'],
  ] as const)('refuses %s', (_name, a, secrets, nowSeconds, reason) => {
    expect(verify(a, secrets, nowSeconds)).toEqual({ ok: false, reason });
  });
});

describe('the auth member of a payload', () => {
  it('is read with string or integer timestamps', () => {
    expect(bodyAuthOf({ auth: { signature: 's', token: 't', timestamp: 1790000000 } })).toEqual({
      signature: 's',
      token: 't',
      timestamp: '1790000000',
    });
    expect(
      bodyAuthOf({ data: {}, auth: { signature: 's', token: 't', timestamp: '1790000000' } }),
    ).toMatchObject({
      timestamp: '1790000000',
    });
  });

  it('is absent from payloads without it', () => {
    expect(bodyAuthOf({ event: {} })).toBe('absent');
    expect(bodyAuthOf([1, 2])).toBe('absent');
    expect(bodyAuthOf(null)).toBe('absent');
    expect(bodyAuthOf('text')).toBe('absent');
  });

  it.each([
    ['null', null],
    ['a string', 'sig'],
    ['no token', { signature: 's', timestamp: '1' }],
    ['a numeric signature', { signature: 1, token: 't', timestamp: '1' }],
    ['a fractional timestamp', { signature: 's', token: 't', timestamp: 1.5 }],
    ['an object timestamp', { signature: 's', token: 't', timestamp: {} }],
  ])('is malformed with %s', (_name, value) => {
    expect(bodyAuthOf({ auth: value })).toBe('malformed');
  });
});
