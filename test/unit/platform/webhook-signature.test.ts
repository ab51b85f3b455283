import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '#platform/security/webhook-signature.ts';

const SECRET = 'whsec-test-only-not-real';
const OLD_SECRET = 'whsec-previous-test-only';
const body = Buffer.from('{"event":{"eventType":"workOrder.created","objectID":"5150"},"data":{}}');
const now = 1_790_000_000;

function check(overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) {
  const headers = signWebhook(SECRET, body, now);
  return verifyWebhook({
    secrets: [SECRET],
    body,
    signature: headers['X-RentVine-Signature'],
    timestamp: headers['X-RentVine-Timestamp'],
    nowSeconds: now,
    ...overrides,
  });
}

describe('Rentvine header signature', () => {
  it('matches an independent computation of HMAC-SHA256 over "{timestamp}.{body}"', () => {
    const expected = createHmac('sha256', SECRET).update(`${now}.${body.toString()}`).digest('hex');
    expect(signWebhook(SECRET, body, now)).toEqual({
      'X-RentVine-Signature': `sha256=${expected}`,
      'X-RentVine-Timestamp': String(now),
    });
  });

  it('accepts a genuine delivery, within the window on both sides', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ nowSeconds: now + 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: now - 300 })).toEqual({ ok: true });
  });

  it('accepts either secret during a rotation', () => {
    const signedWithOld = signWebhook(OLD_SECRET, body, now);
    expect(
      verifyWebhook({
        secrets: [SECRET, OLD_SECRET],
        body,
        signature: signedWithOld['X-RentVine-Signature'],
        timestamp: signedWithOld['X-RentVine-Timestamp'],
        nowSeconds: now,
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['stale', { nowSeconds: now + 301 }, 'stale'],
    ['from the future', { nowSeconds: now - 301 }, 'stale'],
    ['wrong secret', { secrets: ['another-test-secret'] }, 'mismatch'],
    ['no secrets (unknown org)', { secrets: [] }, 'mismatch'],
    ['tampered body', { body: Buffer.from(`${body.toString()} `) }, 'mismatch'],
    ['missing signature', { signature: undefined }, 'missing_signature'],
    ['missing timestamp', { timestamp: undefined }, 'missing_timestamp'],
    ['signature without scheme', { signature: 'a'.repeat(64) }, 'malformed'],
    ['short signature', { signature: 'sha256=abcd' }, 'malformed'],
    ['timestamp not a number', { timestamp: '17e8' }, 'malformed'],
    ['timestamp shifted but signature kept', { timestamp: String(now + 1) }, 'mismatch'],
  ] as const)('refuses a delivery with %s', (_name, overrides, reason) => {
    expect(check(overrides)).toEqual({ ok: false, reason });
  });
});

describe('Rentvine header signature without a timestamp', () => {
  // Independently computed: HMAC-SHA256 over the raw body alone, hex.
  const bodyOnly = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const timestampless = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({
      secrets: [SECRET],
      body,
      signature: bodyOnly,
      timestamp: undefined,
      nowSeconds: now,
      ...overrides,
    });

  it('is refused unless the org allows it', () => {
    expect(timestampless()).toEqual({ ok: false, reason: 'missing_timestamp' });
    expect(timestampless({ allowTimestampless: false })).toEqual({ ok: false, reason: 'missing_timestamp' });
  });

  it('is verified over the raw body alone when the org allows it, at any age', () => {
    expect(timestampless({ allowTimestampless: true })).toEqual({ ok: true });
    expect(timestampless({ allowTimestampless: true, nowSeconds: now + 86_400 * 365 })).toEqual({ ok: true });
  });

  it('still refuses a wrong secret, a tampered body or a timestamped signature sent without its timestamp', () => {
    const allowed = { allowTimestampless: true };
    expect(timestampless({ ...allowed, secrets: ['another-test-secret'] })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(timestampless({ ...allowed, body: Buffer.from(`${body.toString()} `) })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const timestamped = signWebhook(SECRET, body, now)['X-RentVine-Signature'];
    expect(timestampless({ ...allowed, signature: timestamped })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('keeps checking the window when a timestamp is sent, even where timestamp-less is allowed', () => {
    expect(check({ allowTimestampless: true, nowSeconds: now + 301 })).toEqual({
      ok: false,
      reason: 'stale',
    });
  });
});
