import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BODY_SIGNATURE_ALGORITHMS,
  type BodyAuth,
  bodyAuthOf,
  bodyAuthSeconds,
  bodySignatureAlgorithmNamed,
  DEFAULT_BODY_SIGNATURE_ALGORITHM,
  matchingBodySignatureAlgorithms,
  signedBody,
  UnknownBodySignatureAlgorithmError,
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

const BODY = Buffer.from('{"event":{"eventType":"lease.updated"},"data":{"leaseID":"1"}}');

const verify = (a: BodyAuth, secrets: readonly string[] = [SECRET], nowSeconds = now) =>
  verifyBodySignature({
    secrets,
    auth: a,
    body: BODY,
    algorithm: DEFAULT_BODY_SIGNATURE_ALGORITHM,
    nowSeconds,
  });

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
      'the right digest in base64 (the org reads hex)',
      auth({ signature: Buffer.from(sign(SECRET, String(now)), 'hex').toString('base64') }),
      [SECRET],
      now,
      'mismatch',
    ],
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

/**
 * Each candidate computed independently of the code under test, over a body as a sender would
 * write it (spacing, escapes and member order its own), so "as sent" is what is proven.
 */
describe('the candidate readings of the body signature', () => {
  const timestamp = '1790000000';
  const tok = 'tok-candidates';
  const unsigned =
    '{ "event": {"eventType":"maintenance::workOrder.created","objectID":"5"},\n  "data": {"workOrderID":"5","description":"caf\u00e9 \\/ <p>"} }';
  const hmac = (message: string) => createHmac('sha256', SECRET).update(message);
  const DATA = '{"workOrderID":"5","description":"caf\u00e9 \\/ <p>"}';
  const EXPECTED: Record<string, string> = {
    'timestamp+token': timestamp + tok,
    'token+timestamp': tok + timestamp,
    'body-without-auth': unsigned,
    data: DATA,
    'timestamp.body-without-auth': `${timestamp}.${unsigned}`,
  };
  /** The sender appends `auth` to the text it signed; its signature is whatever the candidate made. */
  const delivered = (signature: string) =>
    Buffer.from(
      `${unsigned.slice(0, -2)},\n  "auth": {"signature":"${signature}","token":"${tok}","timestamp":${timestamp}} }`,
    );

  it('names ten candidates, every one valid as a setting, the default first', () => {
    expect(BODY_SIGNATURE_ALGORITHMS).toHaveLength(10);
    expect(BODY_SIGNATURE_ALGORITHMS[0]).toBe(DEFAULT_BODY_SIGNATURE_ALGORITHM);
    for (const name of BODY_SIGNATURE_ALGORITHMS) expect(bodySignatureAlgorithmNamed(name)).toBe(name);
    expect(bodySignatureAlgorithmNamed(undefined)).toBe('timestamp+token:hex');
  });

  it('refuses an unknown stored name loudly, never falling back to the default', () => {
    expect(() => bodySignatureAlgorithmNamed('hmac-sha1')).toThrow(UnknownBodySignatureAlgorithmError);
    expect(() => bodySignatureAlgorithmNamed('timestamp+token')).toThrow(
      /unknown body signature algorithm "timestamp\+token"/,
    );
  });

  it.each(BODY_SIGNATURE_ALGORITHMS)(
    '%s: identified alone, and verified only when the org selected it',
    (algorithm) => {
      const [message = '', encoding = ''] = algorithm.split(':');
      const signature = hmac(EXPECTED[message] ?? '').digest(encoding as 'hex' | 'base64');
      const body = delivered(signature);
      const auth = bodyAuthOf(JSON.parse(body.toString()));
      if (typeof auth === 'string') throw new Error(auth);
      expect(matchingBodySignatureAlgorithms([OLD_SECRET, SECRET], { auth, body })).toEqual([algorithm]);
      for (const selected of BODY_SIGNATURE_ALGORITHMS) {
        const check = verifyBodySignature({
          secrets: [SECRET],
          auth,
          body,
          algorithm: selected,
          nowSeconds: now,
        });
        expect(check).toEqual(selected === algorithm ? { ok: true } : { ok: false, reason: 'mismatch' });
      }
    },
  );

  it('identifies long after the window (it accepts nothing), and nothing under a wrong key', () => {
    const body = delivered(hmac(`${timestamp}.${unsigned}`).digest('base64'));
    const auth = bodyAuthOf(JSON.parse(body.toString())) as BodyAuth;
    expect(
      verifyBodySignature({
        secrets: [SECRET],
        auth,
        body,
        algorithm: 'timestamp.body-without-auth:base64',
        nowSeconds: now + 86_400,
      }),
    ).toEqual({ ok: false, reason: 'stale' });
    expect(matchingBodySignatureAlgorithms([SECRET], { auth, body })).toEqual([
      'timestamp.body-without-auth:base64',
    ]);
    expect(matchingBodySignatureAlgorithms(['another-key-test'], { auth, body })).toEqual([]);
  });

  it('signs as it verifies: a body signed under any candidate passes under that candidate', () => {
    for (const algorithm of BODY_SIGNATURE_ALGORITHMS) {
      const body = Buffer.from(
        signedBody(
          SECRET,
          algorithm,
          { event: { eventType: 'lease.updated' }, data: { leaseID: '1' } },
          { timestamp: now, token: tok },
        ),
      );
      const auth = bodyAuthOf(JSON.parse(body.toString())) as BodyAuth;
      expect(verifyBodySignature({ secrets: [SECRET], auth, body, algorithm, nowSeconds: now })).toEqual({
        ok: true,
      });
    }
  });
});
