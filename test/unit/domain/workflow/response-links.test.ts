import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OwnerApprovalAnswer,
  RESPONSE_LINK_ANSWERS,
  type ResponseLinkClaims,
  VendorOfferAnswer,
} from '#domain/workflow/response-link.ts';
import {
  issueResponseLink,
  MAX_RESPONSE_LINK_LENGTH,
  readResponseLink,
} from '#platform/security/response-links.ts';

const freshSecret = () => randomBytes(32).toString('base64url');
const EXPIRES = '2026-12-01T12:00:00.000Z';
const before = new Date('2026-12-01T11:59:59.999Z');

const offer: ResponseLinkClaims = {
  purpose: 'vendor_offer',
  orgId: 'acme-homes',
  workflowId: 'wf_0123456789abcdefghij0123',
  stepId: 'offer_vendor.1',
  offerId: 'of_1',
  vendorId: '5150',
  expiresAt: EXPIRES,
};
const approval: ResponseLinkClaims = {
  purpose: 'owner_approval',
  orgId: 'acme-homes',
  workflowId: 'wf_0123456789abcdefghij0123',
  stepId: 'owner_approval.2',
  expiresAt: EXPIRES,
};

function parts(token: string): [string, string] {
  const [payload = '', signature = ''] = token.split('.');
  return [payload, signature];
}
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));

describe('response links', () => {
  it('reads back the claims it was issued with, plus a nonce that makes every link differ', () => {
    const secret = freshSecret();
    for (const claims of [offer, approval]) {
      const first = issueResponseLink(claims, secret);
      const second = issueResponseLink(claims, secret);
      expect(first).not.toBe(second);
      const reading = readResponseLink(first, secret, before);
      expect(reading).toEqual({ ok: true, claims: { ...claims, nonce: expect.any(String) } });
      expect(first.length).toBeLessThan(MAX_RESPONSE_LINK_LENGTH);
      expect(first).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    }
  });

  it('refuses claims changed after signing: another step, org, vendor or deadline', () => {
    const secret = freshSecret();
    const [payload, signature] = parts(issueResponseLink(offer, secret));
    const claims = decode(payload);
    for (const change of [
      { stepId: 'offer_vendor.2' },
      { orgId: 'other-org' },
      { vendorId: '5151' },
      { expiresAt: '2027-12-01T12:00:00.000Z' },
      { purpose: 'owner_approval' },
    ]) {
      const forged = `${encode({ ...claims, ...change })}.${signature}`;
      expect(readResponseLink(forged, secret, before)).toEqual({ ok: false, reason: 'bad_signature' });
    }
  });

  it('refuses a changed signature, and a link signed with another secret', () => {
    const secret = freshSecret();
    const token = issueResponseLink(approval, secret);
    const [payload, signature] = parts(token);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(readResponseLink(`${payload}.${flipped}`, secret, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(readResponseLink(token, freshSecret(), before)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a second spelling of the same signature (it would be a new token to the ledger)', () => {
    const secret = freshSecret();
    const [payload, signature] = parts(issueResponseLink(offer, secret));
    // 43 base64url characters carry 258 bits for 256: the last one's low 2 bits are padding.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = last.indexOf(signature.at(-1) as string);
    const twin = `${signature.slice(0, -1)}${last[index ^ 1]}`;
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(readResponseLink(`${payload}.${twin}`, secret, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses truncated, oversized and non-base64 tokens as malformed', () => {
    const secret = freshSecret();
    const token = issueResponseLink(offer, secret);
    const [payload, signature] = parts(token);
    const refusals = [
      token.slice(0, -1),
      token.slice(0, token.indexOf('.') + 1),
      payload,
      '',
      `${payload}.${signature}.${signature}`,
      `${payload}!.${signature}`,
      `${payload}.${signature.slice(0, -1)}=`,
      `${payload.slice(0, 10)} ${payload.slice(10)}.${signature}`,
      `${'A'.repeat(MAX_RESPONSE_LINK_LENGTH)}.${signature}`,
    ];
    for (const refused of refusals)
      expect(readResponseLink(refused, secret, before), refused).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a genuine signature over claims it never issued (not JSON, another shape, extra members)', () => {
    // Only a holder of the secret could make these; they still must not pass as claims.
    const secret = freshSecret();
    const signed = (payload: string) =>
      `${payload}.${createHmac('sha256', secret).update('aictive.response-link.v1.').update(payload).digest('base64url')}`;
    const [payload] = parts(issueResponseLink(offer, secret));
    expect(readResponseLink(signed(payload), secret, before).ok).toBe(true);
    const claims = decode(payload);
    for (const body of [
      Buffer.from('not json').toString('base64url'),
      encode({ ...claims, email: 'someone@example.com' }),
      encode({ ...claims, vendorId: 'someone@example.com' }),
      encode({ ...claims, nonce: undefined }),
      encode({ ...claims, purpose: 'owner_approval' }),
    ])
      expect(readResponseLink(signed(body), secret, before)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('is valid strictly before expiresAt: at the deadline itself it is expired', () => {
    const secret = freshSecret();
    const token = issueResponseLink(offer, secret);
    expect(readResponseLink(token, secret, before).ok).toBe(true);
    expect(readResponseLink(token, secret, new Date(EXPIRES))).toEqual({ ok: false, reason: 'expired' });
    expect(readResponseLink(token, secret, new Date('2027-01-01T00:00:00.000Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('checks the signature before the deadline: an expired forgery is a bad signature', () => {
    const secret = freshSecret();
    const token = issueResponseLink(offer, freshSecret());
    expect(readResponseLink(token, secret, new Date('2027-01-01T00:00:00.000Z'))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rotates: a link signed with the previous secret still reads while that secret is listed', () => {
    const previous = freshSecret();
    const current = freshSecret();
    const old = issueResponseLink(offer, previous);
    const fresh = issueResponseLink(offer, current);
    expect(readResponseLink(old, [current, previous], before).ok).toBe(true);
    expect(readResponseLink(fresh, [current, previous], before).ok).toBe(true);
    expect(readResponseLink(old, [current], before)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses to work with no secret or a short one', () => {
    expect(() => issueResponseLink(offer, 'short')).toThrow(/at least 32/);
    expect(() => readResponseLink('a.b', [], before)).toThrow(/no response link secret/);
    expect(() => readResponseLink('a.b', [freshSecret(), 'short'], before)).toThrow(/at least 32/);
  });

  it('issues only claims a reader accepts: ids of the right shape, no personal data', () => {
    const secret = freshSecret();
    expect(() => issueResponseLink({ ...offer, vendorId: 'pat@example.com' }, secret)).toThrow();
    expect(() => issueResponseLink({ ...offer, orgId: 'Acme Homes' }, secret)).toThrow();
    expect(() => issueResponseLink({ ...approval, stepId: 'a step' }, secret)).toThrow();
    const extra = { ...approval, offerId: 'of_1' } as unknown as ResponseLinkClaims;
    expect(() => issueResponseLink(extra, secret)).toThrow();
  });

  it('refuses every single-character change, cut or insertion of a genuine link (property)', () => {
    const secret = freshSecret();
    const token = issueResponseLink(offer, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    const mutation = fc.oneof(
      // The last character on its own: where a lax decoder would let a second spelling through.
      fc.constantFrom(...alphabet).map((c) => `${token.slice(0, -1)}${c}`),
      fc
        .tuple(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet))
        .map(([at, c]) => `${token.slice(0, at)}${c}${token.slice(at + 1)}`),
      fc.nat({ max: token.length - 1 }).map((at) => token.slice(0, at) + token.slice(at + 1)),
      fc
        .tuple(fc.nat({ max: token.length }), fc.constantFrom(...alphabet))
        .map(([at, c]) => `${token.slice(0, at)}${c}${token.slice(at)}`),
    );
    fc.assert(
      fc.property(mutation, (mutated) => {
        fc.pre(mutated !== token);
        const reading = readResponseLink(mutated, secret, before);
        expect(reading.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('response link answers', () => {
  it('lets a vendor accept (optionally proposing a time) or decline (optionally saying why)', () => {
    expect(VendorOfferAnswer.parse({ decision: 'accept' })).toEqual({ decision: 'accept' });
    expect(
      VendorOfferAnswer.safeParse({ decision: 'accept', proposedTime: '2026-12-02T09:00:00-05:00' }).success,
    ).toBe(true);
    expect(VendorOfferAnswer.safeParse({ decision: 'accept', proposedTime: 'tomorrow' }).success).toBe(false);
    expect(VendorOfferAnswer.safeParse({ decision: 'decline', reason: 'x'.repeat(500) }).success).toBe(true);
    expect(VendorOfferAnswer.safeParse({ decision: 'decline', reason: 'x'.repeat(501) }).success).toBe(false);
    expect(VendorOfferAnswer.safeParse({ decision: 'decline', proposedTime: EXPIRES }).success).toBe(false);
    expect(VendorOfferAnswer.safeParse({ decision: 'approve' }).success).toBe(false);
  });

  it('lets an owner approve or reject with a comment of at most 1000 characters', () => {
    expect(OwnerApprovalAnswer.safeParse({ decision: 'approve' }).success).toBe(true);
    expect(OwnerApprovalAnswer.safeParse({ decision: 'reject', comment: 'x'.repeat(1000) }).success).toBe(
      true,
    );
    expect(OwnerApprovalAnswer.safeParse({ decision: 'reject', comment: 'x'.repeat(1001) }).success).toBe(
      false,
    );
    expect(OwnerApprovalAnswer.safeParse({ decision: 'accept' }).success).toBe(false);
  });

  it('keeps each purpose to its own answers', () => {
    expect(RESPONSE_LINK_ANSWERS.vendor_offer.safeParse({ decision: 'approve' }).success).toBe(false);
    expect(RESPONSE_LINK_ANSWERS.owner_approval.safeParse({ decision: 'accept' }).success).toBe(false);
  });
});
