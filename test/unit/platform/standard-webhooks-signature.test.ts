import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STANDARD_WEBHOOK_SECRET, verifyStandardWebhook } from '#platform/security/standard-webhooks.ts';

// Obviously fake keys: base64 of readable test text.
const SECRET = `whsec_${Buffer.from('standard-webhooks-test-key-1').toString('base64')}`;
const OLD_SECRET = `whsec_${Buffer.from('standard-webhooks-test-key-0').toString('base64')}`;
const now = 1_790_000_000;
const id = 'msg_2aB3cD4eF5test';
const body = Buffer.from(
  '{"type":"form.submitted","data":{"name":"Dana Ruiz","message":"Is unit 4B available?"}}',
);

// The package reads the system clock; pin it to `now` so both windows agree.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now * 1000);
});
afterEach(() => vi.useRealTimers());

function headersOf(values: Record<string, string | undefined>) {
  return (name: string) => values[name];
}

function signed(secret = SECRET, timestamp = now, payload = body, msgId = id) {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': new Webhook(secret).sign(msgId, new Date(timestamp * 1000), payload),
  };
}

function verify(
  headers: Record<string, string | undefined>,
  overrides: { secrets?: readonly string[]; body?: Buffer; nowSeconds?: number } = {},
) {
  return verifyStandardWebhook({
    secrets: overrides.secrets ?? [SECRET],
    body: overrides.body ?? body,
    headers: headersOf(headers),
    nowSeconds: overrides.nowSeconds ?? now,
  });
}

describe('Standard Webhooks', () => {
  it('accepts a vector computed by hand: base64 HMAC-SHA256(decoded key, "{id}.{timestamp}.{body}")', () => {
    const key = Buffer.from('standard-webhooks-test-key-1');
    const digest = createHmac('sha256', key).update(`${id}.${now}.${body.toString()}`).digest('base64');
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(now),
      'webhook-signature': `v1,${digest}`,
    };
    expect(headers['webhook-signature']).toBe(signed()['webhook-signature']);
    expect(verify(headers)).toEqual({ ok: true, messageId: id });
  });

  it('accepts a delivery signed by the reference implementation, within ±300 s', () => {
    expect(verify(signed())).toEqual({ ok: true, messageId: id });
    vi.setSystemTime((now + 300) * 1000);
    expect(verify(signed(), { nowSeconds: now + 300 })).toEqual({ ok: true, messageId: id });
  });

  it('accepts either secret during a rotation, and a signature list with an unknown version', () => {
    expect(verify(signed(OLD_SECRET), { secrets: [SECRET, OLD_SECRET] })).toEqual({
      ok: true,
      messageId: id,
    });
    const listed = {
      ...signed(),
      'webhook-signature': `v2,AAAA v1,bm90LWl0 ${signed()['webhook-signature']}`,
    };
    expect(verify(listed)).toEqual({ ok: true, messageId: id });
  });

  it('keeps an authentic body that is not JSON (it is stored as unrecognized, not refused)', () => {
    const text = Buffer.from('name=Dana&message=hello');
    expect(verify(signed(SECRET, now, text), { body: text })).toEqual({ ok: true, messageId: id });
  });

  it.each([
    ['stale', () => signed(SECRET, now - 301), {}, 'stale'],
    ['from the future', () => signed(SECRET, now + 301), {}, 'stale'],
    ['a tampered body', () => signed(), { body: Buffer.from(`${body.toString()} `) }, 'mismatch'],
    [
      'a wrong secret',
      () => signed(`whsec_${Buffer.from('another-test-key').toString('base64')}`),
      {},
      'mismatch',
    ],
    ['no secrets', () => signed(), { secrets: [] }, 'mismatch'],
    ['an invalid configured secret', () => signed(), { secrets: ['whsec_***not base64***'] }, 'mismatch'],
    ['another message id', () => ({ ...signed(), 'webhook-id': 'msg_other' }), {}, 'mismatch'],
    ['a moved timestamp', () => ({ ...signed(), 'webhook-timestamp': String(now + 1) }), {}, 'mismatch'],
    [
      'a v0 signature',
      () => ({ ...signed(), 'webhook-signature': signed()['webhook-signature'].replace('v1,', 'v0,') }),
      {},
      'mismatch',
    ],
    ['no signature header', () => ({ ...signed(), 'webhook-signature': undefined }), {}, 'missing_signature'],
    ['no id header', () => ({ ...signed(), 'webhook-id': undefined }), {}, 'missing_signature'],
    ['no timestamp header', () => ({ ...signed(), 'webhook-timestamp': undefined }), {}, 'missing_timestamp'],
    [
      'a non-numeric timestamp',
      () => ({ ...signed(), 'webhook-timestamp': '1790000000abc' }),
      {},
      'malformed',
    ],
    ['an id with spaces', () => ({ ...signed(), 'webhook-id': 'msg 1' }), {}, 'malformed'],
    ['an oversized id', () => ({ ...signed(), 'webhook-id': 'm'.repeat(257) }), {}, 'malformed'],
  ] as const)('refuses %s', (_name, headers, overrides, reason) => {
    expect(verify(headers(), overrides)).toEqual({ ok: false, reason });
  });

  it('recognises well-formed secrets only', () => {
    expect(STANDARD_WEBHOOK_SECRET.test(SECRET)).toBe(true);
    expect(STANDARD_WEBHOOK_SECRET.test('plain-secret')).toBe(false);
    expect(STANDARD_WEBHOOK_SECRET.test('whsec_')).toBe(false);
    expect(STANDARD_WEBHOOK_SECRET.test('whsec_has spaces')).toBe(false);
  });
});
